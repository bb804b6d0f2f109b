/**
 * What a channel's next digest holds right now: the articles above its watermark up to the
 * story's current sequence, composed. Reading it moves nothing; the caller records `toSeq`
 * as the new watermark once the digest is posted.
 */
import { composeDigest, type DigestContent } from '../core/compose/digest.ts';
import { storyViewFor } from '../core/retrieve/story-view.ts';
import type { SubscriptionRecord } from '../store/digest-store.ts';
import type { Store } from '../store/store.ts';

export interface PendingDigest extends DigestContent {
  readonly fromSeq: number | null;
  readonly toSeq: number;
  /** New articles in the range (on every topic). */
  readonly articles: number;
}

/**
 * The digest `subscription` would receive now (or up to sequence `upTo`); from the story's
 * start, it is "the story so far".
 */
export async function pendingDigest(store: Store, subscription: Pick<SubscriptionRecord, 'watermark' | 'topic'>, upTo?: number): Promise<PendingDigest> {
  const toSeq = upTo ?? (await store.contentSequence());
  const fromSeq = subscription.watermark;
  const changes = fromSeq !== null && fromSeq >= toSeq ? [] : await store.articleChanges(fromSeq ?? 0, toSeq);
  const content = await composeDigest(
    { articles: changes.map((change) => change.id), first: (fromSeq ?? 0) === 0, topic: subscription.topic },
    storyViewFor(store),
  );
  return { ...content, fromSeq, toSeq, articles: changes.length };
}
