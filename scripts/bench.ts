/**
 * `npm run bench`: ingest throughput (articles/s, with full cleaning, analysis and SQLite
 * writes to a file) and peak memory at 1k and 10k articles. Articles come from the BBC corpus
 * beside the project (or BRIEFBOT_BENCH_CORPUS), replicated with variations; without it, from
 * generated text. Each size runs in its own process so each peak is its own.
 * Then answer latency (ask, brief, quote; p50 and p95, warm) on the seeds and on each size.
 * First, start-up times beside their targets (scripts/bench/startup.ts). Last, the story-at-scale
 * rows of each size beside issue 13's targets at 100k (scripts/bench/scale.ts): first ask after
 * start, one-shot CLI ask, adding one article, digest, and the FTS5 anchor measured in the same
 * run; they are also written to bench/results.md with the machine's description.
 * Try: npm run bench -- --sizes 1000,10000,100000
 * Options: --sizes 1000,10000   --workers N (analysis threads; default as the CLI: one per core)
 *          --engine sqlite|postgres (postgres: DATABASE_URL, a schema per size, dropped after;
 *            ingest, answer latency and adding one article; the digest and scale rows are SQLite's)
 *          --no-latency (ingest figures only)   --no-startup   --sizes= (start-up only)
 *          --cpu-prof (writes a V8 profile per size under the temp folder)
 *          --keep-db DIR (SQLite: keeps each size's indexed file as DIR/SIZE.db, e.g. to fill a
 *            Postgres schema from it with --from-sqlite instead of ingesting again)
 *          --from-sqlite FILE (postgres: instead of ingesting --sizes, fill one schema from an
 *            indexed SQLite file with `briefbot migrate`, timed, then measure answer latency on it)
 *          --filled (postgres: measure the database at DATABASE_URL as it is, filled before, e.g.
 *            by `briefbot migrate`: nothing ingested, copied or dropped; answer latency with the
 *            bot's and the server's CPU per request, database size, the bot's peak memory)
 *          --add-one (with --filled: then add three new articles to it, each linked, timed: writes)
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, PROJECT_ROOT } from '../src/config.ts';
import { defaultIngestWorkers } from '../src/ingest/analysis-pool.ts';
import { loadArticles, writeCorpus } from './bench/corpus.ts';
import type { SizeResult } from './bench/run-size.ts';
import type { LatencyResult } from './bench/latency.ts';
import { benchDigest, type DigestBenchResult } from './bench/digest.ts';
import type { ScaleResult } from './bench/scale.ts';
import type { AddOneResult } from './bench/postgres-add-one.ts';
import { measureStartup, startupReport } from './bench/startup.ts';
import { benchSchema, databaseMb, inSchema } from './bench/bench-store.ts';
import { migrateSqliteToPostgres } from '../src/store/migrate/sqlite-to-postgres.ts';
import { performance } from 'node:perf_hooks';
import pg from 'pg';

const PROFILE_DIR = join(tmpdir(), 'briefbot-profiles');
const TARGET = { articlesPerSecond: 500, peakRssMb: 300, atSize: 10_000 };

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000,10000' },
    workers: { type: 'string', default: String(defaultIngestWorkers()) },
    'cpu-prof': { type: 'boolean', default: false },
    latency: { type: 'boolean', default: true },
    startup: { type: 'boolean', default: true },
    engine: { type: 'string', default: 'sqlite' },
    'keep-db': { type: 'string' },
    'from-sqlite': { type: 'string' },
    filled: { type: 'boolean', default: false },
    'add-one': { type: 'boolean', default: false },
  },
  allowNegative: true,
});
// Measured first, while the machine is quiet; compiled means this bench itself runs from dist/.
if (values.startup) process.stdout.write(`${startupReport(await measureStartup(7, import.meta.url.endsWith('.js')))}\n\n`);
const sizes = values.sizes
  .split(',')
  .map((s) => Number.parseInt(s, 10))
  .filter((n) => n > 0);
const config = loadConfig(process.env);
if (values.engine !== 'sqlite' && values.engine !== 'postgres') throw new Error(`--engine is sqlite or postgres, not "${values.engine}"`);
if (values.engine === 'postgres' && !config.databaseUrl)
  throw new Error('--engine postgres needs DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test); each size runs in a schema of its own, dropped after');
const postgresUrl = values.engine === 'postgres' ? config.databaseUrl : null;

/**
 * Where one size's index lives: a file in `dir`, or a fresh PostgreSQL schema; `done` removes it.
 */
