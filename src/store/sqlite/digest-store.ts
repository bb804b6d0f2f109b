/**
 * The SQLite side of the DigestStore port: subscriptions and runs, each write that touches
 * more than one row in one transaction.
 */
import type Database from 'better-sqlite3';
import type { DigestStore } from '../../core/ports/digest-store.ts';
import { prepareRunTable } from './digest-runs.ts';
import { prepareSubscriptionTable } from './digest-subscriptions.ts';

/** Prepares the digest tables' statements once and wraps the multi-row writes in transactions. */
export function createSqliteDigestStore(db: Database.Database): DigestStore {
  const subscriptions = prepareSubscriptionTable(db);
  const runs = prepareRunTable(db);
  const save = db.transaction(subscriptions.save);
  // IMMEDIATE: take the write lock before reading, so two processes' claims queue rather than
  // both reading "free" and one failing with SQLITE_BUSY on upgrade.
  const claim = db.transaction(runs.claim);
  const finish = db.transaction(runs.finish);
  const abandon = db.transaction(runs.abandonStale);
  return {
    saveSubscription: async (key, settings, by, at) => save.immediate(key, settings, by, at),
    removeSubscription: async (key) => subscriptions.remove(key),
    subscription: async (key) => subscriptions.byKey(key),
    subscriptionById: async (id) => subscriptions.byId(id),
    subscriptions: async () => subscriptions.all(),
    pauseSubscription: async (id, reason, at) => subscriptions.pause(id, reason, at),
    claimRun: async (request) => claim.immediate(request),
    recordMissed: async (ref, at) => runs.missed(ref, at),
    startPosting: async (ref, owner, leaseUntil) => runs.startPosting(ref, owner, leaseUntil),
    finishRun: async (ref, owner, outcome, at) => finish.immediate(ref, owner, outcome, at),
    abandonStalePosts: async (at) => abandon.immediate(at),
    retryNow: async (platform, at) => runs.retryNow(platform, at),
    runs: async (subscription, limit) => runs.list(subscription, limit),
  };
}
