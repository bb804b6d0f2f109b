import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../../src/ingest/web/dom.ts';
import { feedLinks } from '../../../src/ingest/web/discover.ts';
import { feedDate, parseFeed } from '../../../src/ingest/web/feed-parse.ts';
import { atomFeed, jsonFeed, MALFORMED_XML, NOT_XML, rssFeed, type FeedEntry } from '../../fakes/web/feeds.ts';
import { feedLinkPage, indexPage } from '../../fakes/web/pages.ts';

const BASE = 'https://courier.example/feed';
const entries: FeedEntry[] = [
  {
    guid: 'harbour-1',
    link: '/news/harbour-reopens',
    title: 'Harbour <b>reopens</b> & ships return',
    date: '2026-03-02T08:30:00Z',
    content: '<p>The harbour reopened.</p>',
  },
  {
    guid: 'ferry-2',
    link: 'https://courier.example/news/ferry',
    title: 'Ferry timetable approved',
    date: '2026-03-04T10:00:00Z',
    summary: 'Four more crossings.',
  },
];

describe('reading feeds', () => {
  it('reads RSS 2.0 items with absolute links, dates as ISO 8601 and full content', () => {
    const parsed = parseFeed(rssFeed('Coastal Courier', entries), BASE);
    expect(parsed.ok && parsed.feed.kind).toBe('rss');
    if (!parsed.ok) return;
    expect(parsed.feed.title).toBe('Coastal Courier');
    expect(parsed.feed.items[0]).toMatchObject({
      guid: 'harbour-1',
      link: 'https://courier.example/news/harbour-reopens',
      title: 'Harbour reopens & ships return',
      published: '2026-03-02T08:30:00Z',
      contentHtml: '<p>The harbour reopened.</p>',
    });
    expect(parsed.feed.items[1]).toMatchObject({ summary: 'Four more crossings.', contentHtml: null });
  });

  it('reads Atom entries and JSON Feed items to the same shape', () => {
    const atom = parseFeed(atomFeed('Coastal Courier', entries), BASE);
    const json = parseFeed(jsonFeed('Coastal Courier', entries), BASE);
    for (const parsed of [atom, json]) {
      if (!parsed.ok) throw new Error(parsed.reason);
      expect(parsed.feed.items.map((i) => [i.guid, i.link, i.published, i.author])).toEqual([
        ['harbour-1', 'https://courier.example/news/harbour-reopens', '2026-03-02T08:30:00Z', 'Ivo Marsh'],
        ['ferry-2', 'https://courier.example/news/ferry', '2026-03-04T10:00:00Z', 'Ivo Marsh'],
      ]);
    }
    expect(atom.ok && atom.feed.kind).toBe('atom');
    expect(json.ok && json.feed.kind).toBe('json');
  });

  it('keeps items with no link or no date, with those facts null', () => {
    const parsed = parseFeed(
      rssFeed('X', [
        { guid: 'a', title: 'No link', content: '<p>Text</p>' },
        { link: '/b', title: 'No date' },
      ]),
      BASE,
    );
    expect(parsed.ok && parsed.feed.items.map((i) => [i.link, i.published])).toEqual([
      [null, null],
      ['https://courier.example/b', null],
    ]);
  });

  it('refuses malformed and non-feed input with a reason, and says when it was a web page', () => {
    expect(parseFeed(NOT_XML, BASE)).toEqual({ ok: false, reason: 'not a feed: the address gave neither XML nor JSON' });
    expect(parseFeed(indexPage(), BASE)).toEqual({ ok: false, reason: 'not a feed: the address gave a web page', html: true });
    expect(parseFeed('{"items": []}', BASE)).toMatchObject({ ok: false, reason: expect.stringMatching(/JSON Feed "version"/) });
    expect(parseFeed('{"version": ', BASE)).toMatchObject({ ok: false, reason: expect.stringMatching(/^malformed JSON/) });
    expect(parseFeed('<?xml version="1.0"?><svg></svg>', BASE)).toMatchObject({ ok: false, reason: expect.stringMatching(/not RSS, Atom or RDF/) });
  });

  it('reads what a feed cut short still holds', () => {
    const parsed = parseFeed(MALFORMED_XML, BASE);
    expect(parsed.ok && parsed.feed.items.length).toBe(1);
  });

  it('reads a feed of 10,000 items', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      guid: `g${i}`,
      link: `/n/${i}`,
      title: `Item ${i}`,
      date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    const parsed = parseFeed(rssFeed('Many', many), BASE);
    expect(parsed.ok && parsed.feed.items.length).toBe(10_000);
  });

  it('reads RFC 822 and RFC 3339 dates, and leaves an unreadable one null', () => {
    expect(feedDate('Mon, 02 Mar 2026 08:30:00 GMT')).toBe('2026-03-02T08:30:00Z');
    expect(feedDate('2026-03-02T09:30:00+01:00')).toBe('2026-03-02T08:30:00Z');
    expect(feedDate('sometime soon')).toBeNull();
  });
});

describe("finding a page's feed", () => {
  it('finds the feed a page names with link rel="alternate", made absolute', () => {
    expect(feedLinks(parseHtml(feedLinkPage('/feed.xml')), 'https://courier.example/news/')).toEqual(['https://courier.example/feed.xml']);
    expect(feedLinks(parseHtml(indexPage()), 'https://courier.example/')).toEqual([]);
  });
});
