/**
 * Digest subscriptions in SQLite: one row per channel, upserted on its (platform, workspace,
 * channel) key so that subscribing twice updates.
 */
import type Database from 'better-sqlite3';
import type { ChannelKey, SubscriptionRecord, SubscriptionSettings } from '../../core/ports/digest-store.ts';

interface SubscriptionRow {
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

function toRecord(row: SubscriptionRow): SubscriptionRecord {
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
    return row ? toRecord(row) : null;
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
      return row ? toRecord(row) : null;
    },
    all: () => (selectAll.all() as SubscriptionRow[]).map(toRecord),
    pause: (id, reason, at) => void pause.run(at, reason, id),
  };
}
