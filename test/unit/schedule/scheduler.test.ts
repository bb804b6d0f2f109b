import { appendFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ChannelGoneError, PartialPostError } from '../../../src/core/adapter.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import cron from 'node-cron';
import { createDigestScheduler, storeRunCoordinator, type DigestScheduler } from '../../../src/schedule/scheduler.ts';
import { wallTimeAt } from '../../../src/schedule/zoned-time.ts';
import type { SubscriptionSettings } from '../../../src/core/ports/digest-store.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { citedArticles, RecordingPoster, SEED, seedFolder, TestClock } from './helpers.ts';

const MINUTE = 60_000;
const channel = { platform: 'slack', workspace: 'T1', channel: 'C1' };
const daily = (overrides: Partial<SubscriptionSettings> = {}): SubscriptionSettings => ({
  time: '09:00',
  days: [0, 1, 2, 3, 4, 5, 6],
  timezone: 'Europe/London',
  topic: null,
  empty: 'post',
  ...overrides,
});

let dir: string;
let seeds: ReturnType<typeof seedFolder>;
const stores: Store[] = [];
const openStore = () => {
  const store = openSqliteStore(join(dir, 'briefbot.db'));
  stores.push(store);
  return store;
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-scheduler-'));
  seeds = seedFolder();
});
afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
  rmSync(dir, { recursive: true, force: true });
  seeds.remove();
});

function scheduler(
  store: Store,
  clock: TestClock,
  poster: RecordingPoster,
  options: { missed?: 'catch-up' | 'skip'; owner?: string; onPaused?: () => void } = {},
): DigestScheduler {
  return createDigestScheduler({
    store,
    clock,
    log: silentLogger,
    posters: [poster],
    config: { missed: options.missed ?? 'catch-up', timezone: 'UTC' },
    retry: { delaysMs: [MINUTE, 5 * MINUTE, 15 * MINUTE] },
    cron: false,
    ...(options.owner ? { owner: options.owner } : {}),
    ...(options.onPaused ? { onPaused: options.onPaused } : {}),
  });
}

/** Ticks every `step` from the clock's time until `until`. */
async function runUntil(clock: TestClock, until: string, step: number, ...schedulers: DigestScheduler[]): Promise<void> {
  while (clock.now().getTime() <= Date.parse(until)) {
    for (const s of schedulers) await s.tick();
    clock.advance(step);
  }
}

