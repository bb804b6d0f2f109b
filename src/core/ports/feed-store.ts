/**
 * What the store keeps for live coverage: each followed feed (or page) with its health beside
 * it (last success, last error, consecutive failures, paused or not), the poll claims that let
 * several bot processes share one database without fetching a feed twice, and the items seen,
 * keyed by GUID and by address, so one article carried by two feeds is one article.
 *
 * A poll is claimed as a digest slot is (digest-store.ts): the slot is the feed's due time,
 * the claim one conditional write, and a claim whose process died is taken over once its
 * lease has run out. Finishing a poll records the outcome and the next due time in one
 * transaction, and says whether this poll paused or resumed the feed, so exactly one process
 * tells the channel.
 *
 * Times are ISO 8601 strings in UTC, as `Date.toISOString()` writes them.
 */

/** Who added a feed, and so who is told when it breaks and mends. */
export interface FeedOwner {
  /** 'slack', 'discord', 'console' or 'cli'. */
  readonly platform: string;
  /** '' where the platform has none. */
  readonly workspace: string;
  readonly channel: string | null;
  readonly user: string | null;
}

export type FeedKind = 'rss' | 'atom' | 'rdf' | 'json';

export interface FeedValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export interface FeedRecord {
  readonly id: number;
  /** The feed's own address (after discovery from a page). */
  readonly url: string;
  /** The page the user gave, when the feed was found through it. */
  readonly addedFrom: string | null;
  readonly title: string | null;
  readonly kind: FeedKind | null;
  readonly owner: FeedOwner;
  /** Minutes between polls for this feed; null for the shared schedule. */
  readonly intervalMinutes: number | null;
  readonly addedAt: string;
  readonly validators: FeedValidators;
  readonly lastPolledAt: string | null;
  readonly lastSuccessAt: string | null;
  readonly lastError: { readonly at: string; readonly reason: string } | null;
  /** Failed polls in a row; 0 after any success. */
  readonly failures: number;
  readonly paused: { readonly at: string; readonly reason: string } | null;
  readonly nextPollAt: string;
  /** Items the feed carried when it was last read. */
  readonly itemsSeen: number;
}

export interface NewFeed {
  readonly url: string;
  readonly addedFrom: string | null;
  readonly owner: FeedOwner;
  readonly intervalMinutes: number | null;
  readonly at: string;
}

export interface PollRef {
  readonly feed: number;
  /** The due time this poll is for. */
  readonly slot: string;
}

export interface PollClaim extends PollRef {
  readonly owner: string;
  readonly at: string;
  readonly leaseUntil: string;
}

/** How a poll ended, as the process holding it reports. */
export type PollOutcome =
  | {
      readonly state: 'fetched' | 'not-modified';
      readonly validators: FeedValidators;
      readonly title: string | null;
      readonly kind: FeedKind | null;
      /** Items in the feed (null when it was not modified). */
      readonly items: number | null;
      readonly nextPollAt: string;
    }
  | {
      readonly state: 'failed';
      readonly reason: string;
      readonly nextPollAt: string;
      /** Pause the feed when its failures in a row reach this many. */
      readonly pauseAfter: number;
    };

/** What finishing a poll did to the feed. */
export interface PollFinish {
  readonly record: FeedRecord;
  /** This poll's failure paused the feed (tell the channel, once). */
  readonly paused: boolean;
  /** This poll's success resumed a paused feed (tell the channel). */
  readonly resumed: boolean;
}

/** An item seen before: the article it became, and what its feed entry looked like. */
export interface SeenItem {
  readonly article: string | null;
  /** Hash of the entry's title, link, dates and summary: a change means "fetch it again". */
  readonly entryHash: string;
  readonly status: 'indexed' | 'skipped' | 'failed';
  readonly reason: string | null;
  readonly attempts: number;
}

export interface FeedStore {
  /**
   * Follows a feed, or, when it is followed already, resumes it and makes it due now
   * (keeping its history). `created` says which.
   */
  addFeed(feed: NewFeed): Promise<{ readonly record: FeedRecord; readonly created: boolean }>;
  /** Stops following the feed whose address, or the page it was found through, is `url`; false when none. */
  removeFeed(url: string): Promise<FeedRecord | null>;
  /** The feed whose address, or the page it was found through, is `url`. */
  feed(url: string): Promise<FeedRecord | null>;
  feedById(id: number): Promise<FeedRecord | null>;
  /** Every followed feed, by id. */
  feeds(): Promise<readonly FeedRecord[]>;
  /** Feeds due at `at` (paused ones included: they are probed less often). */
  dueFeeds(at: string): Promise<readonly FeedRecord[]>;

  /** Claims the feed's poll for `slot`, atomically; false when another process holds it or it is done. */
  claimPoll(claim: PollClaim): Promise<boolean>;
  /** Records the outcome of a poll the owner holds, in one transaction; null when it no longer holds it. */
  finishPoll(ref: PollRef, owner: string, outcome: PollOutcome, at: string): Promise<PollFinish | null>;

  /** The item under any of `keys` ('guid:…', 'url:…'), or null. */
  seenItem(keys: readonly string[]): Promise<SeenItem | null>;
  /** Records an item under every one of `keys`, for `feed` (null for a page added on its own). */
  saveItem(keys: readonly string[], feed: number | null, item: SeenItem, at: string): Promise<void>;
}
