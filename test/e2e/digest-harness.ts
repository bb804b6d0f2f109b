/**
 * Scheduled digests end to end: several "bot processes", each with its own Store opened on
 * one SQLite file, its own adapter (the real Bolt or discord.js) talking to one fake platform
 * on 127.0.0.1, and its own digest scheduler driven by `tick()` at one shared test clock.
 *
 *   const world = digestWorld('2026-06-01T07:00:00Z');
 *   const a = world.open('A');                         // store, logger, scheduler
 *   a.posters.push(adapter.poster);                    // once its adapter is built on a.scheduler.service
 *   await world.tickAll();                             // every process sweeps at the clock's time
 *   world.citedIn(text)                                // which seed articles a posted digest cites
 *   await world.close();
 *
 * Nothing waits on time: a tick resolves once its posts were answered by the fake.
 */
import { expect } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelPoster } from '../../src/core/adapter.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { DeliveryResult } from '../../src/schedule/delivery.ts';
import { createDigestScheduler, type DigestScheduler } from '../../src/schedule/scheduler.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { recordingLogger, type RecordingLogger } from '../support/recording-logger.ts';
import { SEED, seedFolder, TestClock } from '../unit/schedule/helpers.ts';

export { SEED, TestClock };

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/**
 * One bot process: its own connection to the database file, its logger, and its scheduler,
 * built first (as in main.ts) so the adapter's services can hold its digest service; the
 * adapter's poster is added to `posters` once the adapter exists.
 */
export interface DigestProcess {
  readonly owner: string;
  readonly store: Store;
  readonly log: RecordingLogger;
  readonly posters: ChannelPoster[];
  readonly scheduler: DigestScheduler;
}

/** What a sweep's ticks delivered, and at which clock time. */
export interface Swept {
  readonly at: string;
  readonly result: DeliveryResult;
}

export interface DigestWorld {
  readonly clock: TestClock;
  readonly dbPath: string;
  readonly processes: DigestProcess[];
  /** Opens a Store on the shared file, a logger and a scheduler (cron off, the production retry policy). */
  open(owner: string): DigestProcess;
  /** Copies one seed into the watched folder and ingests it through `store` (another process's, say). */
  ingest(store: Store, id: string): Promise<void>;
  /** Writes an article of our own into the folder and ingests it; resolves with its id. */
  ingestText(store: Store, file: string, text: string): Promise<string>;
  /**
   * Every process sweeps at the clock's time, all at once, so their awaits interleave; which
   * one starts first alternates from call to call.
   */
  tickAll(): Promise<DeliveryResult[]>;
  /** Ticks every process every `stepMinutes` from `from` to `to` (inclusive), moving the clock; what happened when. */
  sweep(from: string, to: string, stepMinutes?: number): Promise<Swept[]>;
  /** The seed (or ingested) article ids whose titles a digest's visible text shows. */
  citedIn(text: string): Promise<string[]>;
  close(): Promise<void>;
}

