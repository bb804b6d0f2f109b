/**
 * The first `quote` of a process: opens the database, answers each request once in order
 * (the first one cold), and prints one JSON line with each request's wall and CPU ms. With
 * `--add CORPUS_DIR`, it then adds one new article (a variation of the corpus's, as scale.ts
 * makes them; this writes to DB_FILE: give it a copy) and answers the requests again, as a
 * serving process does after an article arrives. With `--dump FILE`, every reply's JSON is
 * written there (one line per request and pass), to compare answers before and after a change.
 * Usage: run-ts.js scripts/bench/first-quote.ts DB_FILE [--add CORPUS_DIR [--round N]] [--dump FILE] [COMMAND:TEXT …]
 * A request is `quote:TEXT` (the default command), `quote:` (no text) or `quotes:SPEAKER`.
 */
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { commands } from '../../commands/index.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openBenchStore } from './bench-store.ts';
import { newArticle } from './corpus.ts';

const args = process.argv.slice(2);
const take = (flag: string): string | undefined => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const [value] = args.splice(at, 2).slice(1);
  return value;
};
const addFrom = take('--add');
const round = Number(take('--round') ?? '0');
const dump = take('--dump');
const [dbFile, ...requests] = args;
if (!dbFile) throw new Error('usage: first-quote.ts DB_FILE [--add CORPUS_DIR [--round N]] [--dump FILE] [COMMAND:TEXT …]');
// With --add and no requests, only the add is timed.
const wanted = requests.length > 0 || addFrom ? requests : ['quote:the minister'];

const store = await openBenchStore(dbFile);
const context: CommandContext = {
  store,
  clock: systemClock,
  log: silentLogger,
  invoker: { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: false },
};
if (dump) writeFileSync(dump, '');

interface Timed {
  readonly request: string;
  readonly ms: number;
  readonly cpuMs: number;
}

async function answer(request: string, pass: string): Promise<Timed> {
  const colon = request.indexOf(':');
  const name = colon < 0 ? 'quote' : request.slice(0, colon);
  const text = colon < 0 ? request : request.slice(colon + 1);
  const command = commands.find((c) => c.name === name);
  if (!command) throw new Error(`no command ${name}`);
  const options = text === '' ? {} : name === 'quotes' ? { speaker: text } : { about: text };
  const cpu = process.cpuUsage();
  const started = performance.now();
  const reply = await command.run(options, context).catch((error: unknown) => ({ error: String(error) }));
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  if (dump) appendFileSync(dump, `${JSON.stringify({ pass, request, reply })}\n`);
  return { request, ms: Math.round(ms), cpuMs: Math.round((used.user + used.system) / 1000) };
}

const before: Timed[] = [];
for (const request of wanted) before.push(await answer(request, 'open'));
let added: { addMs: number; addCpuMs: number; after: Timed[] } | null = null;
if (addFrom) {
  const dir = mkdtempSync(join(tmpdir(), 'first-quote-'));
  try {
    const file = join(dir, `new-${round}.txt`);
    writeFileSync(file, newArticle(addFrom, round));
    const cpu = process.cpuUsage();
    const started = performance.now();
    const report = await ingestPaths([file], { store, clock: systemClock, log: silentLogger });
    const addMs = Math.round(performance.now() - started);
    const used = process.cpuUsage(cpu);
    const addCpuMs = Math.round((used.user + used.system) / 1000);
    if (report.added.length !== 1) throw new Error(`adding one article added ${report.added.length}`);
    const after: Timed[] = [];
    for (const request of wanted) after.push(await answer(request, 'added'));
    added = { addMs, addCpuMs, after };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
await store.close();
process.stdout.write(`${JSON.stringify({ before, ...(added ?? {}) })}\n`);