async function benchTarget(dir: string, name: string): Promise<{ target: string; done: () => Promise<void> }> {
  if (!postgresUrl) return { target: join(dir, `${name}.db`), done: async () => undefined };
  const schema = `bench_${name.replace(/\W/g, '')}_${process.pid}`;
  await benchSchema(postgresUrl, schema, 'drop');
  await benchSchema(postgresUrl, schema, 'create');
  return { target: inSchema(postgresUrl, schema), done: () => benchSchema(postgresUrl, schema, 'drop') };
}
// A filled database is measured as it is: no corpus is read to make one.
const source = values.filled ? null : loadArticles(config.benchCorpus);
if (!values.filled) {
  process.stdout.write(
    source
      ? `Corpus: ${source.length} articles from ${config.benchCorpus}, replicated with variations.\n`
      : `Corpus: ${config.benchCorpus} is absent; using generated articles instead.\n`,
  );
}

const rows: (SizeResult & { size: number })[] = [];
const latencies: { size: number; result: LatencyResult }[] = [];
const digestTimes: { size: number; result: DigestBenchResult }[] = [];
const scales: { size: number; result: ScaleResult }[] = [];

/** Runs the story-at-scale script on an indexed database of one size. */
function measureScale(size: number, corpus: string, db: string): void {
  const child = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/scale.ts'), corpus, db], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the ${size}-article scale run failed (exit ${child.status})`);
  scales.push({ size, result: JSON.parse(child.stdout.trim().split('\n').pop()!) as ScaleResult });
}

/** Adds new articles one at a time to a PostgreSQL story, each linked in its own transaction, and prints the times. */
function measureAddOne(size: number, corpus: string, target: string): void {
  const child = spawnSync(
    process.execPath,
    [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/postgres-add-one.ts'), corpus, target],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  if (child.status !== 0) throw new Error(`the ${size}-article add-one run failed (exit ${child.status})`);
  const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as AddOneResult;
  process.stdout.write(
    `Adding one article to the ${size}-article PostgreSQL story (ingest, analysis, linking): ${result.addOneMs.map((ms) => ms.toFixed(0)).join(', ')} ms` +
      `${result.linked ? ', each linked on its own' : ', left for a whole relink'}.\n`,
  );
}

/** Runs the latency script on a database (ingesting `corpus` first if it is empty). */
function measureLatency(size: number, corpus: string, db: string): void {
  const child = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/latency.ts'), corpus, db], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the ${size}-article latency run failed (exit ${child.status})`);
  latencies.push({ size, result: JSON.parse(child.stdout.trim().split('\n').pop()!) as LatencyResult });
}

interface FilledCommand {
  readonly command: string;
  readonly runs: number;
  readonly p50: number;
  readonly p95: number;
  readonly botCpuMs: number;
  readonly serverCpuMs: number;
}

/**
 * Measures an already-filled PostgreSQL database without touching it (scripts/bench/postgres-latency.ts:
 * warm latency, CPU per request of the bot and of the server's backends), and prints its rows.
 */
async function measureFilled(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows: counts } = await client
    .query<{ articles: string; sentences: string }>(
      "SELECT (SELECT count(*) FROM articles WHERE status = 'current') AS articles, (SELECT sentences FROM store_state WHERE id = 1) AS sentences",
    )
    .finally(() => client.end());
  const articles = Number(counts[0]?.articles ?? 0);
  const mb = await databaseMb(url);
  const child = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/postgres-latency.ts'), url, '5'], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (child.status !== 0) throw new Error(`the latency run on the filled database failed (exit ${child.status})`);
  const lines = child.stdout.trim().split('\n');
  const json = lines.filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as FilledCommand & { peakRssMb?: number });
  const commands = json.filter((row) => row.command !== undefined);
  const peak = json.find((row) => row.peakRssMb !== undefined)?.peakRssMb ?? 0;
  process.stdout.write(`\n${lines.filter((l) => !l.startsWith('{')).join('\n')}\n`);
  process.stdout.write(
    `\nPostgreSQL, filled before (${articles} current articles, ${counts[0]?.sentences ?? 0} sentences, ${mb.toFixed(0)} MB), load average ${loadavg()
      .map((n) => n.toFixed(1))
      .join(' / ')}\n`,
  );
  process.stdout.write('| command | p50 ms | p95 ms | bot CPU ms per request | server CPU ms per request |\n|---|---|---|---|---|\n');
  for (const row of commands) process.stdout.write(`| ${row.command} | ${row.p50} | ${row.p95} | ${row.botCpuMs} | ${row.serverCpuMs} |\n`);
  process.stdout.write(`Peak RSS of the bot answering: ${peak} MB. Target: ask p95 < 150 ms.\n`);
  if (values['add-one'] && existsSync(config.benchCorpus)) measureAddOne(articles, config.benchCorpus, url);
}

