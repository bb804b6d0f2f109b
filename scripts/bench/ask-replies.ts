/**
 * `ask` replies and their cost: opens the database, answers each question once cold and once
 * warm, and writes one JSON line per question (the warm reply, and the cold and warm wall and
 * CPU ms) to stdout, to compare answers and costs before and after a change.
 * Usage: run-ts.js scripts/bench/ask-replies.ts DB_FILE QUESTION…
 */
import { performance } from 'node:perf_hooks';
import { openBenchStore } from './bench-store.ts';
import { benchContext, benchRunner } from './questions.ts';

const [dbFile, ...questions] = process.argv.slice(2);
if (!dbFile || questions.length === 0) throw new Error('usage: ask-replies.ts DB_FILE QUESTION…');
const store = await openBenchStore(dbFile);
const ask = benchRunner('ask', benchContext(store))!;

const timed = async (question: string) => {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const reply = await ask(question);
  const used = process.cpuUsage(cpu);
  return { reply, ms: Math.round(performance.now() - started), cpuMs: Math.round((used.user + used.system) / 1000) };
};
for (const question of questions) {
  const cold = await timed(question);
  const warm = await timed(question);
  process.stdout.write(
    `${JSON.stringify({ question, cold: { ms: cold.ms, cpuMs: cold.cpuMs }, warm: { ms: warm.ms, cpuMs: warm.cpuMs }, reply: warm.reply })}\n`,
  );
}
await store.close();
