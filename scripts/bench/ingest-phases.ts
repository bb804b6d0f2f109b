/**
 * Where a whole ingest's main thread spends its CPU and its writes, by phase: article writes,
 * sentence indexing (FTS5 catch-up), the whole relink's entity reads, its linking and its save.
 * CPU is the main thread's own (the analysis workers run beside it), read from /proc; bytes
 * are what the process handed to write() (/proc/self/io `wchar`): the log and checkpoints.
 * Linux only. Usage: run-ts.js scripts/bench/ingest-phases.ts CORPUS_DIR DB_FILE WORKERS
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openBenchStore } from './bench-store.ts';

interface Sample {
  cpu: number;
  written: number;
}

const TICKS_PER_SECOND = 100;

/** The main thread's user + system CPU seconds and the process's bytes written so far. */
function sample(): Sample {
  // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const cpu = (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  const io = readFileSync('/proc/self/io', 'utf8');
  const written = Number(/wchar: (\d+)/.exec(io)?.[1] ?? 0);
  return { cpu, written };
}

const phases = new Map<string, Sample & { calls: number }>();
/** The costs of the measured calls running inside the current one, kept out of its own. */
const inner: Sample[] = [];

/** Adds what `run` costs to `phase`, less what measured calls inside it cost their own phases. */
function measured<T>(phase: string, run: () => T): T {
  inner.push({ cpu: 0, written: 0 });
  const before = sample();
  try {
    return run();
  } finally {
    const after = sample();
    const nested = inner.pop() ?? { cpu: 0, written: 0 };
    const cost = { cpu: after.cpu - before.cpu, written: after.written - before.written };
    const outer = inner.at(-1);
    if (outer) {
      outer.cpu += cost.cpu;
      outer.written += cost.written;
    }
    const total = phases.get(phase) ?? { cpu: 0, written: 0, calls: 0 };
    total.cpu += cost.cpu - nested.cpu;
    total.written += cost.written - nested.written;
    total.calls += 1;
    phases.set(phase, total);
  }
}

// The sentence index's statements (fts-index.ts), wherever they are run from.
const require = createRequire(import.meta.url);
const BetterSqlite = require('better-sqlite3') as { prototype: { prepare: (sql: string) => { run: (...args: unknown[]) => unknown } } };
const prepare = BetterSqlite.prototype.prepare;
BetterSqlite.prototype.prepare = function (this: unknown, sql: string) {
  const statement = prepare.call(this, sql);
  if (/sentences_fts|terms_added|terms_removed|term_documents/.test(sql)) {
    const run = statement.run.bind(statement);
    statement.run = (...args: unknown[]) => measured('fts catch-up', () => run(...args));
  }
  return statement;
};

const [corpusDir, dbFile, workerArg] = process.argv.slice(2);
if (!corpusDir || !dbFile) throw new Error('usage: ingest-phases.ts CORPUS_DIR DB_FILE WORKERS');
const workers = Number.parseInt(workerArg ?? '0', 10);

const opened = await openBenchStore(dbFile);
/** The whole relink's reading and linking: from its first entity read to its save. */
let linkingFrom: Sample | undefined;
let linking: Sample | undefined;
const startLinking = (): void => {
  linkingFrom ??= sample();
};
const endLinking = (): void => {
  const now = sample();
  if (linkingFrom) linking = { cpu: now.cpu - linkingFrom.cpu, written: now.written - linkingFrom.written };
};
const timedAsync =
  <A extends unknown[], R>(phase: string, call: (...args: A) => Promise<R>) =>
  (...args: A): Promise<R> =>
    measured(phase, () => call(...args));
const store: Store = Object.create(opened, {
  putArticles: { value: timedAsync('article writes', opened.putArticles.bind(opened)) },
  putArticle: { value: timedAsync('article writes', opened.putArticle.bind(opened)) },
  putDuplicates: { value: timedAsync('article writes', opened.putDuplicates.bind(opened)) },
  putDuplicate: { value: timedAsync('article writes', opened.putDuplicate.bind(opened)) },
  saveStoryEntities: {
    value: (story: Parameters<Store['saveStoryEntities']>[0]) => {
      endLinking();
      return measured('relink: save', () => opened.saveStoryEntities(story));
    },
  },
  listArticleEntities: {
    value: () => {
      startLinking();
      return measured('relink: entity reads', () => opened.listArticleEntities());
    },
  },
  eachArticleEntities: {
    value: () => {
      startLinking();
      const inner = opened.eachArticleEntities()[Symbol.asyncIterator]();
      return { [Symbol.asyncIterator]: () => ({ next: () => measured('relink: entity reads', () => inner.next()) }) };
    },
  },
});

const start = sample();
const report = await ingestPaths([corpusDir], { store, clock: systemClock, log: silentLogger, workers });
const end = sample();
await opened.close();

const accounted = [...phases.values()].reduce((sum, p) => ({ cpu: sum.cpu + p.cpu, written: sum.written + p.written }), { cpu: 0, written: 0 });
const rows = [...phases].map(([phase, p]) => ({ phase, cpuSeconds: +p.cpu.toFixed(2), writtenMb: Math.round(p.written / 2 ** 20), calls: p.calls }));
rows.push({
  phase: 'rest of the main thread',
  cpuSeconds: +(end.cpu - start.cpu - accounted.cpu).toFixed(2),
  writtenMb: Math.round((end.written - start.written - accounted.written) / 2 ** 20),
  calls: 0,
});
if (linking)
  rows.push({
    phase: '(relink: reads and linking, of the above)',
    cpuSeconds: +linking.cpu.toFixed(2),
    writtenMb: Math.round(linking.written / 2 ** 20),
    calls: 1,
  });
const cpu = process.cpuUsage();
process.stdout.write(
  `${JSON.stringify({ articles: report.articles, mainThreadCpuSeconds: +(end.cpu - start.cpu).toFixed(2), processCpuSeconds: +((cpu.user + cpu.system) / 1e6).toFixed(2), phases: rows })}\n`,
);
