/**
 * The story-at-scale rows of `npm run bench` on one indexed database: the first `ask` of a
 * fresh process (the story view built from nothing), the one-shot CLI `ask` (a whole process,
 * wall time), adding one new article (ingest, analysis and relinking, on a copy of the
 * database), and the FTS5 anchor: the same sentences in one plain FTS5 table, queried with
 * bm25 for the same questions, so the answer latency can be read as a ratio to it.
 * Usage: run-ts.js scripts/bench/scale.ts CORPUS_DIR DB_FILE — prints one JSON line.
 *        run-ts.js scripts/bench/scale.ts --first-ask DB_FILE — one cold ask, in its own process.
 *        run-ts.js scripts/bench/scale.ts --serving DB_FILE [COMMAND…] — one process answering the
 *        bench's requests of those commands (default ask, brief, quote, who), its peak RSS; the
 *        process runs with the node flags of `npm start` (package.json), as the bot does.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { commands } from '../../commands/index.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { isStopword, tokenize } from '../../src/core/retrieve/terms.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { newArticle } from './corpus.ts';
import { ASK_QUESTIONS, QUERIES, WHO_REQUESTS } from './questions.ts';

export interface ScaleResult {
  /** The first ask of a process that has just opened the database, in ms (median of runs). */
  readonly firstAskMs: number;
  /** `briefbot ask` as a one-shot process, wall seconds (median of runs). */
  readonly cliAskSeconds: number;
  /** Adding one new article to the indexed story, ms, each round a different article. */
  readonly addOneMs: readonly number[];
  /** The plain FTS5 index of the same sentences, bm25, the same ask questions. */
  readonly anchor: { readonly p50: number; readonly p95: number; readonly buildSeconds: number; readonly rssMb: number };
  /** Peak RSS of one process answering the bench's ask, brief, quote and who requests, MB. */
  readonly servingRssMb: number;
}

const ROUNDS = 3;
const ANCHOR_ROUNDS = 5;
const FIRST_QUESTION = 'What did the minister say about the economy?';
const run = (script: string, args: readonly string[]) =>
  spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, script), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** What a command run from the CLI is given, over this store. */
function cliContext(store: Store) {
  return {
    store,
    clock: systemClock,
    log: silentLogger,
    invoker: { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: false },
  } as const;
}

const SERVED: Readonly<Record<string, readonly string[]>> = { ...QUERIES, who: WHO_REQUESTS };

