/**
 * Builds the feed poller from the configuration: the polite web client (User-Agent, timeout,
 * the 5 MB cap that files have too, the SSRF guard) and the poll settings. The bot and the CLI
 * both use it, so `briefbot add` from a terminal behaves as `add` in a chat.
 */
import type { WebConfig } from '../config.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Store } from '../core/ports/store.ts';
import { MAX_ARTICLE_BYTES } from '../ingest/article-limits.ts';
import type { Resolver } from '../ingest/web/fetch/guarded-lookup.ts';
import { createWebClient, userAgent } from '../ingest/web/web-client.ts';
import { createFeedPoller, type FeedNotifier, type FeedPoller } from './feed-poller.ts';

export const BOT_VERSION = '0.1.0';

export interface LiveCoverageDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly notify?: FeedNotifier;
  /** Sweep on a timer (the bot); the CLI only adds and lists. */
  readonly timer?: boolean;
  /** The timer's period in real milliseconds (default a minute; BRIEFBOT_TEST_SWEEP_MS in tests). */
  readonly sweepEveryMs?: number;
  /** Tests name their own hosts. */
  readonly resolver?: Resolver;
}

/** @example liveCoverage(config.web, { store, clock, log }).service.add('https://news.example/feed.xml', owner) */
export function liveCoverage(config: WebConfig, deps: LiveCoverageDeps): FeedPoller {
  const web = createWebClient(
    {
      userAgent: userAgent(BOT_VERSION, config.botUrl),
      timeoutMs: config.timeoutMs,
      maxBytes: MAX_ARTICLE_BYTES,
      allowPrivate: config.allowPrivate,
      ...(deps.resolver ? { resolver: deps.resolver } : {}),
    },
    deps.clock,
    deps.log.child({ component: 'web' }),
  );
  return createFeedPoller({
    store: deps.store,
    clock: deps.clock,
    log: deps.log,
    web,
    settings: { intervalMinutes: config.intervalMinutes, pauseAfter: config.pauseAfter, maxItems: config.maxItems, timeoutMs: config.timeoutMs },
    ...(deps.notify ? { notify: deps.notify } : {}),
    ...(deps.timer === false ? { timer: false } : {}),
    ...(deps.sweepEveryMs ? { sweepEveryMs: deps.sweepEveryMs } : {}),
  });
}
