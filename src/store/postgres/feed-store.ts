/**
 * The PostgreSQL side of the FeedStore port: a poll is claimed with one `INSERT … ON CONFLICT
 * DO UPDATE … WHERE`, as in SQLite (sqlite/feed-store.ts), and only for the feed's current due
 * time; finishing it updates the poll and the feed's health in one transaction, the feed's row
 * locked so that exactly one finisher sees the pause or the resumption happen.
 */
import type pg from 'pg';
import type { FeedRecord, FeedStore, SeenItem } from '../../core/ports/feed-store.ts';
import { inTransaction, type Queryable } from './transaction.ts';
import { type FeedRow, toFeedRecord } from '../rows/feed-rows.ts';

/** Finished polls older than this are forgotten: the feed row keeps the health that matters. */
const POLL_HISTORY_MS = 7 * 24 * 60 * 60 * 1000;

async function find(db: Queryable, url: string): Promise<FeedRecord | null> {
  const { rows } = await db.query<FeedRow>('SELECT * FROM feeds WHERE url = $1 OR added_from = $1 ORDER BY (url = $1) DESC, id LIMIT 1', [url]);
  return rows[0] ? toFeedRecord(rows[0]) : null;
}

async function get(db: Queryable, id: number, lock = ''): Promise<FeedRecord | null> {
  const { rows } = await db.query<FeedRow>(`SELECT * FROM feeds WHERE id = $1 ${lock}`, [id]);
  return rows[0] ? toFeedRecord(rows[0]) : null;
}

