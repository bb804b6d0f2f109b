import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WebConfig } from '../../../src/config.ts';
import { isUserError } from '../../../src/core/errors.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { FeedOwner } from '../../../src/core/ports/feed-store.ts';
import { liveCoverage } from '../../../src/schedule/live-coverage.ts';
import type { FeedPoller } from '../../../src/schedule/feed-poller.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { startFakeWebServer, type FakeWebServer } from '../../fakes/web/fake-web-server.ts';
import { rssFeed } from '../../fakes/web/feeds.ts';
import { FERRY, openNewsroom, type Newsroom } from '../../fakes/web/newsroom.ts';
import { articlePage, feedLinkPage, HARBOUR, HARBOUR_PARAGRAPHS, indexPage } from '../../fakes/web/pages.ts';
import { recordingLogger } from '../../support/recording-logger.ts';
import { TestClock } from '../schedule/helpers.ts';

const CONFIG: WebConfig = { allowPrivate: true, intervalMinutes: 15, pauseAfter: 5, maxItems: 20, timeoutMs: 3000, botUrl: 'https://briefbot.example/about' };
const OWNER: FeedOwner = { platform: 'slack', workspace: 'T1', channel: 'C-NEWS', user: 'U-ADMIN' };

let web: FakeWebServer;
let dir: string;
let store: Store;
let clock: TestClock;
let told: { owner: FeedOwner; reply: Reply }[];
let poller: FeedPoller;
let site: Newsroom;

beforeAll(async () => {
  web = await startFakeWebServer();
});
afterAll(async () => {
  await web.close();
});
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-feeds-'));
  store = openSqliteStore(join(dir, 'test.db'));
  clock = new TestClock(Date.parse('2026-03-05T09:00:00Z'));
  told = [];
  poller = liveCoverage(CONFIG, { store, clock, log: silentLogger, timer: false, notify: async (owner, reply) => void told.push({ owner, reply }) });
  site = openNewsroom(web);
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const due = async () => {
  const [feed] = await store.feeds.feeds();
  clock.set(feed!.nextPollAt);
};

