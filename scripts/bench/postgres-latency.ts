/**
 * Answer latency on a PostgreSQL database already filled (e.g. by `briefbot migrate`), with the
 * CPU each request costs the bot and the server apart: the bench's questions (questions.ts),
 * each warmed once and then timed ROUNDS times as scripts/bench/latency.ts does. The server's
 * CPU is read from /proc for the backends serving this database (so run it on the database's
 * machine, with no one else on that database) around each run; /proc counts in ticks of 10 ms,
 * so a run's server figure is coarse and only its mean over the rounds is printed. Prints a
 * line per input (wall p50 and max, mean bot and server CPU), then one JSON line per command:
 * wall p50 / p95, bot and server CPU ms per run; and last the bot's peak RSS.
 * Usage: run-ts.js scripts/bench/postgres-latency.ts postgres://…/db [ROUNDS] [COMMANDS, e.g. ask,quote]
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { openBenchStore } from './bench-store.ts';
import { benchContext, benchRunner, percentile, QUERIES } from './questions.ts';

const [url, roundsArg, commandsArg] = process.argv.slice(2);
if (!url) throw new Error('usage: postgres-latency.ts POSTGRES_URL [ROUNDS]');
const ROUNDS = Number(roundsArg ?? 5);
/** The commands to time (all of the bench's when not given). */
const COMMANDS = commandsArg ? new Set(commandsArg.split(',')) : null;
const TICK_MS = 10;

const store = await openBenchStore(url);
const monitor = new pg.Client({ connectionString: url });
await monitor.connect();
const own = (await monitor.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid;

/** CPU ticks (user + system) of each backend on this database but the monitor's own. */
async function backendTicks(): Promise<Map<number, number>> {
  const { rows } = await monitor.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> $1', [own]);
  const ticks = new Map<number, number>();
  for (const { pid } of rows) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ticks.set(pid, Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone between the two reads.
    }
  }
  return ticks;
}

/** Server CPU ms between two readings: a backend new since the first counts from its start. */
function serverMs(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ticks = 0;
  for (const [pid, n] of after) ticks += n - (before.get(pid) ?? 0);
  return ticks * TICK_MS;
}

const context = benchContext(store);

for (const [name, inputs] of Object.entries(QUERIES)) {
  if (COMMANDS && !COMMANDS.has(name)) continue;
  const run = benchRunner(name, context);
  if (!run) continue;
  for (const input of inputs) await run(input);
  const byInput = new Map(inputs.map((input) => [input, { times: [] as number[], botUs: 0, serverMs: 0 }]));
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const input of inputs) {
      const entry = byInput.get(input)!;
      const ticksBefore = await backendTicks();
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      await run(input);
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      entry.serverMs += serverMs(ticksBefore, await backendTicks());
      entry.botUs += cpu.user + cpu.system;
      entry.times.push(ms);
      samples.push(ms);
    }
  }
  let botUs = 0;
  let server = 0;
  for (const [input, entry] of byInput) {
    const times = [...entry.times].sort((a, b) => a - b);
    botUs += entry.botUs;
    server += entry.serverMs;
    const cpu = `bot ${(entry.botUs / 1000 / times.length).toFixed(0).padStart(4)}  server ${(entry.serverMs / times.length).toFixed(0).padStart(4)} ms CPU`;
    process.stdout.write(
      `${name.padEnd(6)} ${`"${input}"`.padEnd(52)} p50 ${percentile(times, 0.5).toFixed(0).padStart(5)}  max ${times.at(-1)!.toFixed(0).padStart(5)} ms wall; ${cpu}\n`,
    );
  }
  samples.sort((a, b) => a - b);
  const runs = samples.length;
  process.stdout.write(
    `${JSON.stringify({
      command: name,
      runs,
      p50: Math.round(percentile(samples, 0.5)),
      p95: Math.round(percentile(samples, 0.95)),
      botCpuMs: Math.round(botUs / 1000 / runs),
      serverCpuMs: Math.round(server / runs),
    })}\n`,
  );
}
// The bot process's peak memory over the whole run (the server's is its own).
process.stdout.write(`${JSON.stringify({ peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) })}\n`);
await monitor.end();
await store.close();
