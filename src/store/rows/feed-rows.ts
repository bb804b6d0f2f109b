/**
 * A followed feed as both engines' `feeds` table returns it, and its mapping to the port's
 * record: the columns are the same in SQLite and PostgreSQL, so the shape is written once.
 */
import type { FeedKind, FeedRecord } from '../../core/ports/feed-store.ts';

export interface FeedRow {
  id: number;
  url: string;
  added_from: string | null;
  title: string | null;
  kind: FeedKind | null;
  platform: string;
  workspace: string;
  channel: string | null;
  added_by: string | null;
  interval_minutes: number | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  failures: number;
  paused_at: string | null;
  paused_reason: string | null;
  next_poll_at: string;
  items_seen: number;
}

export function toFeedRecord(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    addedFrom: row.added_from,
    title: row.title,
    kind: row.kind,
    owner: { platform: row.platform, workspace: row.workspace, channel: row.channel, user: row.added_by },
    intervalMinutes: row.interval_minutes,
    addedAt: row.added_at,
    validators: { etag: row.etag, lastModified: row.last_modified },
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error && row.last_error_at ? { at: row.last_error_at, reason: row.last_error } : null,
    failures: row.failures,
    paused: row.paused_at ? { at: row.paused_at, reason: row.paused_reason ?? '' } : null,
    nextPollAt: row.next_poll_at,
    itemsSeen: row.items_seen,
  };
}
