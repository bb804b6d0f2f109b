/**
 * Delivering one claimed slot: compose what is new since the channel's watermark, mark the
 * run `posting` (after which no one else ever posts this slot), post, and record the outcome.
 * The watermark moves in the same write that records the post as done, so a digest that
 * failed leaves its content for the next one. A post that reached the channel in part is
 * retried from the first message that did not (when the content composed again is the same),
 * so the channel reads each message once. Nothing here catches a store error: a run whose
 * holder died is found by the lease.
 */
import { createHash } from 'node:crypto';
import { ChannelGoneError, PartialPostError, type ChannelPoster } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { PostResume, RunRef, SubscriptionRecord } from '../core/ports/digest-store.ts';
import type { Reply } from '../core/reply.ts';
import type { Store } from '../core/ports/store.ts';
import { pendingDigest, type DigestWriting } from './digest-content.ts';

export interface RetryPolicy {
  /** Waits before each further attempt, in milliseconds; when they run out, the run fails. */
  readonly delaysMs: readonly number[];
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [60_000, 5 * 60_000, 15 * 60_000, 60 * 60_000] };

export interface DeliveryDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly owner: string;
  readonly retry: RetryPolicy;
  /** How long a post may take before other processes count it abandoned. */
  readonly postLeaseMs: number;
  /** Told when a subscription is paused because its channel is gone (to tell the admins). */
  readonly onPaused?: (subscription: SubscriptionRecord, reason: string) => void | Promise<void>;
  /** The LLM writer and its logger; absent, digests are extractive. */
  readonly writing?: DigestWriting;
}

export type DeliveryResult = 'posted' | 'empty' | 'retrying' | 'failed' | 'gone' | 'lost';

/** Delivers a slot this owner has claimed (`claimRun` returned true). */
export async function deliverClaimed(ref: RunRef, subscription: SubscriptionRecord, poster: ChannelPoster, deps: DeliveryDeps): Promise<DeliveryResult> {
  const log = deps.log.child({ subscription: subscription.id, slot: ref.slot, platform: subscription.platform, channel: subscription.channel });
  const digests = deps.store.digests;
  const now = () => deps.clock.now();
  const resume = (await digests.runs(subscription.id, 20)).find((r) => r.slot === ref.slot)?.resume ?? null;
  // A retry of a post that reached the channel in part composes the same range again.
  const digest = await pendingDigest(deps.store, subscription, resume?.toSeq, deps.writing);
  const content = fingerprint(digest.reply);
  const fromPart = resume && resume.content === content ? resume.posted : 0;
  if (resume && fromPart === 0) log.warn({ posted: resume.posted }, 'the digest posted in part has changed since; posting it whole');
  if (digest.empty && subscription.empty === 'skip') {
    await digests.finishRun(ref, deps.owner, { state: 'empty', fromSeq: digest.fromSeq, toSeq: digest.toSeq }, now().toISOString());
    log.info({ articles: 0 }, 'nothing new: digest skipped');
    return 'empty';
  }
  if (!(await digests.startPosting(ref, deps.owner, new Date(now().getTime() + deps.postLeaseMs).toISOString()))) {
    log.warn({}, 'lost the claim before posting: another process has the slot');
    return 'lost';
  }
  const attempts = (await digests.runs(subscription.id, 20)).find((r) => r.slot === ref.slot)?.attempts ?? 1;
  try {
    // Every attempt at this slot with this content, by any process, names it the same: a
    // platform that de-duplicates (Discord) then shows a retry of a post it already has only
    // once. A retry that carries newer articles is named anew, so it is never swallowed as a
    // repeat of an attempt that may have landed without them.
    await poster.post(subscription.channel, digest.reply, { key: runKey(ref, digest), fromPart });
  } catch (error) {
    const at = now().toISOString();
    if (error instanceof ChannelGoneError) {
      await digests.finishRun(ref, deps.owner, { state: 'gone', error: error.reason }, at);
      log.warn({ reason: error.reason }, 'the channel is gone: subscription paused');
      await tellSubscriber(poster, subscription, error.reason, log);
      await deps.onPaused?.(subscription, error.reason);
      return 'gone';
    }
    const message = error instanceof Error ? error.message : String(error);
    // Part of it is in the channel: the retry goes on from the first message that is not. A
    // failure before any new message keeps what an earlier attempt had posted.
    const sent = error instanceof PartialPostError ? error.posted : fromPart;
    const posted: PostResume | undefined = sent > 0 ? { toSeq: digest.toSeq, posted: sent, content } : undefined;
    const delay = deps.retry.delaysMs[attempts - 1];
    if (delay === undefined) {
      await digests.finishRun(ref, deps.owner, { state: 'failed', error: message }, at);
      log.error(
        { err: error instanceof PartialPostError ? error.cause : error, attempts, posted: posted?.posted ?? 0 },
        'posting the digest failed; giving up on this slot (the next digest carries its content)',
      );
      return 'failed';
    }
    const nextAttemptAt = new Date(now().getTime() + delay).toISOString();
    await digests.finishRun(ref, deps.owner, { state: 'retrying', error: message, nextAttemptAt, ...(posted ? { resume: posted } : {}) }, at);
    log.warn(
      { err: error instanceof PartialPostError ? error.cause : error, attempts, nextAttemptAt, posted: posted?.posted ?? 0 },
      posted ? 'the digest was posted in part; will post the rest' : 'posting the digest failed; will retry',
    );
    return 'retrying';
  }
  const recorded = await digests.finishRun(
    ref,
    deps.owner,
    digest.empty
      ? { state: 'empty', fromSeq: digest.fromSeq, toSeq: digest.toSeq }
      : { state: 'posted', fromSeq: digest.fromSeq, toSeq: digest.toSeq, articles: digest.articles },
    now().toISOString(),
  );
  // Posted but not recorded: the lease ran out mid-post and the run was marked uncertain.
  if (!recorded) log.warn({}, 'posted, but the run was no longer ours to record');
  log.info({ articles: digest.articles, cited: digest.cited.length, attempts }, 'digest posted');
  return 'posted';
}