describe('the digest scheduler', () => {
  it('posts a 09:00 Europe/London digest at 09:00 local on both sides of the March and October 2026 clock changes', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    for (const [from, until] of [
      ['2026-03-27T00:00:00Z', '2026-03-30T23:00:00Z'],
      ['2026-10-23T00:00:00Z', '2026-10-26T23:00:00Z'],
    ] as const) {
      const clock = new TestClock(Date.parse(from));
      const poster = new RecordingPoster('slack', clock);
      const s = scheduler(store, clock, poster);
      await s.service.unsubscribe(channel);
      await s.service.subscribe(channel, daily(), 'U1');
      await runUntil(clock, until, 5 * MINUTE, s);
      expect(poster.posted).toHaveLength(4);
      for (const post of poster.posted) expect(wallTimeAt(new Date(post.at), 'Europe/London')).toMatchObject({ hour: 9, minute: 0 });
      expect(new Set(poster.posted.map((p) => new Date(p.at).getUTCHours())).size).toBe(2); // GMT and BST
    }
  });

  it('skips Saturday and Sunday for a weekday subscription', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-03-26T12:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    await s.service.subscribe(channel, daily({ days: [1, 2, 3, 4, 5] }), 'U1');
    await runUntil(clock, '2026-03-31T12:00:00Z', 5 * MINUTE, s);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-03-27T09:00:00.000Z', '2026-03-30T08:00:00.000Z', '2026-03-31T08:00:00.000Z']);
  });

  it('posts each slot once when two processes share the database file', async () => {
    const [a, b] = [openStore(), openStore()];
    await seeds.add(a, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:50:00Z'));
    const posterA = new RecordingPoster('slack', clock);
    const posterB = new RecordingPoster('slack', clock);
    const first = scheduler(a, clock, posterA, { owner: 'A' });
    const second = scheduler(b, clock, posterB, { owner: 'B' });
    await first.service.subscribe(channel, daily({ time: ':00' }), 'U1');
    const arrivals = [SEED.itv2018, SEED.et2019, SEED.undated, SEED.newEurope2018];
    for (let hour = 0; hour < 6; hour++) {
      // Both wake at the same minute, in either order, and again a minute later.
      const order = hour % 2 === 0 ? [first, second] : [second, first];
      await runUntil(clock, new Date(Date.parse('2026-06-01T09:01:00Z') + hour * 60 * MINUTE).toISOString(), MINUTE, ...order);
      if (arrivals[hour]) await seeds.add(hour % 2 === 0 ? b : a, arrivals[hour]!);
      clock.set(new Date(Date.parse('2026-06-01T09:55:00Z') + hour * 60 * MINUTE).toISOString());
    }
    const posts = [...posterA.posted, ...posterB.posted].sort((x, y) => x.at.localeCompare(y.at));
    expect(posts.map((p) => p.at)).toEqual([9, 10, 11, 12, 13, 14].map((h) => `2026-06-01T${h}:00:00.000Z`.replace('T9:', 'T09:')));
    expect(posterA.posted.length).toBeGreaterThan(0);
    expect(posterB.posted.length).toBeGreaterThan(0);
    // Each hour's digest cites only the article that arrived before it.
    expect(posts.slice(1, 5).map((p) => citedArticles(p.reply))).toEqual(arrivals.map((id) => [id]));
  });

  it('retries a failed post with backoff and delivers it once, with what arrived meanwhile', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC', empty: 'skip' }), 'U1');
    poster.failures.push(new Error('HTTP 500'), new Error('HTTP 500'), new Error('HTTP 500'));
    await runUntil(clock, '2026-06-01T09:00:00Z', MINUTE, s);
    expect(poster.posted).toEqual([]);
    await seeds.add(store, SEED.itv2018);
    await runUntil(clock, '2026-06-02T12:00:00Z', MINUTE, s);
    expect(poster.attempts).toBe(4);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-01T09:21:00.000Z']);
    expect(citedArticles(poster.posted[0]!.reply)).toEqual([SEED.itv2018, SEED.scmp2014].sort());
    const runs = await store.digests.runs(record.id, 5);
    expect(runs.map((r) => [r.slot, r.state, r.attempts])).toEqual([
      ['2026-06-02T09:00:00.000Z', 'empty', 0],
      ['2026-06-01T09:00:00.000Z', 'posted', 4],
    ]);
    expect(runs[1]!.error).toBe('HTTP 500');
  });

  it('retries a post that failed during an outage as soon as the platform is back, once', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:59:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    poster.failures.push(new Error('Slack is unreachable'));
    await runUntil(clock, '2026-06-01T09:00:30Z', 30_000, s);
    expect(poster.attempts).toBe(1);
    expect(poster.posted).toEqual([]);
    // Twenty seconds later the platform is back: the next retry was due at 09:01, but it goes now.
    clock.set('2026-06-01T09:00:50Z');
    expect(await s.resume('discord')).toEqual([]);
    expect(await s.resume('slack')).toEqual(['posted']);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-01T09:00:50.000Z']);
    await runUntil(clock, '2026-06-01T10:00:00Z', MINUTE, s);
    expect(poster.posted).toHaveLength(1);
  });

  it('gives up after the last retry and lets the next digest carry the content', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    poster.failures.push(...Array.from({ length: 4 }, () => new Error('HTTP 500')));
    await runUntil(clock, '2026-06-02T09:00:00Z', MINUTE, s);
    expect(poster.attempts).toBe(5);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-02T09:00:00.000Z']);
    expect(citedArticles(poster.posted[0]!.reply)).toEqual([SEED.scmp2014]);
  });

  it('retries a digest that reached the channel in part from the first message that did not', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    // Two messages of three reach the channel; the next attempt fails before any more does.
    poster.failures.push(new PartialPostError(2, 3, new Error('HTTP 500')), new Error('HTTP 503'));
    await runUntil(clock, '2026-06-01T10:00:00Z', MINUTE, s);
    expect(poster.attempts).toBe(3);
    expect(poster.posted.map((p) => [p.at, p.fromPart])).toEqual([['2026-06-01T09:06:00.000Z', 2]]);
    expect(citedArticles(poster.posted[0]!.reply)).toEqual([SEED.scmp2014]);
    const slot = (await store.digests.runs(record.id, 5)).find((r) => r.slot === '2026-06-01T09:00:00.000Z');
    expect(slot).toMatchObject({ state: 'posted', attempts: 3, resume: null });
    // The watermark moved: the next day's digest has nothing new to repeat.
    await runUntil(clock, '2026-06-02T10:00:00Z', MINUTE, s);
    expect(poster.posted.filter((p) => citedArticles(p.reply).length > 0)).toHaveLength(1);
  });

  it('posts a digest whole when what it says changed after it reached the channel in part', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    await seeds.add(store, SEED.itv2018);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster);
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    poster.failures.push(new PartialPostError(1, 2, new Error('HTTP 500')));
    await runUntil(clock, '2026-06-01T09:00:00Z', MINUTE, s);
    expect((await store.digests.runs(record.id, 1))[0]).toMatchObject({ state: 'retrying', resume: { posted: 1 } });
    // One of its articles is corrected before the retry: the range it covered now says less.
    const file = readdirSync(seeds.dir).find((name) => name.startsWith(SEED.itv2018))!;
    appendFileSync(join(seeds.dir, file), '\n\nCorrection: an earlier version of this article misstated the date of the meeting.\n');
    await ingestPaths([seeds.dir], { store, clock: { now: () => new Date() }, log: silentLogger });
    await runUntil(clock, '2026-06-01T10:00:00Z', MINUTE, s);
    expect(poster.posted.map((p) => [p.at, p.fromPart])).toEqual([['2026-06-01T09:01:00.000Z', 0]]);
    expect(citedArticles(poster.posted[0]!.reply)).toEqual([SEED.scmp2014]);
    // The corrected article is the next digest's.
    await runUntil(clock, '2026-06-02T10:00:00Z', MINUTE, s);
    expect(citedArticles(poster.posted[1]!.reply)).toEqual([SEED.itv2018]);
  });

  it('delivers a slot whose process died between claim and post, once its lease is over', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const s = scheduler(store, clock, poster, { owner: 'new' });
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    const slot = '2026-06-01T09:00:00.000Z';
    expect(
      await store.digests.claimRun({ subscription: record.id, slot, owner: 'dead', at: slot, leaseUntil: '2026-06-01T09:02:00.000Z', catchUp: false }),
    ).toBe(true);
    clock.set('2026-06-01T09:01:00Z');
    await s.tick();
    expect(poster.posted).toEqual([]);
    await runUntil(clock, '2026-06-01T10:00:00Z', MINUTE, s);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-01T09:03:00.000Z']);
    expect((await store.digests.runs(record.id, 1))[0]).toMatchObject({ slot, state: 'posted', owner: 'new' });
  });

  it('pauses the subscription when the channel is gone, tells the admins, and stops posting', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const poster = new RecordingPoster('slack', clock);
    const paused: string[] = [];
    const s = scheduler(store, clock, poster, { onPaused: () => void paused.push('told') });
    await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    poster.failures.push(new ChannelGoneError('slack', 'C1', 'channel_not_found'));
    await runUntil(clock, '2026-06-03T12:00:00Z', 10 * MINUTE, s);
    expect(poster.attempts).toBe(1);
    expect(paused).toEqual(['told']);
    expect(poster.notified.map((n) => n.user)).toEqual(['U1']);
    expect(poster.notified[0]!.reply.notice).toMatch(/paused.*channel_not_found/);
    const status = await s.service.status(channel);
    expect(status!.subscription.paused).toMatchObject({ reason: 'channel_not_found' });
    expect(status!.nextRun).toBeNull();
  });

  it('catches up one digest for slots missed while down, never a burst', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const s = scheduler(store, clock, new RecordingPoster('slack', clock));
    await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    clock.set('2026-06-04T12:34:00Z'); // down for three slots
    const poster = new RecordingPoster('slack', clock);
    const restarted = scheduler(openStore(), clock, poster);
    await runUntil(clock, '2026-06-04T20:00:00Z', 10 * MINUTE, restarted);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-04T12:34:00.000Z']);
  });

  it('skips slots missed while down under the skip policy, and posts their content at the next slot', async () => {
    const store = openStore();
    await seeds.add(store, SEED.scmp2014);
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const s = scheduler(store, clock, new RecordingPoster('slack', clock), { missed: 'skip' });
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    clock.set('2026-06-04T12:34:00Z');
    const poster = new RecordingPoster('slack', clock);
    const restarted = scheduler(openStore(), clock, poster, { missed: 'skip' });
    await runUntil(clock, '2026-06-05T10:00:00Z', MINUTE, restarted);
    expect(poster.posted.map((p) => p.at)).toEqual(['2026-06-05T09:00:00.000Z']);
    expect(citedArticles(poster.posted[0]!.reply)).toEqual([SEED.scmp2014]);
    expect((await store.digests.runs(record.id, 5)).map((r) => r.state)).toEqual(['posted', 'missed']);
  });

  it('keeps one node-cron job per subscription, in its time zone, following changes', async () => {
    const store = openStore();
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const s = createDigestScheduler({
      store,
      clock,
      log: silentLogger,
      posters: [new RecordingPoster('slack', clock)],
      config: { missed: 'catch-up', timezone: 'UTC' },
    });
    const { record } = await s.service.subscribe(channel, daily({ days: [1, 2, 3, 4, 5] }), 'U1');
    await s.start();
    try {
      const job = [...cron.getTasks().values()].find((task) => task.name === `digest-${record.id}`);
      expect(job?.getPattern()).toBe('0 0 9 * * 1,2,3,4,5');
      expect(job!.getNextRun()!.getTime()).toBeGreaterThan(Date.now());
      expect(wallTimeAt(job!.getNextRun()!, 'Europe/London')).toMatchObject({ hour: 9, minute: 0 });
      await s.service.unsubscribe(channel);
      await s.tick();
      expect([...cron.getTasks().values()].some((task) => task.name === `digest-${record.id}`)).toBe(false);
    } finally {
      await s.stop();
    }
    expect([...cron.getTasks().values()].filter((task) => task.name?.startsWith('digest') && task.getStatus() !== 'destroyed')).toEqual([]);
  });

  it('lets node-cron run a slot in one process only, through the store', async () => {
    const [a, b] = [openStore(), openStore()];
    const clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
    const s = scheduler(a, clock, new RecordingPoster('slack', clock));
    const { record } = await s.service.subscribe(channel, daily({ timezone: 'UTC' }), 'U1');
    const claims = (store: Store, owner: string) =>
      storeRunCoordinator(store, 'UTC', (subscription, slot) =>
        store.digests.claimRun({
          subscription,
          slot: slot.toISOString(),
          owner,
          at: clock.now().toISOString(),
          leaseUntil: '2026-06-01T09:02:00.000Z',
          catchUp: false,
        }),
      );
    clock.set('2026-06-01T09:00:00Z');
    const key = `digest-${record.id}:2026-06-01T09:00:00.123Z`;
    expect(await claims(a, 'A').shouldRun(key, 1000)).toBe(true);
    expect(await claims(b, 'B').shouldRun(key, 1000)).toBe(false);
    expect(await claims(b, 'B').shouldRun(`digest-${record.id}:2026-06-01T10:00:00.000Z`, 1000)).toBe(false); // not a slot
    expect(await claims(b, 'B').shouldRun('digest-999:2026-06-01T09:00:00.000Z', 1000)).toBe(false);
  });
});
