/**
 * Live coverage: every minute, the feeds that are due are polled, each poll claimed in the
 * store first (feed-store.ts), so several bot processes sharing a database never fetch a feed
 * twice. A poll sends the feed's validators (ETag, Last-Modified), indexes new and changed
 * items through the shared pipeline, and records the feed's health: after `pauseAfter`
 * failures in a row the feed is paused and the channel that added it is told, once; a paused
 * feed is still tried hourly, and the poll that succeeds resumes it and says so.
 *
 * `tick()` runs one sweep at the clock's time: tests drive everything through it.
 */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { FeedService } from '../core/ports/feeds.ts';
import type { Reply } from '../core/reply.ts';
import type { FeedOwner, FeedRecord, PollOutcome } from '../core/ports/feed-store.ts';
import type { Store } from '../core/ports/store.ts';
import type { IndexedItem } from '../ingest/web/feed-items.ts';
import type { HttpResult } from '../ingest/web/fetch/http-get.ts';
import { redactUrl } from '../ingest/web/fetch/url-policy.ts';
import { webText } from '../ingest/web/fetch/web-text.ts';
import type { WebClient } from '../ingest/web/web-client.ts';
import { createFeedService } from './feed-service.ts';

export interface FeedSettings {
  /** Minutes between polls of a feed that names none (default 15). */
  readonly intervalMinutes: number;
  /** Failures in a row that pause a feed (default 5). */
  readonly pauseAfter: number;
  /** Items fetched per poll, newest first. */
  readonly maxItems: number;
  /** How long one fetch may take: with `maxItems`, how long a poll can take. */
  readonly timeoutMs?: number;
}

/** Tells the channel that added a feed about it (paused, resumed); best effort. */
export type FeedNotifier = (owner: FeedOwner, reply: Reply) => Promise<void>;

export interface FeedPollerDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly web: WebClient;
  readonly settings: FeedSettings;
  readonly notify?: FeedNotifier;
  /** This process's name in poll claims (default host:pid:random). */
  readonly owner?: string;
  /** Sweep every minute on a timer (default true); tests drive `tick()` instead. */
  readonly timer?: boolean;
  /** The timer's period in real milliseconds (default a minute); tests whose clock is a file sweep faster. */
  readonly sweepEveryMs?: number;
}

/** What one poll did. */
export interface PollReport {
  readonly feed: number;
  readonly state: 'fetched' | 'not-modified' | 'failed';
  readonly indexed: readonly IndexedItem[];
  readonly skipped: readonly { readonly title: string | null; readonly reason: string }[];
  readonly error: string | null;
  readonly paused: boolean;
  readonly resumed: boolean;
}

