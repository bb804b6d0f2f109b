/**
 * Start-up times, as a user meets them: `briefbot ask …` on the seed index (the whole one-shot
 * process, wall time) and `npm start` until the terminal chat shows its prompt. The chat needs a
 * terminal to show a prompt, so it runs under `script` (util-linux), which gives it one; without
 * `script` the time to its first reply to piped input is measured instead, and labelled so.
 *
 *   const result = measureStartup(); // { ask: { runs: [0.31, …], median: 0.32 }, start: { … } }
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';

/** The targets the issue sets, in seconds. */
export const STARTUP_TARGETS = { ask: 0.4, start: 1 } as const;

export interface Timing {
  /** Each run's wall time in seconds, in order. */
  readonly runs: readonly number[];
  readonly median: number;
  /** CPU seconds (user + system) of each run, where `/usr/bin/time` can say: what load on the machine does not inflate. */
  readonly cpu?: readonly number[];
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

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

/** Wall seconds of one `briefbot ask` on the indexed database, and its CPU seconds when they can be had. */
function timeAsk(db: string): { readonly wall: number; readonly cpu: number | undefined } {
  const command = [CLI, 'ask', 'Who supplied the equipment?', '--db', db];
  const started = performance.now();
  const run = hasTime
    ? spawnSync(TIME, ['-f', 'cpu %U %S', process.execPath, ...command], { env: chatEnv(db), encoding: 'utf8' })
    : spawnSync(process.execPath, command, { env: chatEnv(db), encoding: 'utf8' });
  const wall = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`briefbot ask failed (exit ${run.status}): ${run.stderr.trim()}`);
  const cpu = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(run.stderr);
  return { wall, cpu: cpu ? Number(cpu[1]) + Number(cpu[2]) : undefined };
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
    const asks = Array.from({ length: runs }, () => timeAsk(db));
    const ask = asks.map((run) => run.wall);
    const askCpu = asks.flatMap((run) => (run.cpu === undefined ? [] : [run.cpu]));
    const withTerminal = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;
    const start: number[] = [];
    for (let i = 0; i < runs; i++) start.push(await timeStart(db, withTerminal));
    return {
      compiled,
      ask: { runs: ask, median: median(ask), ...(askCpu.length > 0 ? { cpu: askCpu } : {}) },
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
    const spread = `best ${Math.min(...timing.runs).toFixed(2)} s, worst ${Math.max(...timing.runs).toFixed(2)} s over ${timing.runs.length} runs`;
    const cpu = timing.cpu ? `; CPU median ${median(timing.cpu).toFixed(2)} s` : '';
    const verdict = timing.median <= target ? 'met' : 'missed';
    return `${label.padEnd(26)} median ${timing.median.toFixed(2)} s (${spread}${cpu}); target ≤ ${target} s: ${verdict}${timing.note ? ` (${timing.note})` : ''}`;
  };
  return [
    `Start-up (wall time, seed index; ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}: wall time grows with the load, CPU time does not)`,
    row('briefbot ask QUESTION', result.ask, STARTUP_TARGETS.ask),
    row('npm start to the prompt', result.start, STARTUP_TARGETS.start),
    ...(result.compiled ? [] : ['(dist/ is missing or older than the sources, so these ran through tsx: run npm run build first)']),
  ].join('\n');
}
