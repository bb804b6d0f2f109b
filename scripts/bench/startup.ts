/**
 * Start-up times, as a user meets them: `briefbot ask …` on the seed index (the whole one-shot
 * process, wall time) and `npm start` until the terminal chat shows its prompt. The chat needs a
 * terminal to show a prompt, so it runs under `script` (util-linux), which gives it one; without
 * `script` the time to its first reply to piped input is measured instead, and labelled so.
 *
 *   const result = measureStartup(); // { ask: { runs: [0.31, …], median: 0.32 }, start: { … } }
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

/** The targets the issue sets, in seconds. */
export const STARTUP_TARGETS = { ask: 0.4, start: 1 } as const;

export interface Timing {
  /** Each run's wall time in seconds, in order. */
  readonly runs: readonly number[];
  readonly median: number;
  /** How it was measured, when not as the target says. */
  readonly note?: string;
}

export interface StartupResult {
  readonly ask: Timing;
  readonly start: Timing;
  /** False when dist/ was missing or stale, so the sources ran through tsx. */
  readonly compiled: boolean;
}

const CLI = resolve(PROJECT_ROOT, 'bin/briefbot.js');
const PROMPT = 'briefbot›';

/** The environment of a user with no platform tokens, so `npm start` opens the terminal chat. */
function chatEnv(db: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!/^(SLACK_|DISCORD_|OPENAI_|BRIEFBOT_|LOG_LEVEL$)/.test(key)) env[key] = value;
  }
  return { ...env, BRIEFBOT_DB: db, NO_COLOR: '1' };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

/** Wall seconds of one `briefbot ask` on the indexed database. */
function timeAsk(db: string): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, [CLI, 'ask', 'Who supplied the equipment?', '--db', db], { env: chatEnv(db), encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`briefbot ask failed (exit ${run.status}): ${run.stderr.trim()}`);
  return (performance.now() - started) / 1000;
}

/** Seconds from running `npm start` to the first time `ready` is seen on its output. */
function timeStart(db: string, withTerminal: boolean): Promise<number> {
  return new Promise((done, fail) => {
    const started = performance.now();
    const child = withTerminal
      ? spawn('script', ['-qfec', 'npm start', '/dev/null'], { cwd: PROJECT_ROOT, env: chatEnv(db), stdio: ['pipe', 'pipe', 'ignore'], detached: true })
      : spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: chatEnv(db), stdio: ['pipe', 'pipe', 'ignore'], detached: true });
    const ready = withTerminal ? PROMPT : 'Commands';
    let seen = '';
    const timer = setTimeout(() => finish(new Error('no prompt within 30 s')), 30_000);
    const finish = (outcome: number | Error) => {
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      // The whole group: npm, the shell `script` runs, and the bot.
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
      if (outcome instanceof Error) fail(outcome);
      else done(outcome);
    };
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString('utf8');
      if (seen.includes(ready)) finish((performance.now() - started) / 1000);
    });
    child.on('error', (error) => finish(error));
    if (!withTerminal) child.stdin.write('help\n');
  });
}

/** Runs each measurement `runs` times on a fresh copy of the seed index. */
export async function measureStartup(runs = 7, compiled = true): Promise<StartupResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-startup-'));
  const db = join(dir, 'seeds.db');
  try {
    // Index the seeds first (and warm the file cache): the targets are for an indexed database.
    spawnSync(process.execPath, [CLI, 'sources', '--db', db], { env: { ...chatEnv(db), BRIEFBOT_CORPUS: resolve(PROJECT_ROOT, 'seeds') }, encoding: 'utf8' });
    timeAsk(db);
    const ask = Array.from({ length: runs }, () => timeAsk(db));
    const withTerminal = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    const start: number[] = [];
    for (let i = 0; i < runs; i++) start.push(await timeStart(db, withTerminal));
    return {
      compiled,
      ask: { runs: ask, median: median(ask) },
      start: {
        runs: start,
        median: median(start),
        ...(withTerminal ? {} : { note: 'no `script` here: time to the first reply to piped input, not to the prompt' }),
      },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The figures beside their targets, as the bench prints them. */
export function startupReport(result: StartupResult): string {
  const row = (label: string, timing: Timing, target: number) => {
    const spread = `${Math.min(...timing.runs).toFixed(2)}–${Math.max(...timing.runs).toFixed(2)} s`;
    const verdict = timing.median <= target ? 'met' : 'missed';
    return `${label.padEnd(34)} median ${timing.median.toFixed(2)} s (${spread} over ${timing.runs.length} runs); target ≤ ${target} s: ${verdict}${timing.note ? ` (${timing.note})` : ''}`;
  };
  return [
    'Start-up (wall time, seed index)',
    row('briefbot ask QUESTION', result.ask, STARTUP_TARGETS.ask),
    row('npm start to the prompt', result.start, STARTUP_TARGETS.start),
    ...(result.compiled ? [] : ['(dist/ is missing or older than the sources, so these ran through tsx: run npm run build first)']),
  ].join('\n');
}
