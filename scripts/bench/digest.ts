/**
 * Digest build time: on an indexed database (the bench's 10k), the time to compose the digest
 * of 100 new articles among all the others (reading the changes above a watermark, choosing
 * points across the new articles, folding outlets, picking quotations), cold for each round:
 * every round takes a different 100, so no cache from an earlier round helps.
 * Usage: run-ts.js scripts/bench/digest.ts DB_FILE [NEW_ARTICLES] — prints one JSON line.
 */
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { pendingDigest } from '../../src/schedule/digest-content.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

export interface DigestBenchResult {
  readonly articles: number;
  readonly newArticles: number;
  readonly rounds: number;
  readonly p50: number;
  readonly p95: number;
  /** CPU time of each round in ms, in round order: on a loaded machine, wall times say little. */
  readonly cpuMs: readonly number[];
  /** Points of the last digest built (a check that it built something). */
  readonly points: number;
}

const ROUNDS = 7;

/** Times `ROUNDS` digests of `fresh` new articles each on the database at `dbFile`. */
export async function benchDigest(dbFile: string, fresh = 100): Promise<DigestBenchResult> {
  const store = openSqliteStore(dbFile);
  try {
    const articles = await store.countArticles();
    const last = await store.contentSequence();
    const times: number[] = [];
    const cpuMs: number[] = [];
    let points = 0;
    for (let round = 0; round < ROUNDS; round++) {
      // Each round a different window of `fresh` articles, the newest first.
      const upTo = Math.max(fresh, last - round * fresh);
      const cpu = process.cpuUsage();
      const started = performance.now();
      const digest = await pendingDigest(store, { watermark: upTo - fresh, topic: null }, upTo);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuMs.push(Math.round((used.user + used.system) / 1000));
      points = (digest.reply.data as { points?: unknown[] } | undefined)?.points?.length ?? 0;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
    return { articles, newArticles: fresh, rounds: ROUNDS, p50: at(0.5), p95: at(0.95), cpuMs, points };
  } finally {
    await store.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [dbFile, fresh] = process.argv.slice(2);
  if (!dbFile) throw new Error('usage: digest.ts DB_FILE [NEW_ARTICLES]');
  process.stdout.write(`${JSON.stringify(await benchDigest(dbFile, fresh ? Number(fresh) : undefined))}\n`);
}
