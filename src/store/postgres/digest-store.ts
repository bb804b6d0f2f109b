/**
 * The PostgreSQL side of the DigestStore port. As in SQLite (sqlite/digest-runs.ts), a slot is
 * claimed with one `INSERT … ON CONFLICT DO UPDATE … WHERE`: of several replicas sharing the
 * database exactly one gets each slot, and a run is taken over only when its holder abandoned
 * it before posting or it failed and is due again. Every later step is an UPDATE conditional on
 * the owner and the state it leaves.
 */
import type pg from 'pg';
import type { ChannelKey, DigestStore, SubscriptionRecord } from '../../core/ports/digest-store.ts';
import { inTransaction, type Queryable } from './transaction.ts';
import { type RunRow, type SubscriptionRow, toRun, toSubscription } from '../rows/digest-rows.ts';

async function byKey(db: Queryable, key: ChannelKey): Promise<SubscriptionRecord | null> {
  const { rows } = await db.query<SubscriptionRow>('SELECT * FROM digest_subscriptions WHERE platform = $1 AND workspace = $2 AND channel = $3', [
    key.platform,
    key.workspace,
    key.channel,
  ]);
  return rows[0] ? toSubscription(rows[0]) : null;
}

export function createPostgresDigestStore(pool: pg.Pool): DigestStore {
  return {
    saveSubscription: (key, settings, by, at) =>
      inTransaction(pool, async (client) => {
        const days = settings.days.join(',');
        const { rows } = await client.query<SubscriptionRow & { created: boolean }>(
          `INSERT INTO digest_subscriptions
             (platform, workspace, channel, time, days, timezone, topic, empty, created_at, created_by, updated_at, active_from)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $9)
           ON CONFLICT (platform, workspace, channel) DO UPDATE SET time = excluded.time, days = excluded.days,
             timezone = excluded.timezone, topic = excluded.topic, empty = excluded.empty, updated_at = excluded.updated_at,
             active_from = excluded.active_from, paused_at = NULL, paused_reason = NULL
           RETURNING *, (xmax = 0) AS created`,
          [key.platform, key.workspace, key.channel, settings.time, days, settings.timezone, settings.topic, settings.empty, at, by],
        );
        const row = rows[0]!;
        return { record: toSubscription(row), created: row.created };
      }),
    removeSubscription: async (key) =>
      ((
        await pool.query('DELETE FROM digest_subscriptions WHERE platform = $1 AND workspace = $2 AND channel = $3', [key.platform, key.workspace, key.channel])
      ).rowCount ?? 0) > 0,
    subscription: (key) => byKey(pool, key),
    subscriptionById: async (id) => {
      const { rows } = await pool.query<SubscriptionRow>('SELECT * FROM digest_subscriptions WHERE id = $1', [id]);
      return rows[0] ? toSubscription(rows[0]) : null;
    },
    subscriptions: async () => (await pool.query<SubscriptionRow>('SELECT * FROM digest_subscriptions ORDER BY id')).rows.map(toSubscription),
    pauseSubscription: async (id, reason, at) => {
      await pool.query('UPDATE digest_subscriptions SET paused_at = $1, paused_reason = $2 WHERE id = $3', [at, reason, id]);
    },

    claimRun: (request) =>
      inTransaction(pool, async (client) => {
        // The subscription's row is locked while claiming, so a pause and a claim cannot cross.
        const active = await client.query('SELECT 1 FROM digest_subscriptions WHERE id = $1 AND paused_at IS NULL FOR SHARE', [request.subscription]);
        if (!active.rowCount) return false;
        const claimed = await client.query(
          `INSERT INTO digest_runs (subscription, slot, state, owner, lease_until, attempts, catch_up, claimed_at)
           VALUES ($1, $2, 'claimed', $3, $4, 0, $5, $6)
           ON CONFLICT (subscription, slot) DO UPDATE SET
             state = 'claimed', owner = excluded.owner, lease_until = excluded.lease_until,
             claimed_at = excluded.claimed_at, next_attempt_at = NULL
           WHERE (digest_runs.state = 'claimed' AND digest_runs.lease_until < excluded.claimed_at)
              OR (digest_runs.state = 'retrying' AND digest_runs.next_attempt_at <= excluded.claimed_at)`,
          [request.subscription, request.slot, request.owner, request.leaseUntil, request.catchUp ? 1 : 0, request.at],
        );
        if (!claimed.rowCount) return false;
        // Only the newest slot of a subscription is delivered: an older unposted one rolls into it.
        await client.query(
          `UPDATE digest_runs SET state = 'superseded', finished_at = $3, lease_until = NULL
           WHERE subscription = $1 AND slot < $2 AND (state = 'retrying' OR (state = 'claimed' AND lease_until < $3))`,
          [request.subscription, request.slot, request.at],
        );
        return true;
      }),
    recordMissed: async (ref, at) =>
      ((
        await pool.query(
          `INSERT INTO digest_runs (subscription, slot, state, catch_up, claimed_at, finished_at)
           VALUES ($1, $2, 'missed', 1, $3, $3) ON CONFLICT (subscription, slot) DO NOTHING`,
          [ref.subscription, ref.slot, at],
        )
      ).rowCount ?? 0) > 0,
    startPosting: async (ref, owner, leaseUntil) =>
      ((
        await pool.query(
          `UPDATE digest_runs SET state = 'posting', lease_until = $1, attempts = attempts + 1
           WHERE subscription = $2 AND slot = $3 AND owner = $4 AND state = 'claimed'`,
          [leaseUntil, ref.subscription, ref.slot, owner],
        )
      ).rowCount ?? 0) > 0,
    finishRun: (ref, owner, outcome, at) =>
      inTransaction(pool, async (client) => {
        const toSeq = 'toSeq' in outcome ? outcome.toSeq : null;
        const finished = await client.query(
          `UPDATE digest_runs SET state = $4, lease_until = NULL,
             finished_at = CASE WHEN $4 = 'retrying' THEN NULL ELSE $5 END,
             next_attempt_at = $6, error = coalesce($7, error),
             from_seq = coalesce($8, from_seq), to_seq = coalesce($9, to_seq), articles = coalesce($10, articles),
             resume = $11
           WHERE subscription = $1 AND slot = $2 AND owner = $3 AND state IN ('claimed', 'posting')`,
          [
            ref.subscription,
            ref.slot,
            owner,
            outcome.state,
            at,
            outcome.state === 'retrying' ? outcome.nextAttemptAt : null,
            'error' in outcome ? outcome.error : null,
            'fromSeq' in outcome ? outcome.fromSeq : null,
            toSeq,
            outcome.state === 'posted' ? outcome.articles : null,
            outcome.state === 'retrying' && outcome.resume ? JSON.stringify(outcome.resume) : null,
          ],
        );
        if (!finished.rowCount) return false;
        if (outcome.state === 'posted' || outcome.state === 'empty') {
          await client.query('UPDATE digest_subscriptions SET watermark = greatest(coalesce(watermark, -1), $2) WHERE id = $1', [ref.subscription, toSeq]);
        }
        if (outcome.state === 'posted') {
          await client.query(
            `UPDATE digest_subscriptions SET last_posted_slot = $2, last_posted_at = $3
             WHERE id = $1 AND (last_posted_slot IS NULL OR last_posted_slot < $2)`,
            [ref.subscription, ref.slot, at],
          );
        }
        if (outcome.state === 'gone') {
          await client.query('UPDATE digest_subscriptions SET paused_at = $2, paused_reason = $3 WHERE id = $1', [ref.subscription, at, outcome.error]);
        }
        return true;
      }),
    retryNow: async (platform, at) =>
      (
        await pool.query(
          `UPDATE digest_runs SET next_attempt_at = $1
           WHERE state = 'retrying' AND next_attempt_at > $1
             AND subscription IN (SELECT id FROM digest_subscriptions WHERE platform = $2)`,
          [at, platform],
        )
      ).rowCount ?? 0,
    abandonStalePosts: async (at) => {
      const { rows } = await pool.query<RunRow>(
        `WITH marked AS (UPDATE digest_runs SET state = 'uncertain', finished_at = $1
           WHERE state = 'posting' AND lease_until < $1 RETURNING *)
         SELECT * FROM marked ORDER BY subscription, slot`,
        [at],
      );
      return rows.map(toRun);
    },
    runs: async (subscription, limit) =>
      (await pool.query<RunRow>('SELECT * FROM digest_runs WHERE subscription = $1 ORDER BY slot DESC LIMIT $2', [subscription, limit])).rows.map(toRun),
  };
}
