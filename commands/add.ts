/**
 * `add URL [--every MINUTES]`: follow a feed (RSS, Atom, JSON Feed, or a page that names one),
 * or index one article page. New articles from a followed feed arrive by themselves, on the
 * shared schedule or every MINUTES. Changes the index: only for those who may manage the channel.
 */
import { defineCommand } from '../src/core/define-command.ts';
import { UserError } from '../src/core/errors.ts';
import type { AddedArticle, AddResult } from '../src/core/ports/feeds.ts';
import type { Reply } from '../src/core/reply.ts';
import { unwrapLink } from '../src/ingest/web/fetch/url-policy.ts';

/** Long lists of skipped items are cut in the text view; `--json` has them all. */
const SHOWN = 10;

export const add = defineCommand({
  name: 'add',
  description: 'Follow a news feed, or index one article page, from its web address',
  options: [
    { name: 'url', type: 'string', description: 'the address of a feed, a page that links one, or an article', rest: true, required: true, maxLength: 2000 },
    { name: 'every', type: 'integer', description: 'minutes between checks of this feed (default: the shared schedule)', min: 5, max: 1440 },
  ],
  examples: ['add https://news.example/world/rss.xml', 'add https://news.example/2026/03/harbour-reopens', 'add https://news.example/feed.xml --every 60'],
  surfaces: ['chat', 'cli'],
  admin: true,
  async run({ url: given, every }, { feeds, invoker }) {
    if (!feeds) throw new UserError('no-feeds', 'This process does not fetch from the web.');
    const url = unwrapLink(given);
    if (url === '' || /\s/.test(url)) throw new UserError('invalid-url', 'Give one web address, e.g. add https://news.example/feed.xml');
    const owner = { platform: invoker.platform, workspace: invoker.workspace ?? '', channel: invoker.channel, user: invoker.user };
    const result = await feeds.add(url, owner, every === undefined ? {} : { intervalMinutes: every });
    return describe(result, feeds.defaultIntervalMinutes);
  },
});

function describe(result: AddResult, defaultInterval: number): Reply {
  const lines = result.articles.map(articleLine);
  const data = {
    kind: result.kind,
    feed: result.feed,
    created: result.created,
    articles: result.articles,
    skipped: result.skipped,
    pollError: result.pollError,
  };
  if (result.kind === 'page') {
    return {
      title: result.articles[0]?.outcome === 'unchanged' ? 'Already indexed' : 'Indexed the page',
      parts: [{ kind: 'lines', lines }],
      citations: [],
      data,
    };
  }
  const feed = result.feed!;
  const name = feed.title ?? feed.url;
  const every = feed.intervalMinutes ?? defaultInterval;
  const skipped = result.skipped.map((s) => `skipped ${s.title ? `“${s.title}”` : 'an item'}: ${s.reason}`);
  const summary = result.articles.length === 0 ? ['No new articles in it yet.'] : [];
  const failing = result.pollError ? [`Reading it failed this time (${result.pollError}); it will be tried again.`] : [];
  return {
    title: `${result.created ? 'Following' : 'Already following'} ${name}, checked every ${every} minutes`,
    parts: [
      {
        kind: 'lines',
        lines: [
          ...failing,
          ...lines,
          ...summary,
          ...skipped.slice(0, SHOWN),
          ...(skipped.length > SHOWN ? [`… and ${skipped.length - SHOWN} more skipped (--json lists them all)`] : []),
        ],
      },
    ],
    citations: [],
    data,
  };
}

/** "added: Kestrel Bay harbour reopens — The Coastal Courier (web/courier.example/harbour-reopens-1f9c2a)" */
function articleLine(article: AddedArticle): string {
  return `${article.outcome}: ${article.title ?? '(untitled)'}${article.outlet ? ` — ${article.outlet}` : ''} (${article.id})`;
}