export function digestWorld(start: string): DigestWorld {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-digest-e2e-'));
  const dbPath = join(dir, 'briefbot.db');
  const seeds = seedFolder();
  const clock = new TestClock(Date.parse(start));
  const processes: DigestProcess[] = [];
  let turn = 0;

  const world: DigestWorld = {
    clock,
    dbPath,
    processes,
    open(owner) {
      const store = openSqliteStore(dbPath);
      const log = recordingLogger();
      const posters: ChannelPoster[] = [];
      const scheduler = createDigestScheduler({
        store,
        clock,
        log: log.logger,
        posters,
        config: { missed: 'catch-up', timezone: 'UTC' },
        cron: false,
        owner,
      });
      const process: DigestProcess = { owner, store, log, posters, scheduler };
      processes.push(process);
      return process;
    },
    ingest: (store, id) => seeds.add(store, id),
    async ingestText(store, file, text) {
      writeFileSync(join(seeds.dir, file), text);
      await ingestPaths([seeds.dir], { store, clock: { now: () => new Date() }, log: silentLogger });
      const found = (await store.listArticles()).find((a) => a.path.endsWith(file));
      if (!found) throw new Error(`${file} was not indexed`);
      return found.id;
    },
    async tickAll() {
      turn += 1;
      const order = turn % 2 === 0 ? processes : [...processes].reverse();
      const results = await Promise.all(order.map((p) => p.scheduler.tick()));
      return results.flat();
    },
    async sweep(from, to, stepMinutes = 1) {
      const swept: Swept[] = [];
      clock.set(from);
      while (clock.now().getTime() <= Date.parse(to)) {
        const at = clock.now().toISOString();
        for (const result of await world.tickAll()) swept.push({ at, result });
        clock.advance(stepMinutes * MINUTE);
      }
      return swept;
    },
    async citedIn(text) {
      const articles = await processes[0]!.store.listArticles();
      // A title is shown whole or cut at a platform limit; its start is enough to know it.
      const flat = text.replace(/\s+/g, ' ');
      return articles
        .filter((a) => flat.includes((a.meta.title ?? '').replace(/\s+/g, ' ').slice(0, 40)))
        .map((a) => a.id)
        .sort();
    },
    async close() {
      for (const process of processes.splice(0)) {
        await process.scheduler.stop();
        await process.store.close();
      }
      seeds.remove();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return world;
}

/** The seeds in the order the tests feed them, one new article before each slot. */
export const ARRIVALS = [SEED.scmp2014, SEED.itv2018, SEED.et2019, SEED.undated, SEED.newEurope2018] as const;

/** The n-th daily 09:00 Europe/London slot from 1 June 2026 (BST, so 08:00 UTC). */
export function londonNine(day: number): string {
  return new Date(Date.parse('2026-06-01T08:00:00Z') + day * DAY).toISOString();
}

/** `iso` moved by `minutes`. */
export function plus(iso: string, minutes: number): string {
  return new Date(Date.parse(iso) + minutes * MINUTE).toISOString();
}

/**
 * Six daily 09:00 London slots across the processes of `world`, a new seed arriving before
 * each of the first five (ingested through `a` and `b` in turn): checks that each slot is
 * posted exactly once, citing only what arrived since, that the sixth (nothing new) posts
 * nothing, that the first digest is "the story so far", and that both processes won slots.
 * `posts` lists the digest messages in the channel; `text` is what a user reads of one.
 */
export async function expectOnePostPerSlot<M>(options: {
  readonly world: DigestWorld;
  readonly a: DigestProcess;
  readonly b: DigestProcess;
  readonly subscription: number;
  readonly posts: () => readonly M[];
  readonly text: (message: M) => string;
}): Promise<void> {
  const { world, a, b, posts, text } = options;
  for (let day = 0; day < 6; day++) {
    const slot = londonNine(day);
    // A new article arrives between slots, through either process (none before the sixth).
    if (day > 0 && ARRIVALS[day]) await world.ingest((day % 2 === 0 ? a : b).store, ARRIVALS[day]!);
    const before = posts().length;
    expect(await world.sweep(plus(slot, -3), plus(slot, -1))).toEqual([]);
    const swept = await world.sweep(slot, plus(slot, 3));
    const posted = posts().slice(before);
    if (day < 5) {
      expect(swept).toEqual([{ at: slot, result: 'posted' }]);
      expect(posted).toHaveLength(1);
      expect(await world.citedIn(text(posted[0]!))).toEqual([ARRIVALS[day]]);
    } else {
      expect(swept).toEqual([{ at: slot, result: 'empty' }]); // nothing new: the default skips it
      expect(posted).toEqual([]);
    }
  }
  expect(text(posts()[0]!)).toMatch(/so far/i); // the first digest is the story so far
  const runs = await a.store.digests.runs(options.subscription, 10);
  expect(runs.map((r) => [r.slot, r.state, r.attempts])).toEqual(
    [0, 1, 2, 3, 4, 5].reverse().map((day) => [londonNine(day), day < 5 ? 'posted' : 'empty', day < 5 ? 1 : 0]),
  );
  // Both processes won some slots: the claim, not the order of the ticks, decides.
  expect(new Set(runs.filter((r) => r.state === 'posted').map((r) => r.owner))).toEqual(new Set([a.owner, b.owner]));
}