export function createPostgresFeedStore(pool: pg.Pool): FeedStore {
  return {
    addFeed: (feed) =>
      inTransaction(pool, async (client) => {
        // Serialises adds, so two replicas adding one address (or its page) make one feed.
        await client.query('LOCK TABLE feeds IN SHARE ROW EXCLUSIVE MODE');
        const existing = await find(client, feed.url);
        if (existing) {
          await client.query(
            `UPDATE feeds SET paused_at = NULL, paused_reason = NULL, failures = 0, next_poll_at = $2,
               interval_minutes = coalesce($3, interval_minutes), added_from = coalesce(added_from, $4) WHERE id = $1`,
            [existing.id, feed.at, feed.intervalMinutes, feed.addedFrom],
          );
          return { record: (await get(client, existing.id))!, created: false };
        }
        const { rows } = await client.query<FeedRow>(
          `INSERT INTO feeds (url, added_from, platform, workspace, channel, added_by, interval_minutes, added_at, next_poll_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING *`,
          [feed.url, feed.addedFrom, feed.owner.platform, feed.owner.workspace, feed.owner.channel, feed.owner.user, feed.intervalMinutes, feed.at],
        );
        return { record: toFeedRecord(rows[0]!), created: true };
      }),
    removeFeed: async (url) => {
      const found = await find(pool, url);
      if (found) await pool.query('DELETE FROM feeds WHERE id = $1', [found.id]);
      return found;
    },
    feed: (url) => find(pool, url),
    feedById: (id) => get(pool, id),
    feeds: async () => (await pool.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).rows.map(toFeedRecord),
    dueFeeds: async (at) => (await pool.query<FeedRow>('SELECT * FROM feeds WHERE next_poll_at <= $1 ORDER BY next_poll_at, id', [at])).rows.map(toFeedRecord),
    claimPoll: (request) =>
      inTransaction(pool, async (client) => {
        const due = await client.query('SELECT 1 FROM feeds WHERE id = $1 AND next_poll_at = $2 FOR SHARE', [request.feed, request.slot]);
        if (!due.rowCount) return false;
        const claimed = await client.query(
          `INSERT INTO feed_polls (feed, slot, state, owner, lease_until, claimed_at) VALUES ($1, $2, 'claimed', $3, $4, $5)
           ON CONFLICT (feed, slot) DO UPDATE SET owner = excluded.owner, lease_until = excluded.lease_until, claimed_at = excluded.claimed_at
           WHERE feed_polls.state = 'claimed' AND feed_polls.lease_until < excluded.claimed_at`,
          [request.feed, request.slot, request.owner, request.leaseUntil, request.at],
        );
        return (claimed.rowCount ?? 0) > 0;
      }),
    finishPoll: (ref, owner, outcome, at) =>
      inTransaction(pool, async (client) => {
        const error = outcome.state === 'failed' ? outcome.reason : null;
        // The feed first, then its poll: the order claimPoll takes them in (the feed FOR SHARE,
        // then the poll's row), so a finisher and a claimer of one feed queue, never deadlock.
        const before = await get(client, ref.feed, 'FOR UPDATE');
        if (!before) return null;
        const finished = await client.query(
          `UPDATE feed_polls SET state = $4, lease_until = NULL, finished_at = $5, error = $6
           WHERE feed = $1 AND slot = $2 AND owner = $3 AND state = 'claimed'`,
          [ref.feed, ref.slot, owner, outcome.state, at, error],
        );
        if (!finished.rowCount) return null;
        if (outcome.state === 'failed') {
          await client.query(
            `UPDATE feeds SET last_polled_at = $2, last_error = $3, last_error_at = $2,
               failures = failures + 1, next_poll_at = $4,
               paused_at = CASE WHEN paused_at IS NULL AND failures + 1 >= $5 THEN $2 ELSE paused_at END,
               paused_reason = CASE WHEN paused_at IS NULL AND failures + 1 >= $5 THEN $3 ELSE paused_reason END
             WHERE id = $1`,
            [ref.feed, at, outcome.reason, outcome.nextPollAt, outcome.pauseAfter],
          );
        } else {
          await client.query(
            `UPDATE feeds SET etag = $3, last_modified = $4, title = coalesce($5, title),
               kind = coalesce($6, kind), last_polled_at = $2, last_success_at = $2, failures = 0, paused_at = NULL,
               paused_reason = NULL, next_poll_at = $7, items_seen = coalesce($8, items_seen)
             WHERE id = $1`,
            [ref.feed, at, outcome.validators.etag, outcome.validators.lastModified, outcome.title, outcome.kind, outcome.nextPollAt, outcome.items],
          );
        }
        await client.query(`DELETE FROM feed_polls WHERE feed = $1 AND state <> 'claimed' AND finished_at < $2`, [
          ref.feed,
          new Date(Date.parse(at) - POLL_HISTORY_MS).toISOString(),
        ]);
        const after = (await get(client, ref.feed))!;
        return { record: after, paused: before.paused === null && after.paused !== null, resumed: before.paused !== null && after.paused === null };
      }),
    seenItem: async (keys) => {
      if (keys.length === 0) return null;
      const { rows } = await pool.query<{ article: string | null; entry_hash: string; status: SeenItem['status']; reason: string | null; attempts: number }>(
        `SELECT article, entry_hash, status, reason, attempts FROM feed_items WHERE key = ANY($1::text[])
         ORDER BY (status = 'indexed') DESC, key LIMIT 1`,
        [keys],
      );
      const row = rows[0];
      return row ? { article: row.article, entryHash: row.entry_hash, status: row.status, reason: row.reason, attempts: row.attempts } : null;
    },
    saveItem: (keys, feed, item, at) =>
      inTransaction(pool, async (client) => {
        for (const key of keys) {
          await client.query(
            `INSERT INTO feed_items (key, feed, article, entry_hash, status, reason, attempts, first_seen, last_seen)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
             ON CONFLICT (key) DO UPDATE SET feed = coalesce(feed_items.feed, excluded.feed), article = coalesce(excluded.article, feed_items.article),
               entry_hash = excluded.entry_hash, status = excluded.status, reason = excluded.reason, attempts = excluded.attempts,
               last_seen = excluded.last_seen`,
            [key, feed, item.article, item.entryHash, item.status, item.reason, item.attempts, at],
          );
        }
      }),
  };
}
