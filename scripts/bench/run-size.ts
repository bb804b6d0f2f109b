/**
 * One bench measurement, run in its own process so its peak memory is its own: ingest the
 * corpus folder given on the command line into a new database file and print one JSON line.
 * Usage: run-ts.js scripts/bench/run-size.ts CORPUS_DIR DB_FILE WORKERS
 */
import { performance } from 'node:perf_hooks';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { databaseMb, openBenchStore } from './bench-store.ts';

export interface SizeResult {
  readonly articles: number;
  readonly files: number;
  readonly duplicates: number;
  readonly skipped: number;
  readonly seconds: number;
  /** CPU time of the ingest (user + system, all threads): what a busy machine cannot inflate. */
  readonly cpuSeconds: number;
  readonly articlesPerSecond: number;
  readonly peakRssMb: number;
  readonly dbMb: number;
  readonly quotes: number;
  readonly quotesWithSpeaker: number;
}

const [corpusDir, dbFile, workerArg] = process.argv.slice(2);
if (!corpusDir || !dbFile) throw new Error('usage: run-size.ts CORPUS_DIR DB_FILE WORKERS');
const workers = Number.parseInt(workerArg ?? '0', 10);

const store = await openBenchStore(dbFile);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const report = await ingestPaths([corpusDir], { store, clock: systemClock, log: silentLogger, workers });
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
// maxRSS is the process's peak resident set in kilobytes (worker threads included), whatever
// happened between samples; read it before counting quotes, which loads them all.
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const quotes = await store.listQuotes();
await store.close();

const files = report.added.length + report.duplicates.length + report.skipped.length;
const result: SizeResult = {
  articles: report.articles,
  files,
  duplicates: report.duplicates.length,
  skipped: report.skipped.length,
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  articlesPerSecond: files / seconds,
  peakRssMb,
  dbMb: await databaseMb(dbFile),
  quotes: quotes.length,
  quotesWithSpeaker: quotes.filter((q) => q.speakerName !== null).length,
};
process.stdout.write(`${JSON.stringify(result)}\n`);
