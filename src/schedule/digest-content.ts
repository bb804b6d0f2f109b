/**
 * What a channel's next digest holds right now: the articles above its watermark up to the
 * story's current sequence, composed, and written by the LLM writer when one is configured.
 * Reading it moves nothing; the caller records `toSeq` as the new watermark once the digest
 * is posted.
 */
import { composeDigest, type DigestContent } from '../core/compose/digest.ts';
import { writeDigest } from '../core/compose/digest-written.ts';
import type { Logger } from '../core/logger.ts';
import type { ProseWriter } from '../core/ports/writer.ts';
import { storyViewFor } from '../core/retrieve/story-view.ts';
import type { SubscriptionRecord } from '../core/ports/digest-store.ts';
import type { Store } from '../core/ports/store.ts';

export interface PendingDigest extends DigestContent {
  readonly fromSeq: number | null;
  readonly toSeq: number;
  /** New articles in the range (on every topic). */
  readonly articles: number;
}

/** The LLM writer a digest is written with; absent, digests are extractive. */
export interface DigestWriting {
  readonly writer: ProseWriter;
  readonly log: Logger;
  /** The zone of subscriptions that name none, for telling the writer since when (default UTC). */
  readonly timezone?: string;
}

/** What of a subscription the digest depends on; `lastPosted` and `timezone` only tell the writer since when. */
export type DigestSubject = Pick<SubscriptionRecord, 'watermark' | 'topic'> & Partial<Pick<SubscriptionRecord, 'lastPosted' | 'timezone'>>;

/**
 * The digest `subscription` would receive now (or up to sequence `upTo`); from the story's
 * start, it is "the story so far". With `writing`, its points are written by the writer (the
 * extractive digest, with a note, when the writer fails).
 */
export async function pendingDigest(store: Store, subscription: DigestSubject, upTo?: number, writing?: DigestWriting): Promise<PendingDigest> {
  const toSeq = upTo ?? (await store.contentSequence());
  const fromSeq = subscription.watermark;
  const changes = fromSeq !== null && fromSeq >= toSeq ? [] : await store.articleChanges(fromSeq ?? 0, toSeq);
  const view = storyViewFor(store);
  const first = (fromSeq ?? 0) === 0;
  const ids = changes.map((change) => change.id);
  const composed = await composeDigest(
    { articles: ids, first, topic: subscription.topic, updated: first ? [] : await toldBefore(ids, subscription, store) },
    view,
  );
  const content = writing
    ? await writeDigest(composed, first ? null : sinceText(subscription, writing.timezone), { writer: writing.writer, view, log: writing.log })
    : composed;
  return { ...content, fromSeq, toSeq, articles: changes.length };
}

/**
 * Those of `ids` first indexed before the channel's last digest was posted: the channel was
 * told about them then, so they are back because their text changed.
 */
async function toldBefore(ids: readonly string[], subscription: DigestSubject, store: Store): Promise<string[]> {
  const lastPosted = subscription.lastPosted?.at;
  if (!lastPosted || ids.length === 0) return [];
  // Read by index: the new articles only, not the whole story's list.
  const articles = new Map((await store.articleSummaries(ids)).map((article) => [article.id, article]));
  return ids.filter((id) => {
    const firstSeen = articles.get(id)?.firstSeen;
    return firstSeen !== undefined && firstSeen < lastPosted;
  });
}

/**
 * The day of the last digest posted, as a reader says it, in the subscription's zone:
 * "Monday 9 March"; null when none was posted.
 */
export function sinceText(subscription: DigestSubject, defaultZone = 'UTC'): string | null {
  const at = subscription.lastPosted?.at;
  if (!at) return null;
  const instant = new Date(at);
  if (Number.isNaN(instant.getTime())) return null;
  const zone = subscription.timezone ?? defaultZone;
  try {
    return new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant).replace(',', '');
  } catch {
    return null;
  }
}