describe('following a feed', () => {
  it('indexes the articles its items link to, with the facts their pages state', async () => {
    site.publish(HARBOUR);
    const result = await poller.service.add(site.feedUrl, OWNER);
    expect(result).toMatchObject({ kind: 'feed', created: true, pollError: null });
    expect(result.articles).toEqual([
      { id: expect.stringMatching(/^web\/127\.0\.0\.1\/harbour-reopens-[0-9a-f]{6}$/), title: HARBOUR.title, outlet: 'The Coastal Courier', outcome: 'added' },
    ]);
    const stored = await store.getArticle(result.articles[0]!.id);
    expect(stored?.meta).toMatchObject({
      title: HARBOUR.title,
      outlet: 'The Coastal Courier',
      url: `${web.origin}/news/harbour-reopens`,
      published: '2026-03-02T08:30:00Z',
      byline: 'Ivo Marsh',
    });
    const hits = await store.searchSentences({ terms: ['sea wall'] });
    expect(hits.length).toBeGreaterThan(0);
    expect(result.feed).toMatchObject({ title: 'Coastal Courier', kind: 'rss', itemsSeen: 1, failures: 0, lastSuccessAt: '2026-03-05T09:00:00.000Z' });
  });

  it('revalidates with the ETag, and fetches only the new item on the next poll', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    await due();
    const quiet = await poller.tick();
    expect(quiet.map((r) => r.state)).toEqual(['not-modified']);
    expect(web.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toMatch(/^"v\d+"$/);
    site.publish(FERRY);
    const pagesBefore = web.hits('/news/harbour-reopens');
    await due();
    const [report] = await poller.tick();
    expect(report!.indexed.map((i) => [i.title, i.outcome])).toEqual([[FERRY.title, 'added']]);
    expect(web.hits('/news/harbour-reopens')).toBe(pagesBefore);
  });

  it('replaces a changed article and calls it updated, under the same id', async () => {
    site.publish(HARBOUR);
    const first = await poller.service.add(site.feedUrl, OWNER);
    const id = first.articles[0]!.id;
    site.edit({
      ...HARBOUR,
      modified: '2026-03-05T10:00:00Z',
      paragraphs: [...HARBOUR_PARAGRAPHS, 'A second inspection on Thursday found no new cracks in the wall.'],
    });
    await due();
    const [report] = await poller.tick();
    expect(report!.indexed).toEqual([{ id, title: HARBOUR.title, outlet: 'The Coastal Courier', outcome: 'updated' }]);
    expect((await store.searchSentences({ terms: ['no new cracks'] })).map((h) => h.article)).toEqual([id]);
    expect(await store.countArticles()).toBe(1);
  });

  it('treats an item as the same article across feeds, by its GUID and its address', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    const atom = await poller.service.add(`${web.origin}/atom.xml`, OWNER);
    expect(atom.articles).toEqual([]);
    expect(await store.countArticles()).toBe(1);
  });

  it('finds the feed a section page names, and indexes an article page on its own', async () => {
    site.publish(HARBOUR);
    web.serve('/section', { body: feedLinkPage('/feed.xml'), headers: { 'content-type': 'text/html' } });
    const followed = await poller.service.add(`${web.origin}/section`, OWNER);
    expect(followed).toMatchObject({ kind: 'feed', feed: { url: site.feedUrl, addedFrom: `${web.origin}/section` } });
    web.serve('/opinion/ferries', { body: articlePage({ ...FERRY, slug: 'ferry-opinion' }, web.origin), headers: { 'content-type': 'text/html' } });
    const page = await poller.service.add(`${web.origin}/opinion/ferries`, OWNER);
    expect(page).toMatchObject({ kind: 'page', articles: [{ title: FERRY.title, outcome: 'added' }] });
    expect((await store.feeds.feeds()).length).toBe(1);
  });

  it('takes only the newest items of a feed of 10,000 on its first poll', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => ({
      guid: `g${i}`,
      link: `/many/${i}`,
      title: `Item ${i}`,
      date: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    }));
    web.serve('/many.xml', { body: rssFeed('Many', many), headers: { 'content-type': 'application/rss+xml' } });
    const result = await poller.service.add(`${web.origin}/many.xml`, OWNER);
    // The pages do not exist: 20 are tried (newest first), the rest recorded as older.
    expect(
      web.requests
        .filter((r) => r.path.startsWith('/many/'))
        .map((r) => r.path)
        .slice(0, 2),
    ).toEqual(['/many/9999', '/many/9998']);
    expect(web.requests.filter((r) => r.path.startsWith('/many/')).length).toBe(20);
    expect(result.skipped.filter((s) => s.reason.startsWith('older than the newest 20')).length).toBe(9_980);
    expect(result.feed?.itemsSeen).toBe(10_000);
  });

  it('indexes an item with no link from its own content, and skips items with nothing to go on or a repeated GUID', async () => {
    const content = `<p>${HARBOUR_PARAGRAPHS.join('</p><p>')}</p>`;
    web.serve('/odd.xml', {
      body: rssFeed('Odd', [
        { guid: 'only-content', title: 'Harbour reopens (from the feed)', content },
        { title: 'Nothing to go on' },
        { guid: 'only-content', title: 'Same GUID again', content },
      ]),
    });
    const result = await poller.service.add(`${web.origin}/odd.xml`, OWNER);
    expect(result.articles.map((a) => a.title)).toEqual(['Harbour reopens (from the feed)']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['the item has no link and no id', expect.stringMatching(/^duplicate of another item in the feed/)]);
  });
});

