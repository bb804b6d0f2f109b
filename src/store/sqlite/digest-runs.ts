/**
 * Digest runs in SQLite: the claim of a slot is one `INSERT … ON CONFLICT DO UPDATE … WHERE`,
 * so of several processes sharing the file exactly one gets each slot, and a run is taken over
 * only when its holder abandoned it before posting (lease expired) or it failed and is due again.
 * Every later step is an UPDATE conditional on the owner and the state it leaves.
 */
import type Database from 'better-sqlite3';
import type { ClaimRequest, RunOutcome, RunRecord, RunRef } from '../../core/ports/digest-store.ts';
import { type RunRow, toRun } from '../rows/digest-rows.ts';

export interface RunTable {
  /** Runs inside a transaction (the store wraps it). */
  claim(claim: ClaimRequest): boolean;
  missed(ref: RunRef, at: string): boolean;
  startPosting(ref: RunRef, owner: string, leaseUntil: string): boolean;
  /** Runs inside a transaction (the store wraps it). */
  finish(ref: RunRef, owner: string, outcome: RunOutcome, at: string): boolean;
  /** Runs inside a transaction (the store wraps it). */
  abandonStale(at: string): RunRecord[];
  retryNow(platform: string, at: string): number;
  list(subscription: number, limit: number): RunRecord[];
}

/** Prepares every statement once. */
export function prepareRunTable(db: Database.Database): RunTable {
  const active = db.prepare('SELECT 1 FROM digest_subscriptions WHERE id = ? AND paused_at IS NULL').pluck();
  const claim = db.prepare(`INSERT INTO digest_runs
      (subscription, slot, state, owner, lease_until, attempts, catch_up, claimed_at)
    VALUES (@subscription, @slot, 'claimed', @owner, @leaseUntil, 0, @catchUp, @at)
    ON CONFLICT (subscription, slot) DO UPDATE SET
      state = 'claimed', owner = excluded.owner, lease_until = excluded.lease_until,
      claimed_at = excluded.claimed_at, next_attempt_at = NULL
    WHERE (digest_runs.state = 'claimed' AND digest_runs.lease_until < excluded.claimed_at)
       OR (digest_runs.state = 'retrying' AND digest_runs.next_attempt_at <= excluded.claimed_at)`);
  // Only the newest slot of a subscription is delivered: what an older, unposted one would have
  // said is still above the watermark, so the newer digest carries it. A run being posted stays.
  const supersede = db.prepare(`UPDATE digest_runs SET state = 'superseded', finished_at = @at, lease_until = NULL
    WHERE subscription = @subscription AND slot < @slot
      AND (state = 'retrying' OR (state = 'claimed' AND lease_until < @at))`);
  const missed = db.prepare(`INSERT INTO digest_runs (subscription, slot, state, catch_up, claimed_at, finished_at)
    VALUES (?, ?, 'missed', 1, ?, ?) ON CONFLICT (subscription, slot) DO NOTHING`);
  const startPosting = db.prepare(`UPDATE digest_runs SET state = 'posting', lease_until = ?, attempts = attempts + 1
    WHERE subscription = ? AND slot = ? AND owner = ? AND state = 'claimed'`);
  const finish = db.prepare(`UPDATE digest_runs SET state = @state, lease_until = NULL,
      finished_at = CASE WHEN @state = 'retrying' THEN NULL ELSE @at END,
      next_attempt_at = @nextAttemptAt, error = coalesce(@error, error),
      from_seq = coalesce(@fromSeq, from_seq), to_seq = coalesce(@toSeq, to_seq), articles = coalesce(@articles, articles),
      resume = @resume
    WHERE subscription = @subscription AND slot = @slot AND owner = @owner AND state IN ('claimed', 'posting')`);
  const moveWatermark = db.prepare(`UPDATE digest_subscriptions SET watermark = max(coalesce(watermark, -1), @toSeq)
    WHERE id = @subscription`);
  const posted = db.prepare(`UPDATE digest_subscriptions SET last_posted_slot = @slot, last_posted_at = @at
    WHERE id = @subscription AND (last_posted_slot IS NULL OR last_posted_slot < @slot)`);
  const pause = db.prepare(`UPDATE digest_subscriptions SET paused_at = @at, paused_reason = @error WHERE id = @subscription`);
  const stale = db.prepare(`SELECT * FROM digest_runs WHERE state = 'posting' AND lease_until < ?`);
  const markUncertain = db.prepare(`UPDATE digest_runs SET state = 'uncertain', finished_at = ?
    WHERE subscription = ? AND slot = ? AND state = 'posting'`);
  const list = db.prepare('SELECT * FROM digest_runs WHERE subscription = ? ORDER BY slot DESC LIMIT ?');
  const retryNow = db.prepare(`UPDATE digest_runs SET next_attempt_at = @at
    WHERE state = 'retrying' AND next_attempt_at > @at
      AND subscription IN (SELECT id FROM digest_subscriptions WHERE platform = @platform)`);

  return {
    claim(request) {
      if (!active.get(request.subscription)) return false;
      const claimed = claim.run({ ...request, catchUp: request.catchUp ? 1 : 0 }).changes > 0;
      if (claimed) supersede.run({ subscription: request.subscription, slot: request.slot, at: request.at });
      return claimed;
    },
    missed: (ref, at) => missed.run(ref.subscription, ref.slot, at, at).changes > 0,
    startPosting: (ref, owner, leaseUntil) => startPosting.run(leaseUntil, ref.subscription, ref.slot, owner).changes > 0,
    finish(ref, owner, outcome, at) {
      const values = {
        ...ref,
        owner,
        at,
        state: outcome.state,
        nextAttemptAt: outcome.state === 'retrying' ? outcome.nextAttemptAt : null,
        error: 'error' in outcome ? outcome.error : null,
        fromSeq: 'fromSeq' in outcome ? outcome.fromSeq : null,
        toSeq: 'toSeq' in outcome ? outcome.toSeq : null,
        articles: outcome.state === 'posted' ? outcome.articles : null,
        resume: outcome.state === 'retrying' && outcome.resume ? JSON.stringify(outcome.resume) : null,
      };
      if (finish.run(values).changes === 0) return false;
      if (outcome.state === 'posted' || outcome.state === 'empty') moveWatermark.run(values);
      if (outcome.state === 'posted') posted.run(values);
      if (outcome.state === 'gone') pause.run(values);
      return true;
    },
    abandonStale(at) {
      const rows = stale.all(at) as RunRow[];
      for (const row of rows) markUncertain.run(at, row.subscription, row.slot);
      return rows.map((row) => toRun({ ...row, state: 'uncertain', finished_at: at }));
    },
    list: (subscription, limit) => (list.all(subscription, limit) as RunRow[]).map(toRun),
    retryNow: (platform, at) => retryNow.run({ platform, at }).changes,
  };
}
