/**
 * What the store keeps for scheduled digests: each channel's subscription with its watermark
 * (how far into the story the channel has been told), and one run record per (subscription,
 * slot) that several bot processes sharing one database claim before posting, so that each
 * slot is posted once.
 *
 * A run moves through these states; every move is one conditional write, so two processes
 * can never both take the same step:
 *
 * ```
 *  claimed ──► posting ──► posted                (the watermark moves here, with it)
 *    │  ▲         │  └───► retrying ──► (claimed again when due) … failed (gave up)
 *    │  └─────────┼─ lease expired: claimed again by any process (it never started posting)
 *    │            ├───────► gone       (the platform says the channel is gone: paused)
 *    │            └───────► uncertain  (its process died while posting: never posted again)
 *    ├──► empty   (nothing new and the subscription skips empty digests)
 *    └──► superseded (a newer slot was claimed first: its content rolls into that one)
 *  missed: a slot found late after downtime under the "skip" policy, never claimed.
 * ```
 *
 * All times are ISO 8601 strings in UTC as `Date.toISOString()` writes them, so they compare
 * as text.
 */

/** A channel on one platform: a subscription's identity. `workspace` is '' where there is none. */
export interface ChannelKey {
  readonly platform: string;
  readonly workspace: string;
  readonly channel: string;
}

/** What an empty digest does: post a one-line "no new coverage", or post nothing. */
export type EmptyDigest = 'skip' | 'post';

/** When and what a channel receives. */
export interface SubscriptionSettings {
  /** 'HH:MM' (24-hour) for a daily digest, or ':MM' for an hourly one at that minute. */
  readonly time: string;
  /** Days of the week it runs on, 0 = Sunday … 6 = Saturday, ascending. */
  readonly days: readonly number[];
  /** An IANA zone, or null for the bot's default zone (BRIEFBOT_TIMEZONE). */
  readonly timezone: string | null;
  /** Only coverage on this topic, or null for the whole story. */
  readonly topic: string | null;
  readonly empty: EmptyDigest;
}

export interface SubscriptionRecord extends ChannelKey, SubscriptionSettings {
  readonly id: number;
  readonly createdAt: string;
  /** The user who subscribed the channel, where the platform says. */
  readonly createdBy: string | null;
  readonly updatedAt: string;
  /** Slots before this time are not due (it moves when the schedule changes or is resumed). */
  readonly activeFrom: string;
  /** Set when posting is paused (the channel is gone), with the reason the status shows. */
  readonly paused: { readonly at: string; readonly reason: string } | null;
  /** The story's content sequence up to which this channel has been told; null before any digest. */
  readonly watermark: number | null;
  /** The slot and time of the last digest actually posted, or null. */
  readonly lastPosted: { readonly slot: string; readonly at: string } | null;
}

export type RunState = 'claimed' | 'posting' | 'retrying' | 'posted' | 'empty' | 'missed' | 'failed' | 'gone' | 'superseded' | 'uncertain';

/** States a run can still leave. */
export const OPEN_RUN_STATES: readonly RunState[] = ['claimed', 'posting', 'retrying'];

export interface RunRecord {
  readonly subscription: number;
  /** The scheduled instant this run is for. */
  readonly slot: string;
  readonly state: RunState;
  /** The process holding (or last holding) the run. */
  readonly owner: string | null;
  /** A claim or post in flight past this time was abandoned by its process. */
  readonly leaseUntil: string | null;
  /** Posting attempts so far. */
  readonly attempts: number;
  /** For a `retrying` run: when it may be claimed again. */
  readonly nextAttemptAt: string | null;
  /** Claimed late, after the bot was down at its time. */
  readonly catchUp: boolean;
  readonly claimedAt: string;
  readonly finishedAt: string | null;
  /** Content sequence range the posted (or empty) digest covered: (fromSeq, toSeq]. */
  readonly fromSeq: number | null;
  readonly toSeq: number | null;
  /** New articles the digest covered. */
  readonly articles: number | null;
  /** The last failure, for the status and the log. */
  readonly error: string | null;
  /** For a run whose last attempt reached the channel in part: where the next attempt goes on. */
  readonly resume: PostResume | null;
}

