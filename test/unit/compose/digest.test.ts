import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import { ASK_FOR_MORE, NO_NEW_COVERAGE, type DigestJson } from '../../../src/core/compose/digest.ts';
import { createDigestScheduler, type DigestScheduler } from '../../../src/schedule/scheduler.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { QuoteFilter, Store } from '../../../src/core/ports/store.ts';
import type { TextPart } from '../../../src/core/reply.ts';
import { citedArticles, RecordingPoster, SEED, seedFolder, TestClock } from '../schedule/helpers.ts';

const channel = { platform: 'discord', workspace: 'G1', channel: '42' };
let store: Store;
let seeds: ReturnType<typeof seedFolder>;
let clock: TestClock;
let poster: RecordingPoster;
let scheduler: DigestScheduler;

beforeEach(async () => {
  store = openSqliteStore(':memory:');
  seeds = seedFolder();
  clock = new TestClock(Date.parse('2026-06-01T08:00:00Z'));
  poster = new RecordingPoster('discord', clock);
  scheduler = createDigestScheduler({ store, clock, log: silentLogger, posters: [poster], config: { missed: 'catch-up', timezone: 'UTC' }, cron: false });
  await scheduler.service.subscribe(channel, { time: '09:00', days: [0, 1, 2, 3, 4, 5, 6], timezone: null, topic: null, empty: 'skip' }, 'U1');
});
afterEach(async () => {
  await store.close();
  seeds.remove();
});

/** Runs the day's slot: moves the clock to 09:00 of that day and sweeps. */
async function digestOn(day: number) {
  clock.set(`2026-06-0${day}T09:00:00Z`);
  const before = poster.posted.length;
  await scheduler.tick();
  return poster.posted.slice(before);
}

describe('digests of the seeds, ingested one by one in date order', () => {
  it('cite only what is new each time, and fold two outlets on the same 2018 remarks into one point', async () => {
    await seeds.add(store, SEED.scmp2014);
    const [first] = await digestOn(1);
    expect(first!.reply.title).toBe('The story so far');
    expect(citedArticles(first!.reply)).toEqual([SEED.scmp2014]);

    // The two reports of the Defence Secretary's December 2018 remarks (one undated) arrive before the next slot.
    await seeds.add(store, SEED.itv2018);
    await seeds.add(store, SEED.newEurope2018);
    const [second] = await digestOn(2);
    expect(second!.reply.title).toBe('New in the story');
    expect(citedArticles(second!.reply)).toEqual([SEED.itv2018, SEED.newEurope2018].sort());
    const points = (second!.reply.data as DigestJson).points;
    expect(points.length).toBeLessThanOrEqual(7);
    const folded = points.filter((point) => new Set(point.citations.map((c) => c.article)).size === 2);
    expect(folded).toHaveLength(1);
    expect(folded[0]!.alsoReportedBy).toHaveLength(1);
    const foldedPart = second!.reply.parts.find((p): p is TextPart => p.kind === 'text' && p.cites.length === 2)!;
    expect(foldedPart.text).toMatch(/ — also reported by (ITV News|New Europe)$/);

    await seeds.add(store, SEED.et2019);
    const [third] = await digestOn(3);
    expect(citedArticles(third!.reply)).toEqual([SEED.et2019]);

    await seeds.add(store, SEED.undated);
    const [fourth] = await digestOn(4);
    expect(citedArticles(fourth!.reply)).toEqual([SEED.undated]);

    expect(await digestOn(5)).toEqual([]); // nothing new: skipped
    const preview = await scheduler.service.preview(channel, null);
    expect(preview.parts).toEqual([{ kind: 'lines', lines: [NO_NEW_COVERAGE] }]);
  });

  it('quote new notable quotations with their speakers, cite every point, and say how to ask for more', async () => {
    await seeds.add(store, SEED.itv2018);
    await seeds.add(store, SEED.newEurope2018);
    const [digest] = await digestOn(1);
    const reply = digest!.reply;
    const quotes = reply.parts.filter((p) => p.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    expect(quotes.length).toBeLessThanOrEqual(3);
    for (const quote of quotes) {
      expect(quote.speaker).toBeTruthy();
      expect(quote.cites.length).toBeGreaterThan(0);
    }
    expect(new Set(quotes.map((q) => q.speaker)).size).toBe(quotes.length);
    for (const part of reply.parts) if (part.kind === 'text') expect(part.cites.length).toBeGreaterThan(0);
    expect(reply.parts.at(-1)).toEqual({ kind: 'lines', lines: [ASK_FOR_MORE] });
    for (const citation of reply.citations) expect([SEED.itv2018, SEED.newEurope2018]).toContain(citation.article);
  });

  it("reads the new articles' quotations and their speakers', never every quotation of the story", async () => {
    await seeds.add(store, SEED.scmp2014);
    await seeds.add(store, SEED.itv2018);
    await digestOn(1);
    await seeds.add(store, SEED.newEurope2018);
    await seeds.add(store, SEED.et2019);
    const filters: (QuoteFilter | undefined)[] = [];
    const counted = new Proxy(store, {
      get(target, property, receiver) {
        if (property === 'listQuotes')
          return (filter?: QuoteFilter) => {
            filters.push(filter);
            return target.listQuotes(filter);
          };
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    }) as Store;
    const watching = createDigestScheduler({
      store: counted,
      clock,
      log: silentLogger,
      posters: [poster],
      config: { missed: 'catch-up', timezone: 'UTC' },
      cron: false,
    });
    clock.set('2026-06-02T09:00:00Z');
    const before = poster.posted.length;
    await watching.tick();
    const [second] = poster.posted.slice(before);
    expect(citedArticles(second!.reply)).toEqual([SEED.newEurope2018, SEED.et2019].sort());
    expect(second!.reply.parts.some((p) => p.kind === 'quote')).toBe(true);
    expect(filters.length).toBeGreaterThan(0);
    // Each read is bounded: by article, by articles or by speaker.
    for (const filter of filters) expect(filter?.article ?? filter?.articles ?? filter?.speakerId).toBeDefined();
  });

  it('previews a topic digest in the brief --json shape without moving the watermark', async () => {
    await seeds.add(store, SEED.scmp2014);
    await seeds.add(store, SEED.et2019);
    const preview = await scheduler.service.preview(channel, 'spying');
    const data = preview.data as DigestJson;
    expect(data.points.length).toBeGreaterThan(0);
    for (const point of data.points) {
      expect(typeof point.text).toBe('string');
      expect(point.citations.length).toBeGreaterThan(0);
      expect(point.citations[0]).toHaveProperty('outlet');
    }
    expect((await store.digests.subscription(channel))!.watermark).toBeNull();
  });
});