describe('feed health', () => {
  it('pauses a feed after five failures in a row and tells its channel once, then resumes it and says so', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    site.breakFeed(500);
    for (let i = 0; i < 7; i++) {
      await due();
      await poller.tick();
    }
    const [feed] = await store.feeds.feeds();
    expect(feed).toMatchObject({ failures: 7, paused: { reason: 'HTTP 500 Internal Server Error' }, lastError: { reason: 'HTTP 500 Internal Server Error' } });
    expect(told).toHaveLength(1);
    expect(told[0]!.owner).toEqual(OWNER);
    expect(told[0]!.reply.notice).toMatch(
      /^Paused the feed Coastal Courier \(http:\/\/127\.0\.0\.1:\d+\/feed\.xml\): it failed 5 times in a row\. The last error: HTTP 500/,
    );
    // Paused feeds are tried hourly.
    expect(Date.parse(feed!.nextPollAt) - clock.now().getTime()).toBe(60 * 60_000);
    site.breakFeed(null);
    await due();
    const [report] = await poller.tick();
    expect(report).toMatchObject({ state: 'fetched', resumed: true });
    expect(told.map((t) => t.reply.notice)).toEqual([expect.stringMatching(/^Paused/), expect.stringMatching(/works again/)]);
    expect(await store.countArticles()).toBe(1);
  });

  it('waits as long as Retry-After asks after a 429', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    site.breakFeed(429, { 'retry-after': '3600' });
    await due();
    await poller.tick();
    const [feed] = await store.feeds.feeds();
    expect(Date.parse(feed!.nextPollAt) - clock.now().getTime()).toBe(3600_000);
  });

  it('records a malformed feed as a failure and keeps what was indexed', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    web.serve('/feed.xml', { body: '<rss><channel', headers: { 'content-type': 'application/rss+xml' } });
    await due();
    const [report] = await poller.tick();
    expect(report).toMatchObject({ state: 'failed', error: 'malformed RSS: no <channel>' });
    expect(await store.countArticles()).toBe(1);
  });

  it('counts a feed that starts serving a web page as failing, with the reason', async () => {
    site.publish(HARBOUR);
    await poller.service.add(`${web.origin}/feed.json`, OWNER);
    web.serve('/feed.json', { body: indexPage(), headers: { 'content-type': 'text/html' } });
    await due();
    const [report] = await poller.tick();
    expect(report).toMatchObject({ state: 'failed', error: 'not a feed: the address gave a web page' });
    expect((await store.feeds.feeds())[0]).toMatchObject({ kind: 'json', failures: 1 });
  });

  it('polls a feed once when two processes share the database', async () => {
    site.publish(HARBOUR);
    await poller.service.add(site.feedUrl, OWNER);
    const other = openSqliteStore(join(dir, 'test.db'));
    try {
      const second = liveCoverage(CONFIG, { store: other, clock, log: silentLogger, timer: false });
      await due();
      const before = web.hits('/feed.xml');
      const reports = await Promise.all([poller.tick(), second.tick()]);
      expect(reports.flat()).toHaveLength(1);
      expect(web.hits('/feed.xml') - before).toBe(1);
    } finally {
      await other.close();
    }
  });
});

describe('addresses add refuses', () => {
  const refusal = async (url: string, service = poller.service): Promise<string> => {
    try {
      await service.add(url, OWNER);
    } catch (error) {
      if (isUserError(error)) return error.message;
      throw error;
    }
    throw new Error('add did not refuse');
  };

  it('refuses a page with no article and no feed, a 404, and text that is not a feed, saying why', async () => {
    web.serve('/index', { body: indexPage(), headers: { 'content-type': 'text/html' } });
    web.serve('/notes.txt', { body: 'short note', headers: { 'content-type': 'text/plain' } });
    expect(await refusal(`${web.origin}/index`)).toMatch(/has no article to index: no article text found/);
    expect(await refusal(`${web.origin}/missing`)).toMatch(/^Could not read .*: HTTP 404 Not Found\.$/);
    expect(await refusal(`${web.origin}/notes.txt`)).toMatch(/neither a feed nor an article page: not a feed/);
    expect(await store.countArticles()).toBe(0);
  });

  it('refuses an address caught in a redirect loop, saying so', async () => {
    web.serve('/loop-1', { status: 302, headers: { location: '/loop-2' } });
    web.serve('/loop-2', { status: 302, headers: { location: '/loop-1' } });
    expect(await refusal(`${web.origin}/loop-1`)).toMatch(/redirect loop/);
  });

  it('refuses private addresses unless allowed, and never logs a password', async () => {
    const log = recordingLogger();
    const guarded = liveCoverage({ ...CONFIG, allowPrivate: false }, { store, clock, log: log.logger, timer: false });
    expect(await refusal(site.feedUrl, guarded.service)).toMatch(/127\.0\.0\.1 is a loopback address, which briefbot does not fetch from/);
    const port = new URL(web.origin).port;
    expect(await refusal(`http://localhost:${port}/feed.xml`, guarded.service)).toMatch(/localhost resolves to .* \(loopback\)/);
    expect(await refusal('https://ann:hunter2@news.example/feed.xml', guarded.service)).toMatch(/user name or password are refused/);
    expect(log.raw.join('\n')).not.toContain('hunter2');
    expect(await store.feeds.feeds()).toEqual([]);
  });
});