/**
 * A digest posted in part: the first `posted` messages of the content up to `toSeq` are in
 * the channel. A retry that composes the same content (`content`, its fingerprint) posts only
 * the rest; one whose content changed meanwhile posts it whole.
 */
export interface PostResume {
  readonly toSeq: number;
  readonly posted: number;
  readonly content: string;
}

export interface RunRef {
  readonly subscription: number;
  readonly slot: string;
}

export interface ClaimRequest extends RunRef {
  readonly owner: string;
  readonly at: string;
  readonly leaseUntil: string;
  readonly catchUp: boolean;
}

/** How a run ended (or paused), as the process holding it reports. */
export type RunOutcome =
  | { readonly state: 'posted'; readonly fromSeq: number | null; readonly toSeq: number; readonly articles: number }
  | { readonly state: 'empty'; readonly fromSeq: number | null; readonly toSeq: number }
  | { readonly state: 'retrying'; readonly error: string; readonly nextAttemptAt: string; readonly resume?: PostResume }
  | { readonly state: 'failed'; readonly error: string }
  | { readonly state: 'gone'; readonly error: string };

export interface DigestStore {
  /**
   * Creates the channel's subscription, or updates it when there is one (keeping its
   * watermark and history), resuming it if it was paused. `activeFrom` becomes `at`.
   */
  saveSubscription(
    key: ChannelKey,
    settings: SubscriptionSettings,
    by: string | null,
    at: string,
  ): Promise<{ readonly record: SubscriptionRecord; readonly created: boolean }>;
  /** Deletes the channel's subscription and its runs; false when there was none. */
  removeSubscription(key: ChannelKey): Promise<boolean>;
  subscription(key: ChannelKey): Promise<SubscriptionRecord | null>;
  subscriptionById(id: number): Promise<SubscriptionRecord | null>;
  /** Every subscription, paused ones included, by id. */
  subscriptions(): Promise<readonly SubscriptionRecord[]>;
  /** Stops posting to the channel until it is subscribed again. */
  pauseSubscription(id: number, reason: string, at: string): Promise<void>;

  /**
   * Claims a slot for `owner`, atomically: a new slot is inserted (and any older open run of
   * the subscription that is not being posted is superseded); an existing run is taken over
   * only when it is `claimed` with its lease expired or `retrying` and due. True when the
   * caller now holds the run; false when another process holds it or it is finished.
   */
  claimRun(claim: ClaimRequest): Promise<boolean>;
  /** Records a slot found late under the "skip" policy; false when the slot already has a run. */
  recordMissed(ref: RunRef, at: string): Promise<boolean>;
  /**
   * Moves a run the owner holds from `claimed` to `posting`, extending its lease: the one
   * step after which a slot is never posted by anyone else. False when the owner lost it.
   */
  startPosting(ref: RunRef, owner: string, leaseUntil: string): Promise<boolean>;
  /**
   * Ends (or defers) a run the owner holds. `posted` and `empty` move the subscription's
   * watermark to `toSeq` in the same transaction; `gone` pauses the subscription. False when
   * the owner no longer holds the run (nothing is written).
   */
  finishRun(ref: RunRef, owner: string, outcome: RunOutcome, at: string): Promise<boolean>;
  /**
   * The platform is reachable again after an outage: its runs waiting to retry a failed post
   * become due at `at` instead of at their backoff's time. Returns how many.
   */
  retryNow(platform: string, at: string): Promise<number>;
  /** Marks runs left `posting` past their lease as `uncertain`; returns them. */
  abandonStalePosts(at: string): Promise<readonly RunRecord[]>;
  /** A subscription's runs, newest slot first. */
  runs(subscription: number, limit: number): Promise<readonly RunRecord[]>;
}
