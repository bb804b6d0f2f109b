/**
 * Digest subscriptions in SQLite: one row per channel, upserted on its (platform, workspace,
 * channel) key so that subscribing twice updates.
 */
import type Database from 'better-sqlite3';
import type { ChannelKey, SubscriptionRecord, SubscriptionSettings } from '../../core/ports/digest-store.ts';
import { type SubscriptionRow, toSubscription } from '../rows/digest-rows.ts';

export interface SubscriptionTable {
  save(key: ChannelKey, settings: SubscriptionSettings, by: string | null, at: string): { record: SubscriptionRecord; created: boolean };
  remove(key: ChannelKey): boolean;
  byKey(key: ChannelKey): SubscriptionRecord | null;
  byId(id: number): SubscriptionRecord | null;
  all(): SubscriptionRecord[];
  pause(id: number, reason: string, at: string): void;
}

/** Prepares every statement once; `save` must run inside a transaction (the store wraps it). */
export function prepareSubscriptionTable(db: Database.Database): SubscriptionTable {
  const select = db.prepare('SELECT * FROM digest_subscriptions WHERE platform = ? AND workspace = ? AND channel = ?');
  const selectId = db.prepare('SELECT * FROM digest_subscriptions WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM digest_subscriptions ORDER BY id');
  const insert = db.prepare(`INSERT INTO digest_subscriptions
    (platform, workspace, channel, time, days, timezone, topic, empty, created_at, created_by, updated_at, active_from)
    VALUES (@platform, @workspace, @channel, @time, @days, @timezone, @topic, @empty, @at, @by, @at, @at)`);
  const update = db.prepare(`UPDATE digest_subscriptions SET time = @time, days = @days,
    timezone = @timezone, topic = @topic, empty = @empty, updated_at = @at, active_from = @at,
    paused_at = NULL, paused_reason = NULL WHERE id = @id`);
  const remove = db.prepare('DELETE FROM digest_subscriptions WHERE platform = ? AND workspace = ? AND channel = ?');
  const pause = db.prepare('UPDATE digest_subscriptions SET paused_at = ?, paused_reason = ? WHERE id = ?');
  const byKey = (key: ChannelKey) => {
    const row = select.get(key.platform, key.workspace, key.channel) as SubscriptionRow | undefined;
    return row ? toSubscription(row) : null;
  };

  return {
    save(key, settings, by, at) {
      const existing = byKey(key);
      const values = { ...settings, days: settings.days.join(','), at };
      if (existing) update.run({ ...values, id: existing.id });
      else insert.run({ ...key, ...values, by });
      return { record: byKey(key)!, created: existing === null };
    },
    remove: (key) => remove.run(key.platform, key.workspace, key.channel).changes > 0,
    byKey,
    byId(id) {
      const row = selectId.get(id) as SubscriptionRow | undefined;
      return row ? toSubscription(row) : null;
    },
    all: () => (selectAll.all() as SubscriptionRow[]).map(toSubscription),
    pause: (id, reason, at) => void pause.run(at, reason, id),
  };
}