/** What a digest says, in 22 characters: a retry posts the rest of a post only if it is the same. */
function fingerprint(reply: Reply): string {
  return createHash('sha256').update(JSON.stringify(reply)).digest('base64url').slice(0, 22);
}

/**
 * A run's name for the platform: the same for every attempt by every process at the same
 * content (the range of the content sequence it covers).
 *
 * @example runKey({ subscription: 12, slot: '2026-06-01T08:00:00.000Z' }, { fromSeq: 40, toSeq: 52 }) → 'digest:12:2026-06-01T08:00:00.000Z:40-52'
 */
export function runKey(ref: RunRef, range: { readonly fromSeq: number | null; readonly toSeq: number }): string {
  return `digest:${ref.subscription}:${ref.slot}:${range.fromSeq ?? 0}-${range.toSeq}`;
}

/**
 * Tells whoever subscribed the channel, by direct message, that its digests are paused and
 * why. Best effort: a subscription made from the CLI names nobody, and a failed message is
 * logged, never retried (the status of the channel says the same).
 */
async function tellSubscriber(poster: ChannelPoster, subscription: SubscriptionRecord, reason: string, log: Logger): Promise<void> {
  if (!subscription.createdBy) return;
  const notice =
    `Digests for channel ${subscription.channel} are paused: the platform says the channel cannot be posted to (${reason}). ` +
    'Invite the bot back and run digest subscribe there to resume, or digest unsubscribe to drop it.';
  try {
    await poster.notify(subscription.createdBy, { parts: [], citations: [], notice });
    log.info({ user: subscription.createdBy }, 'told the subscriber the digest is paused');
  } catch (error) {
    log.warn({ err: error, user: subscription.createdBy }, 'could not tell the subscriber the digest is paused');
  }
}
