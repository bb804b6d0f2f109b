/**
 * The port through which `add`, `feeds` and `remove` follow feeds and index pages (issue 14).
 * The feed poller (src/schedule/feed-poller.ts) implements it; absent, those commands say this
 * process does not fetch from the web.
 */
import type { FeedOwner, FeedRecord } from './feed-store.ts';

export type { FeedOwner, FeedRecord } from './feed-store.ts';

/** An article an `add` or a poll indexed. */
export interface AddedArticle {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly outcome: 'added' | 'updated' | 'unchanged';
}

export interface AddResult {
  /** A feed now followed, or a page indexed once. */
  readonly kind: 'feed' | 'page';
  readonly feed: FeedRecord | null;
  /** False when the feed was followed already (it was resumed and polled now). */
  readonly created: boolean;
  readonly articles: readonly AddedArticle[];
  readonly skipped: readonly { readonly title: string | null; readonly reason: string }[];
  /** The feed's first poll failed: why (it stays followed and is tried again). */
  readonly pollError: string | null;
}

export interface FeedService {
  /** Minutes between polls of a feed that names none. */
  readonly defaultIntervalMinutes: number;
  /** Consecutive failures after which a feed is paused. */
  readonly pauseAfter: number;
  /**
   * Fetches `url`: a feed (or a page naming one) is followed and polled at once; an article page
   * is indexed. Throws a UserError saying why when the address cannot be used.
   */
  add(url: string, owner: FeedOwner, options?: { readonly intervalMinutes?: number }): Promise<AddResult>;
  list(): Promise<readonly FeedRecord[]>;
  /** Stops following; null when no feed has that address. */
  remove(url: string): Promise<FeedRecord | null>;
}
