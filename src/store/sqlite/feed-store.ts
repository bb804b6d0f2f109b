/**
 * The SQLite side of the FeedStore port. A poll is claimed with one `INSERT … ON CONFLICT DO
 * UPDATE … WHERE`, as digest runs are (digest-runs.ts), and only for the feed's current due
 * time, so a poll another process finished is never claimed again; finishing it updates the
 * poll and the feed's health in one IMMEDIATE transaction.
 */
import type Database from 'better-sqlite3';
import type { FeedRecord, FeedStore, PollClaim, PollFinish, PollOutcome, PollRef, SeenItem } from '../../core/ports/feed-store.ts';
import { type FeedRow, toFeedRecord } from '../rows/feed-rows.ts';

/** Finished polls older than this are forgotten: the feed row keeps the health that matters. */
const POLL_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

/** Prepares every statement once and wraps the multi-row writes in transactions. */
export function createSqliteFeedStore(db: Database.Database): FeedStore {
  const byUrl = db.prepare('SELECT * FROM feeds WHERE url = ? OR added_from = ? ORDER BY url = ? DESC, id LIMIT 1');
  const byId = db.prepare('SELECT * FROM feeds WHERE id = ?');
  const all = db.prepare('SELECT * FROM feeds ORDER BY id');
  const due = db.prepare('SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id');
  const insert = db.prepare(`INSERT INTO feeds (url, added_from, platform, workspace, channel, added_by, interval_minutes, added_at, next_poll_at)
    VALUES (@url, @addedFrom, @platform, @workspace, @channel, @user, @intervalMinutes, @at, @at)`);
  const refresh = db.prepare(`UPDATE feeds SET paused_at = NULL, paused_reason = NULL, failures = 0, next_poll_at = @at,
      interval_minutes = coalesce(@intervalMinutes, interval_minutes), added_from = coalesce(added_from, @addedFrom)
    WHERE id = @id`);
  const remove = db.prepare('DELETE FROM feeds WHERE id = ?');
  const isDue = db.prepare('SELECT 1 FROM feeds WHERE id = ? AND next_poll_at = ?').pluck();
  const claim = db.prepare(`INSERT INTO feed_polls (feed, slot, state, owner, lease_until, claimed_at)
    VALUES (@feed, @slot, 'claimed', @owner, @leaseUntil, @at)
    ON CONFLICT (feed, slot) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until, claimed_at = excluded.claimed_at
    WHERE feed_polls.state = 'claimed' AND feed_polls.lease_until < excluded.claimed_at`);
  const finishPoll = db.prepare(`UPDATE feed_polls SET state = @state, lease_until = NULL, finished_at = @at, error = @error
    WHERE feed = @feed AND slot = @slot AND owner = @owner AND state = 'claimed'`);
  const prune = db.prepare(`DELETE FROM feed_polls WHERE feed = ? AND state != 'claimed' AND finished_at < ?`);
  const succeeded = db.prepare(`UPDATE feeds SET etag = @etag, last_modified = @lastModified, title = coalesce(@title, title),
      kind = coalesce(@kind, kind), last_polled_at = @at, last_success_at = @at, failures = 0, paused_at = NULL,
      paused_reason = NULL, next_poll_at = @nextPollAt, items_seen = coalesce(@items, items_seen)
    WHERE id = @feed`);
  const failed = db.prepare(`UPDATE feeds SET last_polled_at = @at, last_error = @reason, last_error_at = @at,
      failures = failures + 1, next_poll_at = @nextPollAt,
      paused_at = CASE WHEN paused_at IS NULL AND failures + 1 >= @pauseAfter THEN @at ELSE paused_at END,
      paused_reason = CASE WHEN paused_at IS NULL AND failures + 1 >= @pauseAfter THEN @reason ELSE paused_reason END
    WHERE id = @feed`);
  const seenStatements = new Map<number, Database.Statement>();
  const seen = (count: number): Database.Statement => {
    let statement = seenStatements.get(count);
    if (!statement) {
      statement = db.prepare(
        `SELECT article, entry_hash, status, reason, attempts FROM feed_items WHERE key IN (${Array(count).fill('?').join(', ')}) ORDER BY status = 'indexed' DESC LIMIT 1`,
      );
      seenStatements.set(count, statement);
    }
    return statement;
  };
  const saveItem = db.prepare(`INSERT INTO feed_items (key, feed, article, entry_hash, status, reason, attempts, first_seen, last_seen)
    VALUES (@key, @feed, @article, @entryHash, @status, @reason, @attempts, @at, @at)
    ON CONFLICT (key) DO UPDATE SET feed = coalesce(feed, excluded.feed), article = coalesce(excluded.article, article),
      entry_hash = excluded.entry_hash, status = excluded.status, reason = excluded.reason, attempts = excluded.attempts,
      last_seen = excluded.last_seen`);

  const get = (id: number): FeedRecord | null => {
    const row = byId.get(id) as FeedRow | undefined;
    return row ? toFeedRecord(row) : null;
  };
  const find = (url: string): FeedRecord | null => {
    const row = byUrl.get(url, url, url) as FeedRow | undefined;
    return row ? toFeedRecord(row) : null;
  };

  const add = db.transaction((feed: Parameters<FeedStore['addFeed']>[0]) => {
    const existing = find(feed.url);
    const values = { ...feed, ...feed.owner };
    if (existing) {
      refresh.run({ id: existing.id, at: feed.at, intervalMinutes: feed.intervalMinutes, addedFrom: feed.addedFrom });
      return { record: get(existing.id)!, created: false };
    }
    const id = Number(insert.run(values).lastInsertRowid);
    return { record: get(id)!, created: true };
  });

  const finish = db.transaction((ref: PollRef, owner: string, outcome: PollOutcome, at: string): PollFinish | null => {
    const state = outcome.state;
    const error = state === 'failed' ? outcome.reason : null;
    if (finishPoll.run({ ...ref, owner, state, at, error }).changes === 0) return null;
    const before = get(ref.feed);
    if (!before) return null;
    if (outcome.state === 'failed') {
      failed.run({ feed: ref.feed, at, reason: outcome.reason, nextPollAt: outcome.nextPollAt, pauseAfter: outcome.pauseAfter });
    } else {
      succeeded.run({
        feed: ref.feed,
        at,
        ...outcome.validators,
        title: outcome.title,
        kind: outcome.kind,
        nextPollAt: outcome.nextPollAt,
        items: outcome.items,
      });
    }
    prune.run(ref.feed, new Date(Date.parse(at) - POLL_HISTORY_MS).toISOString());
    const after = get(ref.feed)!;
    return { record: after, paused: before.paused === null && after.paused !== null, resumed: before.paused !== null && after.paused === null };
  });

  const claimPoll = db.transaction((request: PollClaim): boolean => {
    if (!isDue.get(request.feed, request.slot)) return false;
    return claim.run(request).changes > 0;
  });

  const save = db.transaction((keys: readonly string[], feed: number | null, item: SeenItem, at: string) => {
    for (const key of keys) saveItem.run({ key, feed, ...item, at });
  });

  return {
    // IMMEDIATE: take the write lock before reading, so two processes queue rather than both read "free".
    addFeed: async (feed) => add.immediate(feed),
    removeFeed: async (url) => {
      const found = find(url);
      if (found) remove.run(found.id);
      return found;
    },
    feed: async (url) => find(url),
    feedById: async (id) => get(id),
    feeds: async () => (all.all() as FeedRow[]).map(toFeedRecord),
    dueFeeds: async (at) => (due.all(at) as FeedRow[]).map(toFeedRecord),
    claimPoll: async (request) => claimPoll.immediate(request),
    finishPoll: async (ref, owner, outcome, at) => finish.immediate(ref, owner, outcome, at),
    seenItem: async (keys) => {
      if (keys.length === 0) return null;
      const row = seen(keys.length).get(...keys) as
        | { article: string | null; entry_hash: string; status: SeenItem['status']; reason: string | null; attempts: number }
        | undefined;
      return row ? { article: row.article, entryHash: row.entry_hash, status: row.status, reason: row.reason, attempts: row.attempts } : null;
    },
    saveItem: async (keys, feed, item, at) => save(keys, feed, item, at),
  };
}