export interface FeedPoller {
  readonly service: FeedService;
  /** Polls every due feed this process can claim, at the clock's time. */
  tick(): Promise<readonly PollReport[]>;
  /** Polls one feed now if it is due and unclaimed; `prefetched` is a body already fetched for it. */
  poll(feed: FeedRecord, prefetched?: HttpResult): Promise<PollReport | null>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A claim lasts at least this long, and longer than a poll can take (see `leaseMs`). */
const MIN_CLAIM_LEASE_MS = 20 * 60_000;
/** How often a paused feed is tried. */
export const PAUSED_PROBE_MS = 60 * 60_000;
/** Backoff after failures never waits longer than this. */
const MAX_BACKOFF_MS = 6 * 60 * 60_000;
const FEED_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

/** Builds the poller; `start()` runs its minute timer. */
export function createFeedPoller(deps: FeedPollerDeps): FeedPoller {
  const log = deps.log.child({ component: 'feed-poller' });
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const feeds = deps.store.feeds;
  let timer: NodeJS.Timeout | null = null;
  let sweeping: Promise<readonly PollReport[]> | null = null;
  const inFlight = new Set<Promise<unknown>>();

  // A poll fetches the feed, robots.txt and up to maxItems pages, one at a time: past that, its process died.
  const leaseMs = Math.max(MIN_CLAIM_LEASE_MS, (deps.settings.maxItems + 2) * (deps.settings.timeoutMs ?? 15_000));
  const intervalMs = (feed: FeedRecord) => (feed.intervalMinutes ?? deps.settings.intervalMinutes) * 60_000;
  const later = (ms: number) => new Date(deps.clock.now().getTime() + ms).toISOString();

  const poll = async (feed: FeedRecord, prefetched?: HttpResult): Promise<PollReport | null> => {
    const now = deps.clock.now();
    const ref = { feed: feed.id, slot: feed.nextPollAt };
    if (!(await feeds.claimPoll({ ...ref, owner, at: now.toISOString(), leaseUntil: new Date(now.getTime() + leaseMs).toISOString() }))) return null;
    const plog = log.child({ feed: feed.id, url: redactUrl(feed.url) });
    const headers: Record<string, string> = { accept: FEED_ACCEPT };
    if (feed.validators.etag) headers['if-none-match'] = feed.validators.etag;
    if (feed.validators.lastModified) headers['if-modified-since'] = feed.validators.lastModified;
    let outcome: PollOutcome;
    let indexed: readonly IndexedItem[] = [];
    let skipped: PollReport['skipped'] = [];
    let newItems = 0;
    try {
      const result = prefetched ?? (await deps.web.get(feed.url, { headers }));
      if (result.kind === 'failed') {
        outcome = failure(feed, result.reason, result.retryAfterMs);
      } else if (result.kind === 'not-modified') {
        outcome = { state: 'not-modified', validators: result.validators, title: null, kind: null, items: null, nextPollAt: later(intervalMs(feed)) };
      } else {
        const text = webText(result.body, result.contentType);
        // The feed parser (linkedom) and the indexer load at the first fetched feed, not with the bot.
        const [{ parseFeed }, { indexFeedItems }] = await Promise.all([import('../ingest/web/feed-parse.ts'), import('../ingest/web/feed-items.ts')]);
        const parsed = text.ok ? parseFeed(text.text, result.url) : text;
        if (!parsed.ok) {
          outcome = failure(feed, parsed.reason, null);
        } else {
          const items = await indexFeedItems(feed, parsed.feed, feed.lastSuccessAt === null, {
            store: deps.store,
            clock: deps.clock,
            log: plog,
            web: deps.web,
            maxItems: deps.settings.maxItems,
          });
          ({ indexed, skipped, newItems } = items);
          outcome = {
            state: 'fetched',
            validators: result.validators,
            title: parsed.feed.title,
            kind: parsed.feed.kind,
            items: parsed.feed.items.length,
            nextPollAt: later(intervalMs(feed)),
          };
        }
      }
    } catch (error) {
      // A bug or a store error: the poll fails like any other, and the feed's health says so.
      plog.error({ err: error }, 'polling the feed failed');
      outcome = failure(feed, `internal error: ${(error as Error).message}`, null);
    }
    const finished = await feeds.finishPoll(ref, owner, outcome, deps.clock.now().toISOString());
    if (!finished) {
      plog.warn({}, 'the poll was no longer ours to record');
      return null;
    }
    const error = outcome.state === 'failed' ? outcome.reason : null;
    plog.info(
      { state: outcome.state, indexed: indexed.length, newItems, skipped: skipped.length, ...(error ? { error } : {}), failures: finished.record.failures },
      'feed polled',
    );
    if (finished.paused) await tell(finished.record, pausedNotice(finished.record, deps.settings.pauseAfter), plog);
    if (finished.resumed) await tell(finished.record, resumedNotice(finished.record), plog);
    return { feed: feed.id, state: outcome.state, indexed, skipped, error, paused: finished.paused, resumed: finished.resumed };
  };

  /** A failed poll: when to try again (Retry-After, else doubling from the interval; hourly once paused). */
  const failure = (feed: FeedRecord, reason: string, retryAfterMs: number | null): PollOutcome => {
    const willPause = feed.paused !== null || feed.failures + 1 >= deps.settings.pauseAfter;
    const backoff = Math.min(intervalMs(feed) * 2 ** feed.failures, MAX_BACKOFF_MS);
    const wait = willPause ? Math.max(PAUSED_PROBE_MS, retryAfterMs ?? 0) : Math.max(backoff, retryAfterMs ?? 0);
    return { state: 'failed', reason, nextPollAt: later(wait), pauseAfter: deps.settings.pauseAfter };
  };

  const tell = async (feed: FeedRecord, reply: Reply, plog: Logger): Promise<void> => {
    if (!deps.notify) return;
    try {
      await deps.notify(feed.owner, reply);
    } catch (error) {
      plog.warn({ err: error }, 'could not tell the channel about the feed');
    }
  };

  const sweep = async (): Promise<readonly PollReport[]> => {
    const reports: PollReport[] = [];
    const at = deps.clock.now().toISOString();
    for (const feed of await feeds.dueFeeds(at)) {
      try {
        const report = await poll(feed);
        if (report) reports.push(report);
      } catch (error) {
        log.error({ err: error, feed: feed.id }, 'feed sweep failed for a feed');
      }
    }
    // What an end-to-end test waits for: this process has swept at this time.
    log.debug({ at, polled: reports.length }, 'feed sweep done');
    return reports;
  };

  const tick = (): Promise<readonly PollReport[]> => {
    if (!sweeping) {
      const run = sweep().finally(() => {
        sweeping = null;
        inFlight.delete(run);
      });
      inFlight.add(run);
      sweeping = run;
    }
    return sweeping;
  };

  const service = createFeedService({ store: deps.store, clock: deps.clock, log, web: deps.web, settings: deps.settings, poll });

  return {
    service,
    tick,
    poll,
    async start() {
      if (deps.timer === false) return;
      timer = setInterval(() => void tick().catch((error: unknown) => log.error({ err: error }, 'feed sweep failed')), deps.sweepEveryMs ?? 60_000);
      timer.unref();
      void tick().catch((error: unknown) => log.error({ err: error }, 'feed sweep failed'));
      log.info({ owner, intervalMinutes: deps.settings.intervalMinutes }, 'feed poller started');
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await Promise.allSettled([...inFlight]);
    },
  };
}

function name(feed: FeedRecord): string {
  return feed.title ? `${feed.title} (${redactUrl(feed.url)})` : redactUrl(feed.url);
}

/** The one message a channel gets when its feed is paused. */
export function pausedNotice(feed: FeedRecord, pauseAfter: number): Reply {
  return {
    parts: [],
    citations: [],
    notice:
      `Paused the feed ${name(feed)}: it failed ${pauseAfter} times in a row. The last error: ${feed.lastError?.reason ?? 'unknown'}. ` +
      `It will be tried once an hour and followed again when it works; add ${redactUrl(feed.url)} tries it now, remove ${redactUrl(feed.url)} stops following it.`,
  };
}

/** The message when a paused feed works again. */
export function resumedNotice(feed: FeedRecord): Reply {
  return { parts: [], citations: [], notice: `The feed ${name(feed)} works again: following it as before.` };
}
