/**
 * Answer latency, warm: opens the database given (ingesting the corpus first when it is
 * empty), runs each query once to warm the caches, then times several rounds and prints one
 * JSON line with p50 and p95 per command. Queries are general news questions, so the same set
 * serves the seeds and the BBC-derived corpora.
 * Usage: run-ts.js scripts/bench/latency.ts CORPUS_DIR DB_FILE
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openBenchStore } from './bench-store.ts';
import { benchContext, benchRunner, percentile, QUERIES } from './questions.ts';

export interface LatencyResult {
  readonly [command: string]: {
    readonly p50: number;
    readonly p95: number;
    readonly runs: number;
    /** The same runs' CPU time (ms): what compares on a busy machine, where wall time waits for a core. */
    readonly cpuP50?: number;
    readonly cpuP95?: number;
  };
}

const ROUNDS = 5;

const [corpusDir, dbFile] = process.argv.slice(2);
if (!corpusDir || !dbFile) throw new Error('usage: latency.ts CORPUS_DIR DB_FILE');
const store = await openBenchStore(dbFile);
if ((await store.countArticles()) === 0) await ingestPaths([corpusDir], { store, clock: systemClock, log: silentLogger });
const context = benchContext(store);

const result: Record<string, { p50: number; p95: number; runs: number; cpuP50: number; cpuP95: number }> = {};
for (const [name, inputs] of Object.entries(QUERIES)) {
  const run = benchRunner(name, context);
  if (!run) continue;
  for (const input of inputs) await run(input);
  const samples: number[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      await run(input);
      const used = process.cpuUsage(cpuStarted);
      samples.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
  }
  samples.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  const ms = (value: number) => Math.round(value * 10) / 10;
  result[name] = {
    p50: percentile(samples, 0.5),
    p95: percentile(samples, 0.95),
    runs: samples.length,
    cpuP50: ms(percentile(cpu, 0.5)),
    cpuP95: ms(percentile(cpu, 0.95)),
  };
}
await store.close();
process.stdout.write(`${JSON.stringify(result)}\n`);
