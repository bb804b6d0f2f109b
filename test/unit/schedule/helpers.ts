/**
 * What the digest tests share: a clock the test moves, a ChannelPoster that records what it
 * posts (and fails on demand), and the seeds written to a folder one article at a time.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChannelPoster, PostOptions } from '../../../src/core/adapter.ts';
import type { Clock } from '../../../src/core/clock.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import type { Store } from '../../../src/core/ports/store.ts';

export class TestClock implements Clock {
  constructor(private time: number) {}
  now(): Date {
    return new Date(this.time);
  }
  set(iso: string): void {
    this.time = Date.parse(iso);
  }
  advance(ms: number): void {
    this.time += ms;
  }
}

export interface Posted {
  readonly channel: string;
  readonly reply: Reply;
  readonly at: string;
  /** The messages skipped as already in the channel (`PostOptions.fromPart`). */
  readonly fromPart: number;
}

/** A poster that records each post; `failures` makes the next posts throw that error instead. */
export class RecordingPoster implements ChannelPoster {
  readonly posted: Posted[] = [];
  readonly failures: Error[] = [];
  attempts = 0;
  constructor(
    readonly platform: string,
    private readonly clock: Clock,
  ) {}
  async post(channel: string, reply: Reply, options?: PostOptions): Promise<void> {
    this.attempts += 1;
    const failure = this.failures.shift();
    if (failure) throw failure;
    this.posted.push({ channel, reply, at: this.clock.now().toISOString(), fromPart: options?.fromPart ?? 0 });
  }
  /** Direct messages to users, recorded apart from channel posts. */
  readonly notified: { readonly user: string; readonly reply: Reply }[] = [];
  async notify(user: string, reply: Reply): Promise<void> {
    this.notified.push({ user, reply });
  }
}

/** Articles cited by a posted digest. */
export function citedArticles(reply: Reply): string[] {
  return [...new Set(reply.citations.map((c) => c.article))].sort();
}

const SEEDS = join(import.meta.dirname, '../../../seeds');

/** The seed ids. */
export const SEED = {
  itv2018: '000_027e3a3643333b23',
  newEurope2018: '001_6b57bea067aa5b4f',
  undated: '002_f3f2e613ff61652a',
  et2019: '003_2e2cbdb3f6984a59',
  scmp2014: '004_684b3eebdcbad4b5',
} as const;

/** A folder holding the seeds' sources.json; `add` copies one seed in and ingests the folder. */
export function seedFolder(): { readonly dir: string; add(store: Store, id: string): Promise<void>; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-digest-seeds-'));
  writeFileSync(join(dir, 'sources.json'), readFileSync(join(SEEDS, 'sources.json')));
  return {
    dir,
    async add(store, id) {
      const file = readdirSync(SEEDS).find((name) => name.startsWith(id))!;
      copyFileSync(join(SEEDS, file), join(dir, file));
      await ingestPaths([dir], { store, clock: { now: () => new Date() }, log: silentLogger });
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
