/**
 * A small news site on the fake web server, for the live-coverage tests: article pages at
 * /news/SLUG and the same articles in an RSS feed at /feed.xml (also /atom.xml and
 * /feed.json), with an ETag that changes whenever the feed does, so a poll with nothing new is
 * a 304. Tests publish, edit and break it as a real site would.
 */
import { articlePage, type ArticleFixture } from './pages.ts';
import { atomFeed, jsonFeed, rssFeed, type FeedEntry } from './feeds.ts';
import type { FakeWebServer } from './fake-web-server.ts';

export interface Newsroom {
  readonly feedUrl: string;
  /** Adds an article page and its feed item (newest first in the feed). */
  publish(article: ArticleFixture): void;
  /** Replaces an article's page and bumps its item's update time. */
  edit(article: ArticleFixture): void;
  /** Every feed path answers this status from now on (null: back to normal). */
  breakFeed(status: number | null, headers?: Record<string, string>): void;
}

export function openNewsroom(web: FakeWebServer, title = 'Coastal Courier'): Newsroom {
  const articles: ArticleFixture[] = [];
  let broken: { status: number; headers: Record<string, string> } | null = null;
  let version = 0;
  const entries = (): FeedEntry[] =>
    articles.map((a) => ({
      guid: `courier-${a.slug}`,
      link: `/news/${a.slug}`,
      title: a.title,
      date: a.published,
      ...(a.modified ? { updated: a.modified } : {}),
      summary: a.paragraphs[0],
    }));
  const serveFeeds = () => {
    version++;
    const etag = `"v${version}"`;
    const feeds: [string, () => string, string][] = [
      ['/feed.xml', () => rssFeed(title, entries()), 'application/rss+xml; charset=utf-8'],
      ['/atom.xml', () => atomFeed(title, entries()), 'application/atom+xml'],
      ['/feed.json', () => jsonFeed(title, entries()), 'application/feed+json'],
    ];
    for (const [path, body, type] of feeds) {
      web.serve(path, () =>
        broken ? { status: broken.status, headers: broken.headers, body: 'error' } : { body: body(), etag, gzip: true, headers: { 'content-type': type } },
      );
    }
  };
  serveFeeds();
  const servePage = (article: ArticleFixture) =>
    web.serve(`/news/${article.slug}`, { body: articlePage(article, web.origin), headers: { 'content-type': 'text/html; charset=utf-8' } });
  return {
    feedUrl: `${web.origin}/feed.xml`,
    publish(article) {
      articles.unshift(article);
      servePage(article);
      serveFeeds();
    },
    edit(article) {
      const at = articles.findIndex((a) => a.slug === article.slug);
      if (at >= 0) articles[at] = article;
      servePage(article);
      serveFeeds();
    },
    breakFeed(status, headers = {}) {
      broken = status === null ? null : { status, headers };
      serveFeeds();
    },
  };
}

/** A second article for the harbour story. */
export const FERRY: ArticleFixture = {
  slug: 'ferry-timetable',
  title: 'Ferry timetable adds four crossings to Kestrel Bay',
  published: '2026-03-04T10:00:00Z',
  paragraphs: [
    'Morrow Point council approved a new ferry timetable on Wednesday, adding four crossings a day to Kestrel Bay from April.',
    'The extra crossings will run in the early morning and late evening, when commuters asked for them in a survey last year.',
    '"This is what people told us they needed," said councillor Bram Oduya, who chairs the transport committee.',
    'The ferry operator said it would hire twelve more crew members to run the new sailings from the reopened harbour.',
  ],
};
