/**
 * Live coverage end to end, the same story on every chat platform: a news site on the fake web
 * server (127.0.0.1), a bot process of the digest harness with a feed poller beside its digest
 * scheduler (both driven by `tick()` at the shared test clock), and a chat driver that types
 * commands as a user and reads what the bot posted. `expectLiveCoverage` runs the story:
 *
 *   add the feed (refused for a member, done for an admin) → digest subscribe → the first
 *   digest holds the feed's article → a new article is published → the next poll indexes it →
 *   ask finds it → the next digest is "New in the story" and cites only it → the first article
 *   is edited → the next digest says "Updated", never "new" → the feed breaks → after five
 *   failed polls the channel is told once that it is paused, and feeds shows it.
 */
import { expect } from 'vitest';
import type { ChannelPoster } from '../../src/core/adapter.ts';
import type { FeedPoller } from '../../src/schedule/feed-poller.ts';
import { liveCoverage } from '../../src/schedule/live-coverage.ts';
import { startFakeWebServer, type FakeWebServer } from '../fakes/web/fake-web-server.ts';
import { FERRY, openNewsroom, type Newsroom } from '../fakes/web/newsroom.ts';
import { HARBOUR, HARBOUR_PARAGRAPHS } from '../fakes/web/pages.ts';
import type { DigestProcess, DigestWorld } from './digest-harness.ts';

export interface LiveSite {
  readonly web: FakeWebServer;
  readonly site: Newsroom;
  close(): Promise<void>;
}

export async function openLiveSite(): Promise<LiveSite> {
  const web = await startFakeWebServer();
  return { web, site: openNewsroom(web), close: () => web.close() };
}

/**
 * A feed poller for a digest-harness process, telling the channel a feed was added from
 * through the process's posters, as main.ts does.
 */
export function pollerFor(process: DigestProcess, world: DigestWorld): FeedPoller {
  return liveCoverage(
    { allowPrivate: true, intervalMinutes: 15, pauseAfter: 5, maxItems: 20, timeoutMs: 5000, botUrl: 'https://briefbot.example/about' },
    {
      store: process.store,
      clock: world.clock,
      log: process.log.logger,
      timer: false,
      notify: async (owner, reply) => {
        const poster: ChannelPoster | undefined = process.posters.find((p) => p.platform === owner.platform);
        if (poster && owner.channel) await poster.post(owner.channel, reply);
      },
    },
  );
}

/** Types commands as a user of one platform, and reads the channel. */
export interface ChatDriver {
  /** Runs `command` with its text as `admin` (may manage the channel) or a member; the reply as read. */
  run(command: 'add' | 'feeds' | 'remove' | 'ask' | 'digest', text: string, admin: boolean): Promise<string>;
  /** What the bot posted in the channel unasked (digests, feed notices), as read, oldest first. */
  posted(): readonly string[];
}

const DAY1 = '2026-06-01T09:00:00.000Z';
const DAY2 = '2026-06-02T09:00:00.000Z';
const DAY3 = '2026-06-03T09:00:00.000Z';

/** The whole story, on one platform. */
export async function expectLiveCoverage(options: {
  world: DigestWorld;
  process: DigestProcess;
  poller: FeedPoller;
  live: LiveSite;
  chat: ChatDriver;
}): Promise<void> {
  const { world, process, poller, live, chat } = options;
  const { site } = live;
  const tickAtDue = async () => {
    const [feed] = await process.store.feeds.feeds();
    if (Date.parse(feed!.nextPollAt) > world.clock.now().getTime()) world.clock.set(feed!.nextPollAt);
    return poller.tick();
  };
  const digestAt = async (slot: string): Promise<string> => {
    const before = chat.posted().length;
    world.clock.set(slot);
    expect(await process.scheduler.tick()).toEqual(['posted']);
    const posted = chat.posted().slice(before);
    expect(posted).toHaveLength(1);
    return posted[0]!;
  };

  site.publish(HARBOUR);
  expect(await chat.run('add', site.feedUrl, false)).toMatch(/Only people who can manage this channel may use "add"/);
  expect(await process.store.feeds.feeds()).toEqual([]);
  const added = await chat.run('add', `<${site.feedUrl}>`, true);
  expect(added).toMatch(/Following Coastal Courier, checked every 15 minutes/);
  expect(added).toContain(`added: ${HARBOUR.title} — The Coastal Courier`);

  expect(await chat.run('digest', 'subscribe 09:00 UTC', true)).toMatch(/Subscribed to digests/);
  const first = await digestAt(DAY1);
  expect(first).toMatch(/The story so far/);
  expect(first).toMatch(/Kestrel Bay/);

  // A new article: the next poll finds it, ask answers from it, the next digest has only it.
  site.publish(FERRY);
  world.clock.set('2026-06-01T10:00:00.000Z');
  const [poll] = await tickAtDue();
  expect(poll!.indexed.map((i) => [i.title, i.outcome])).toEqual([[FERRY.title, 'added']]);
  expect(await chat.run('ask', 'How many crossings a day will the new ferry timetable add?', false)).toMatch(/four crossings a day/);
  const second = await digestAt(DAY2);
  expect(second).toMatch(/New in the story/);
  expect(second).toMatch(/ferry|crossings/i);
  expect(second).not.toMatch(/sea wall/);

  // The first article is edited: the next digest says it is updated, never new.
  site.edit({
    ...HARBOUR,
    modified: '2026-06-02T11:00:00Z',
    paragraphs: [...HARBOUR_PARAGRAPHS, 'Divers inspected the foundations of the sea wall on Tuesday and found them sound.'],
  });
  world.clock.set('2026-06-02T12:00:00.000Z');
  const [edit] = await tickAtDue();
  expect(edit!.indexed.map((i) => i.outcome)).toEqual(['updated']);
  const third = await digestAt(DAY3);
  expect(third).toMatch(/Updated in the story/);
  expect(third).toMatch(/Updated: /);
  expect(third).not.toMatch(/New in the story/);

  // The feed breaks: the channel is told once, after the fifth failure in a row.
  site.breakFeed(500);
  const notices = () => chat.posted().filter((text) => /Paused the feed/.test(text));
  for (let i = 0; i < 7; i++) {
    await tickAtDue();
    expect(notices()).toHaveLength(i < 4 ? 0 : 1);
  }
  expect(notices()[0]).toMatch(/failed 5 times in a row\. The last error: HTTP 500/);
  expect(await chat.run('feeds', '', false)).toMatch(/PAUSED since .*HTTP 500/);
  expect(await process.store.countArticles()).toBe(2);
}