if (values.filled) {
  if (!postgresUrl) throw new Error('--filled measures the PostgreSQL database at DATABASE_URL: use it with --engine postgres');
  await measureFilled(postgresUrl);
  process.exit(0);
}

if (values.latency) {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
  const { target, done } = await benchTarget(dir, 'seeds');
  try {
    measureLatency(5, resolve(PROJECT_ROOT, 'seeds'), target);
  } finally {
    await done();
    rmSync(dir, { recursive: true, force: true });
  }
}
const fromSqlite = values['from-sqlite'];
if (fromSqlite && !postgresUrl) throw new Error('--from-sqlite fills a PostgreSQL schema: use it with --engine postgres');
if (fromSqlite && postgresUrl) {
  const { target, done } = await benchTarget(tmpdir(), 'migrated');
  try {
    const started = performance.now();
    const report = await migrateSqliteToPostgres(resolve(fromSqlite), target);
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(
      `\nFilled from ${fromSqlite} by briefbot migrate: ${report.articles} articles in ${seconds.toFixed(0)} s ` +
        `(${(report.articles / seconds).toFixed(0)} articles/s, vacuumed and analysed), ${(await databaseMb(target)).toFixed(0)} MB in PostgreSQL.\n`,
    );
    if (values.latency) {
      measureLatency(report.articles, resolve(fromSqlite, '..'), target);
      if (existsSync(config.benchCorpus)) measureAddOne(report.articles, config.benchCorpus, target);
    }
  } finally {
    await done();
  }
}
for (const size of fromSqlite ? [] : sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-bench-'));
  const { target, done } = await benchTarget(dir, `s${size}`);
  try {
    writeCorpus(size, source, join(dir, 'corpus'));
    const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
    const child = spawnSync(
      process.execPath,
      [...profile, resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/run-size.ts'), join(dir, 'corpus'), target, values.workers],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    if (child.status !== 0) throw new Error(`the ${size}-article run failed (exit ${child.status})`);
    const last = child.stdout.trim().split('\n').pop()!;
    rows.push({ size, ...(JSON.parse(last) as SizeResult) });
    if (values.latency) {
      measureLatency(size, join(dir, 'corpus'), target);
      // The digest and story-at-scale steps read a SQLite file directly: SQLite only for now.
      if (postgresUrl) measureAddOne(size, join(dir, 'corpus'), target);
      else {
        digestTimes.push({ size, result: await benchDigest(target) });
        measureScale(size, join(dir, 'corpus'), target);
      }
    }
  } finally {
    if (values['keep-db'] && !postgresUrl) keepDatabase(target, resolve(values['keep-db'], `${size}.db`));
    await done();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Copies an indexed SQLite file (and its write-ahead log, if any) out of the temp folder. */
function keepDatabase(file: string, to: string): void {
  mkdirSync(resolve(to, '..'), { recursive: true });
  for (const suffix of ['', '-wal']) if (existsSync(`${file}${suffix}`)) copyFileSync(`${file}${suffix}`, `${to}${suffix}`);
  process.stdout.write(`(Kept ${to}.)\n`);
}

const header = ['Files', 'Indexed', 'Dupes', 'Seconds', 'CPU s', 'Articles/s', 'Per CPU s', 'Peak RSS MB', 'DB MB', 'Quotes', 'With speaker'];
const table = rows.map((r) => [
  String(r.size),
  String(r.articles),
  String(r.duplicates),
  r.seconds.toFixed(1),
  r.cpuSeconds.toFixed(1),
  r.articlesPerSecond.toFixed(0),
  (r.files / r.cpuSeconds).toFixed(0),
  r.peakRssMb.toFixed(0),
  r.dbMb.toFixed(0),
  String(r.quotes),
  `${((100 * r.quotesWithSpeaker) / Math.max(1, r.quotes)).toFixed(0)}%`,
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
if (rows.length > 0) {
  process.stdout.write(`\nEngine: ${postgresUrl ? 'PostgreSQL' : 'SQLite'}\n${line(header)}\n${table.map(line).join('\n')}\n`);
  process.stdout.write(
    `(Articles/s is files over wall time; Per CPU s is files over CPU time, which other load on the machine does not inflate. ${cpus().length} cores, ${values.workers} analysis worker(s), load average ${loadavg()[0]!.toFixed(1)}.)\n`,
  );
}

if (latencies.length > 0) {
  const names = [...new Set(latencies.flatMap((l) => Object.keys(l.result)))];
  const header = ['Articles', ...names.flatMap((n) => [`${n} p50 ms`, `${n} p95 ms`])];
  const table = latencies.map((l) => [String(l.size), ...names.flatMap((n) => [l.result[n]?.p50.toFixed(1) ?? '-', l.result[n]?.p95.toFixed(1) ?? '-'])]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const format = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i]!)).join('  ');
  process.stdout.write(`\nAnswer latency, warm (target p95 < 50 ms at 10000)\n${format(header)}\n${table.map(format).join('\n')}\n`);
}

if (digestTimes.length > 0) {
  process.stdout.write('\nDigest build time (new articles among all indexed)\n');
  for (const { size, result } of digestTimes) {
    process.stdout.write(
      `${result.newArticles} new among ${result.articles}: p50 ${result.p50.toFixed(0)} ms, p95 ${result.p95.toFixed(0)} ms (${size} files)\n`,
    );
  }
}

if (values['cpu-prof']) process.stdout.write(`\nCPU profiles: ${PROFILE_DIR}\n`);
const atTarget = rows.find((r) => r.size === TARGET.atSize);
if (atTarget) {
  const fast = atTarget.articlesPerSecond >= TARGET.articlesPerSecond;
  const small = atTarget.peakRssMb < TARGET.peakRssMb;
  process.stdout.write(
    `\nTargets at ${TARGET.atSize}: ≥ ${TARGET.articlesPerSecond} articles/s (${fast ? 'met' : 'missed'}), ` +
      `< ${TARGET.peakRssMb} MB peak RSS (${small ? 'met' : 'missed'}).\n`,
  );
}

if (scales.length > 0) {
  const table = scaleTable();
  process.stdout.write(`\n${table}\n`);
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(1)} GB memory, Node ${process.version}, load average ${loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ')} at the end`;
  mkdirSync(resolve(PROJECT_ROOT, 'bench'), { recursive: true });
  writeFileSync(
    resolve(PROJECT_ROOT, 'bench/results.md'),
    `# npm run bench -- --sizes ${sizes.join(',')}\n\n${new Date().toISOString()} on ${machine}.\n\n${table}\n`,
  );
  process.stdout.write('(Written to bench/results.md.)\n');
}

/** Issue 13's rows, one column per size, then the target at 100k; a Markdown table. */
function scaleTable(): string {
  const sizesShown = scales.map((s) => s.size);
  const latency = (size: number) => latencies.find((l) => l.size === size)?.result.ask;
  const digest = (size: number) => digestTimes.find((d) => d.size === size)?.result;
  const row = rows.length > 0 ? (size: number) => rows.find((r) => r.size === size) : () => undefined;
  const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
  const lines: [string, (size: number, scale: ScaleResult) => string, string][] = [
    ['warm `ask` p50 / p95', (size) => `${latency(size)?.p50.toFixed(0) ?? '-'} / ${latency(size)?.p95.toFixed(0) ?? '-'} ms`, '≤ 20 / ≤ 50 ms'],
    ['FTS5 anchor p50 / p95 (bm25, same questions)', (_, s) => `${s.anchor.p50.toFixed(0)} / ${s.anchor.p95.toFixed(0)} ms`, '-'],
    ['warm `ask` p95 ÷ anchor p95', (size, s) => `${((latency(size)?.p95 ?? Number.NaN) / s.anchor.p95).toFixed(1)}×`, '≤ 1.5×'],
    ['first `ask` after start', (_, s) => `${s.firstAskMs.toFixed(0)} ms`, '≤ 100 ms'],
    ['one-shot CLI `ask`', (_, s) => `${s.cliAskSeconds.toFixed(1)} s`, '≤ 0.5 s'],
    ['adding one article (median)', (_, s) => `${median(s.addOneMs).toFixed(0)} ms`, '≤ 50 ms'],
    ['digest of 100 new (p95)', (size) => `${digest(size)?.p95.toFixed(0) ?? '-'} ms`, '≤ 300 ms'],
    ["serving RSS (one process: the bench's ask, brief, quote, who)", (_, s) => `${s.servingRssMb.toFixed(0)} MB`, '≤ 250 MB'],
    ['peak RSS ingesting', (size) => `${row(size)?.peakRssMb.toFixed(0) ?? '-'} MB`, '≤ 400 MB'],
    ['database on disk', (size) => `${row(size)?.dbMb.toFixed(0) ?? '-'} MB`, '≤ 800 MB'],
  ];
  const header = `| | ${sizesShown.map((n) => n.toLocaleString('en-GB')).join(' | ')} | target at 100k |`;
  const rule = `|---|${sizesShown.map(() => '---').join('|')}|---|`;
  const body = lines.map(([label, cell, target]) => `| ${label} | ${scales.map((s) => cell(s.size, s.result)).join(' | ')} | ${target} |`);
  return ['Story at scale (issue 13)', '', header, rule, ...body].join('\n');
}
