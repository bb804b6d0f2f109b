/**
 * Adding one new article to an indexed PostgreSQL story, as `npm run bench -- --engine postgres`
 * measures it after answer latency: each round ingests one corpus article made new (analysis,
 * the write, and linking it into the story in the same transaction), a different one each time,
 * and times the whole ingest. Writes into the database it is given (the bench's own schema).
 * Usage: run-ts.js scripts/bench/postgres-add-one.ts CORPUS_DIR POSTGRES_URL — prints one JSON line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openBenchStore } from './bench-store.ts';
import { newArticle } from './corpus.ts';

export interface AddOneResult {
  /** Each round's ingest of one new article, ms. */
  readonly addOneMs: readonly number[];
  /** True when every article was linked on its own (the story did not wait for a whole relink). */
  readonly linked: boolean;
}

const ROUNDS = 3;

const [corpusDir, target] = process.argv.slice(2);
if (!corpusDir || !target) throw new Error('usage: postgres-add-one.ts CORPUS_DIR POSTGRES_URL');
const dir = mkdtempSync(join(tmpdir(), 'briefbot-add-one-'));
try {
  const times: number[] = [];
  let linked = true;
  for (let round = 0; round < ROUNDS; round++) {
    const file = join(dir, `new-${round}.txt`);
    writeFileSync(file, newArticle(corpusDir, round));
    const store = await openBenchStore(target);
    try {
      const started = performance.now();
      const report = await ingestPaths([file], { store, clock: systemClock, log: silentLogger });
      times.push(performance.now() - started);
      if (report.added.length !== 1) throw new Error(`adding one article added ${report.added.length}`);
      linked &&= !(await store.needsLinking());
    } finally {
      await store.close();
    }
  }
  const result: AddOneResult = { addOneMs: times, linked };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
