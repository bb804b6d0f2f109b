/**
 * The `DigestService` over the store: subscriptions saved and removed, a channel's status,
 * and previews (written by the LLM writer when one is given). It posts nothing; the
 * scheduler posts, and hears of changes through `onChange` (other processes' changes reach
 * it at its next sweep).
 */
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { DigestService } from '../core/ports/digests.ts';
import type { ProseWriter } from '../core/ports/writer.ts';
import type { Store } from '../core/ports/store.ts';
import { pendingDigest } from './digest-content.ts';
import { nextSlot } from './slots.ts';
import { scheduleOf } from './subscription-input.ts';
import type { SubscriptionRecord } from '../core/ports/digest-store.ts';

export interface DigestServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** The zone of subscriptions that name none (BRIEFBOT_TIMEZONE). */
  readonly timezone: string;
  /** Told after a subscription was saved or removed in this process. */
  readonly onChange?: () => void;
  /** The LLM writer previews are written with; absent, they are extractive. */
  readonly writer?: ProseWriter;
}

/** When a subscription next runs: its first slot after now (and after it was last saved). */
export function nextRunOf(subscription: SubscriptionRecord, now: Date, timezone: string): Date | null {
  if (subscription.paused) return null;
  const from = new Date(Math.max(now.getTime(), Date.parse(subscription.activeFrom) - 1));
  return nextSlot(scheduleOf(subscription, timezone), from);
}

/** Builds the service; one per process. */
export function createDigestService(deps: DigestServiceDeps): DigestService {
  const log = deps.log.child({ component: 'digests' });
  return {
    defaultTimezone: deps.timezone,
    async subscribe(key, settings, by) {
      const now = deps.clock.now();
      const saved = await deps.store.digests.saveSubscription(key, settings, by, now.toISOString());
      log.info({ subscription: saved.record.id, platform: key.platform, channel: key.channel, created: saved.created }, 'subscription saved');
      deps.onChange?.();
      return { ...saved, next: nextRunOf(saved.record, now, deps.timezone) };
    },
    async unsubscribe(key) {
      const removed = await deps.store.digests.removeSubscription(key);
      if (removed) {
        log.info({ platform: key.platform, channel: key.channel }, 'subscription removed');
        deps.onChange?.();
      }
      return removed;
    },
    async status(key) {
      const subscription = await deps.store.digests.subscription(key);
      if (!subscription) return null;
      const [recentRuns, toSeq] = await Promise.all([deps.store.digests.runs(subscription.id, 5), deps.store.contentSequence()]);
      const pending = (await deps.store.articleChanges(subscription.watermark ?? 0, toSeq)).length;
      return {
        subscription,
        timezone: subscription.timezone ?? deps.timezone,
        nextRun: nextRunOf(subscription, deps.clock.now(), deps.timezone),
        recentRuns,
        pendingArticles: pending,
      };
    },
    async preview(key, topic) {
      const subscription = key ? await deps.store.digests.subscription(key) : null;
      const pending = await pendingDigest(
        deps.store,
        {
          watermark: subscription?.watermark ?? null,
          topic: topic ?? subscription?.topic ?? null,
          lastPosted: subscription?.lastPosted ?? null,
          timezone: subscription?.timezone ?? null,
        },
        undefined,
        deps.writer ? { writer: deps.writer, log, timezone: deps.timezone } : undefined,
      );
      return pending.reply;
    },
  };
}