/** The node flags `npm start` runs the bot with (package.json's start script): `--max-semi-space-size=4`, … */
function servingFlags(): string[] {
  const manifest = JSON.parse(readFileSync(resolve(PROJECT_ROOT, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  return (manifest.scripts?.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * Answers every request of the commands named (each twice, as a server meets them again) in this
 * process and gives its peak RSS in MB: what serving those commands holds at once.
 */
async function serving(db: string, names: readonly string[]): Promise<number> {
  const store = openSqliteStore(db);
  const context = cliContext(store);
  for (let round = 0; round < 2; round++) {
    for (const name of names) {
      const command = commands.find((c) => c.name === name);
      const rest = command?.options.find((o) => o.rest)?.name;
      if (!command || !rest) throw new Error(`no ${name} command`);
      for (const input of SERVED[name] ?? []) await command.run(input ? { [rest]: input } : {}, context).catch(() => undefined);
    }
  }
  await store.close();
  return process.resourceUsage().maxRSS / 1024;
}

/** One cold ask in this process: the time from an opened store to the reply. */
async function firstAsk(db: string): Promise<number> {
  const store = openSqliteStore(db);
  const ask = commands.find((c) => c.name === 'ask');
  const rest = ask?.options.find((o) => o.rest)?.name;
  if (!ask || !rest) throw new Error('no ask command');
  const context = cliContext(store);
  const started = performance.now();
  await ask.run({ [rest]: FIRST_QUESTION }, context);
  const ms = performance.now() - started;
  await store.close();
  return ms;
}

/** Adds `ROUNDS` new articles one at a time to a copy of the database, timing each ingest. */
async function addOne(corpusDir: string, db: string, dir: string): Promise<number[]> {
  const copy = join(dir, 'add.db');
  copyFileSync(db, copy);
  if (existsSync(`${db}-wal`)) copyFileSync(`${db}-wal`, `${copy}-wal`);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const file = join(dir, `new-${round}.txt`);
    writeFileSync(file, newArticle(corpusDir, round));
    const store = openSqliteStore(copy);
    const started = performance.now();
    const report = await ingestPaths([file], { store, clock: systemClock, log: silentLogger });
    times.push(performance.now() - started);
    await store.close();
    if (report.added.length !== 1) throw new Error(`adding one article added ${report.added.length}`);
  }
  return times;
}

/**
 * A question's content words as one FTS5 OR query (`"blair" OR "election"`): the words the eval's
 * plain BM25 baseline searches for, without the function words that would match most sentences.
 */
function anchorQuery(question: string): string {
  const words = tokenize(question)
    .filter((token) => !isStopword(token.lower) && /[\p{L}\p{N}]/u.test(token.lower))
    .map((token) => token.lower.replaceAll('"', '""'));
  return [...new Set(words)].map((word) => `"${word}"`).join(' OR ');
}

/** Copies the current sentences into one FTS5 table and times bm25 top-150 queries on it. */
function anchor(db: string, dir: string): ScaleResult['anchor'] {
  const file = join(dir, 'anchor.db');
  const fts = new Database(file);
  try {
    const built = performance.now();
    fts.exec(`ATTACH DATABASE '${db.replace(/'/g, "''")}' AS story`);
    fts.exec('CREATE VIRTUAL TABLE sentences USING fts5 (text)');
    // Through the view: the table keeps a sentence's text only where it is not its article's slice.
    // Each sentence's article looked up (a join from the articles would scan every sentence per
    // article: sentences are indexed by id ranges, not by article, since migration 16).
    fts.exec(`INSERT INTO sentences (rowid, text) SELECT s.id, s.text FROM story.sentence_texts s
      WHERE EXISTS (SELECT 1 FROM story.articles a WHERE a.id = s.article AND a.status = 'current')`);
    fts.exec('DETACH DATABASE story');
    const buildSeconds = (performance.now() - built) / 1000;
    const search = fts.prepare('SELECT rowid, text, bm25(sentences) AS score FROM sentences WHERE sentences MATCH ? ORDER BY rank LIMIT 150');
    const queries = ASK_QUESTIONS.map(anchorQuery);
    for (const query of queries) search.all(query);
    const samples: number[] = [];
    for (let round = 0; round < ANCHOR_ROUNDS; round++) {
      for (const query of queries) {
        const started = performance.now();
        search.all(query);
        samples.push(performance.now() - started);
      }
    }
    samples.sort((a, b) => a - b);
    return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), buildSeconds, rssMb: process.memoryUsage().rss / 1024 / 1024 };
  } finally {
    fts.close();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--first-ask') {
  process.stdout.write(`${JSON.stringify({ ms: await firstAsk(args[1]!) })}\n`);
} else if (args[0] === '--serving') {
  const flags = servingFlags();
  if (flags.every((flag) => process.execArgv.includes(flag))) {
    const names = args.length > 2 ? args.slice(2) : Object.keys(SERVED);
    process.stdout.write(`${JSON.stringify({ rssMb: await serving(args[1]!, names) })}\n`);
  } else {
    // Measured in a process started as `npm start` starts the bot, with its V8 flags.
    const child = spawnSync(process.execPath, [...flags, resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'scripts/bench/scale.ts'), ...args], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    process.exitCode = child.status ?? 1;
  }
} else {
  const [corpusDir, db] = args;
  if (!corpusDir || !db) throw new Error('usage: scale.ts CORPUS_DIR DB_FILE');
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-scale-'));
  try {
    const firsts: number[] = [];
    const clis: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const child = run('scripts/bench/scale.ts', ['--first-ask', db]);
      if (child.status !== 0) throw new Error(`the first-ask run failed: ${child.stderr}`);
      firsts.push((JSON.parse(child.stdout.trim().split('\n').pop()!) as { ms: number }).ms);
      const started = performance.now();
      const cli = spawnSync(process.execPath, [resolve(PROJECT_ROOT, 'bin/briefbot.js'), 'ask', FIRST_QUESTION, '--db', db], { encoding: 'utf8' });
      if (cli.status !== 0) throw new Error(`briefbot ask failed: ${cli.stderr}`);
      clis.push((performance.now() - started) / 1000);
    }
    const served = run('scripts/bench/scale.ts', ['--serving', db]);
    if (served.status !== 0) throw new Error(`the serving run failed: ${served.stderr}`);
    const servingRssMb = (JSON.parse(served.stdout.trim().split('\n').pop()!) as { rssMb: number }).rssMb;
    // The anchor before adding articles, so its process holds only the FTS5 table and this script.
    const fts5 = anchor(db, dir);
    const result: ScaleResult = {
      firstAskMs: median(firsts),
      cliAskSeconds: median(clis),
      addOneMs: await addOne(corpusDir, db, dir),
      anchor: fts5,
      servingRssMb,
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
