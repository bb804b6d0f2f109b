/**
 * Digest subscriptions and runs as both engines' tables return them, and their mapping to the
 * port's records: the columns are the same in SQLite and PostgreSQL, so the shapes are written once.
 */
import type { PostResume, RunRecord, RunState, SubscriptionRecord } from '../../core/ports/digest-store.ts';

export interface SubscriptionRow {
  id: number;
  platform: string;
  workspace: string;
  channel: string;
  time: string;
  days: string;
  timezone: string | null;
  topic: string | null;
  empty: 'skip' | 'post';
  created_at: string;
  created_by: string | null;
  updated_at: string;
  active_from: string;
  paused_at: string | null;
  paused_reason: string | null;
  watermark: number | null;
  last_posted_slot: string | null;
  last_posted_at: string | null;
}

export function toSubscription(row: SubscriptionRow): SubscriptionRecord {
  return {
    id: row.id,
    platform: row.platform,
    workspace: row.workspace,
    channel: row.channel,
    time: row.time,
    days: row.days === '' ? [] : row.days.split(',').map(Number),
    timezone: row.timezone,
    topic: row.topic,
    empty: row.empty,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    activeFrom: row.active_from,
    paused: row.paused_at ? { at: row.paused_at, reason: row.paused_reason ?? '' } : null,
    watermark: row.watermark,
    lastPosted: row.last_posted_slot && row.last_posted_at ? { slot: row.last_posted_slot, at: row.last_posted_at } : null,
  };
}

export interface RunRow {
  subscription: number;
  slot: string;
  state: RunState;
  owner: string | null;
  lease_until: string | null;
  attempts: number;
  next_attempt_at: string | null;
  catch_up: number;
  claimed_at: string;
  finished_at: string | null;
  from_seq: number | null;
  to_seq: number | null;
  articles: number | null;
  error: string | null;
  /** PostResume as JSON (migrations: SQLite 13, PostgreSQL 6); absent in rows read before. */
  resume?: string | null;
}

export function toRun(row: RunRow): RunRecord {
  return {
    subscription: row.subscription,
    slot: row.slot,
    state: row.state,
    owner: row.owner,
    leaseUntil: row.lease_until,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    catchUp: row.catch_up === 1,
    claimedAt: row.claimed_at,
    finishedAt: row.finished_at,
    fromSeq: row.from_seq,
    toSeq: row.to_seq,
    articles: row.articles,
    error: row.error,
    resume: row.resume ? (JSON.parse(row.resume) as PostResume) : null,
  };
}
