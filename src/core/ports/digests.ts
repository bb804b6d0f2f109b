/**
 * The port through which the `digest` command manages subscriptions and previews (issue 5).
 * The scheduler (src/schedule/) implements it; absent, `digest` says this process does not
 * schedule digests. A CLI process without chat platforms gets one too (it manages the shared
 * database; the bot's scheduler sees the change at its next sweep).
 */
import type { Reply } from '../reply.ts';
import type { ChannelKey, RunRecord, SubscriptionRecord, SubscriptionSettings } from './digest-store.ts';

export type { ChannelKey, SubscriptionSettings, SubscriptionRecord } from './digest-store.ts';

/** What `digest status` shows about one channel. */
export interface DigestStatus {
  readonly subscription: SubscriptionRecord;
  /** The zone the schedule follows (the subscription's, or the bot's default). */
  readonly timezone: string;
  /** The next slot, or null when paused or the schedule has no days. */
  readonly nextRun: Date | null;
  /** The newest runs, newest first (a few). */
  readonly recentRuns: readonly RunRecord[];
  /** How many articles the next digest would cover right now. */
  readonly pendingArticles: number;
}

export interface DigestService {
  /** The zone a subscription without one follows. */
  readonly defaultTimezone: string;
  /** Creates or updates the channel's subscription; `next` is its first slot from now. */
  subscribe(
    key: ChannelKey,
    settings: SubscriptionSettings,
    by: string | null,
  ): Promise<{ readonly record: SubscriptionRecord; readonly created: boolean; readonly next: Date | null }>;
  /** False when the channel had no subscription. */
  unsubscribe(key: ChannelKey): Promise<boolean>;
  /** Null when the channel has no subscription. */
  status(key: ChannelKey): Promise<DigestStatus | null>;
  /**
   * The digest the channel would receive now (without moving anything), or "the story so
   * far" on `topic` when the channel has no subscription. The reply is not ephemeral; the
   * command marks it so.
   */
  preview(key: ChannelKey | null, topic: string | null): Promise<Reply>;
}
