/**
 * What `add`, `feeds` and `remove` do. `add URL` fetches the address once and decides what it
 * is: a feed (followed, and polled at once with the body just fetched), a page that names a
 * feed and is not itself an article (its feed followed), or an article page (indexed once).
 * Anything else is refused with the reason, and nothing already indexed is touched.
 */
import type { Clock } from '../core/clock.ts';
import { UserError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import type { AddedArticle, AddResult, FeedService } from '../core/ports/feeds.ts';
import type { FeedOwner, FeedRecord } from '../core/ports/feed-store.ts';
import type { Store } from '../core/ports/store.ts';
import { webArticleId } from '../ingest/web/article-id.ts';
import type { HttpResult } from '../ingest/web/fetch/http-get.ts';
import { checkUrl, redactUrl } from '../ingest/web/fetch/url-policy.ts';
import { webText } from '../ingest/web/fetch/web-text.ts';
import type { WebClient } from '../ingest/web/web-client.ts';
import type { FeedSettings, PollReport } from './feed-poller.ts';

export interface FeedServiceDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  readonly web: WebClient;
  readonly settings: FeedSettings;
  readonly poll: (feed: FeedRecord, prefetched?: HttpResult) => Promise<PollReport | null>;
}

/**
 * The HTML and feed parsers (linkedom, Readability) and the indexer, loaded at the first `add`
 * rather than with the bot: a start that adds nothing does not pay for them.
 */
async function pageTools() {
  const [{ parseHtml }, { feedLinks }, { parseFeed }, { ingestWebArticles }, { pageFromBody }, { pageMetadata }] = await Promise.all([
    import('../ingest/web/dom.ts'),
    import('../ingest/web/discover.ts'),
    import('../ingest/web/feed-parse.ts'),
    import('../ingest/web/ingest-web.ts'),
    import('../ingest/web/page-article.ts'),
    import('../ingest/web/page-metadata.ts'),
  ]);
  return { parseHtml, feedLinks, parseFeed, ingestWebArticles, pageFromBody, pageMetadata };
}

const ANY_ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, text/html;q=0.9, application/xml;q=0.8, */*;q=0.5';

/** The service behind the commands; the poller builds it with its own `poll`. */
export function createFeedService(deps: FeedServiceDeps): FeedService {
  const follow = async (
    url: string,
    addedFrom: string | null,
    owner: FeedOwner,
    intervalMinutes: number | null,
    prefetched: HttpResult,
  ): Promise<AddResult> => {
    const { record, created } = await deps.store.feeds.addFeed({ url, addedFrom, owner, intervalMinutes, at: deps.clock.now().toISOString() });
    const report = await deps.poll(record, prefetched);
    const feed = (await deps.store.feeds.feedById(record.id)) ?? record;
    return {
      kind: 'feed',
      feed,
      created,
      articles: (report?.indexed ?? []).map((item) => ({ id: item.id, title: item.title, outlet: item.outlet, outcome: item.outcome })),
      skipped: report?.skipped ?? [],
      pollError: report?.error ?? (report === null ? 'another process is polling it now' : null),
    };
  };

  return {
    defaultIntervalMinutes: deps.settings.intervalMinutes,
    pauseAfter: deps.settings.pauseAfter,
    async add(address, owner, options = {}) {
      const checked = checkUrl(address);
      if (!checked.ok) throw new UserError('invalid-url', checked.reason);
      const url = checked.url.href;
      const interval = options.intervalMinutes ?? null;
      const existing = await deps.store.feeds.feed(url);
      if (existing) return follow(existing.url, existing.addedFrom, owner, interval, await deps.web.get(existing.url, { headers: { accept: ANY_ACCEPT } }));
      const fetched = await deps.web.get(url, { page: true, headers: { accept: ANY_ACCEPT } });
      if (fetched.kind !== 'ok')
        throw new UserError(
          'fetch-failed',
          `Could not read ${redactUrl(url)}: ${fetched.kind === 'failed' ? fetched.reason : 'the server answered 304 Not Modified'}.`,
        );
      const text = webText(fetched.body, fetched.contentType);
      if (!text.ok) throw new UserError('not-usable', `${redactUrl(url)} is ${text.reason}.`);
      const { parseHtml, feedLinks, parseFeed, ingestWebArticles, pageFromBody, pageMetadata } = await pageTools();
      const asFeed = parseFeed(text.text, fetched.url);
      if (asFeed.ok) return follow(fetched.url, fetched.url === url ? null : url, owner, interval, fetched);
      if (!asFeed.html) throw new UserError('not-usable', `${redactUrl(url)} is neither a feed nor an article page: ${asFeed.reason}.`);

      const document = parseHtml(text.text);
      const links = feedLinks(document, fetched.url);
      const isArticle = pageMetadata(document, fetched.url).isArticle;
      if (links.length > 0 && !isArticle) return followLinked(links[0]!, url, owner, interval);
      const page = pageFromBody(fetched.body, fetched.contentType, fetched.url);
      if (!page.ok) {
        if (links.length > 0) return followLinked(links[0]!, url, owner, interval);
        throw new UserError('no-article', `${redactUrl(url)} has no article to index: ${page.reason}.`);
      }
      const known = (await deps.store.feeds.seenItem([`url:${page.article.url}`, `url:${fetched.url}`]))?.article ?? null;
      const id = known ?? webArticleId(page.article.url);
      const { outcomes } = await ingestWebArticles([{ id, url: page.article.url, text: page.article.text, stated: page.article.meta }], deps);
      const outcome = outcomes.get(id);
      if (outcome === 'skipped' || outcome === undefined) throw new Error(`indexing ${redactUrl(url)} failed (the log has the details)`);
      if (outcome === 'duplicate') throw new UserError('duplicate', `${redactUrl(url)} repeats an article already indexed word for word; nothing added.`);
      const keys = [...new Set([`url:${page.article.url}`, `url:${fetched.url}`, `url:${url}`])];
      await deps.store.feeds.saveItem(keys, null, { article: id, entryHash: '', status: 'indexed', reason: null, attempts: 0 }, deps.clock.now().toISOString());
      const article: AddedArticle = { id, title: page.article.meta.title ?? null, outlet: page.article.meta.outlet ?? null, outcome };
      return { kind: 'page', feed: null, created: outcome === 'added', articles: [article], skipped: [], pollError: null };
    },
    list: () => deps.store.feeds.feeds(),
    async remove(address) {
      const checked = checkUrl(address);
      return deps.store.feeds.removeFeed(checked.ok ? checked.url.href : address.trim());
    },
  };

  async function followLinked(feedUrl: string, page: string, owner: FeedOwner, interval: number | null): Promise<AddResult> {
    const fetched = await deps.web.get(feedUrl, { headers: { accept: ANY_ACCEPT } });
    if (fetched.kind !== 'ok')
      throw new UserError(
        'fetch-failed',
        `${redactUrl(page)} names the feed ${redactUrl(feedUrl)}, which could not be read: ${fetched.kind === 'failed' ? fetched.reason : 'not modified'}.`,
      );
    const text = webText(fetched.body, fetched.contentType);
    const parsed = text.ok ? (await pageTools()).parseFeed(text.text, fetched.url) : text;
    if (!parsed.ok) throw new UserError('not-usable', `${redactUrl(page)} names the feed ${redactUrl(feedUrl)}, which is not one: ${parsed.reason}.`);
    return follow(fetched.url, page, owner, interval, fetched);
  }
}
