/**
 * Where a warm `ask` spends its CPU, question by question: each store call's CPU time (the
 * search, the sentence lookups, the quotations...) and the rest (parsing, ranking, composing,
 * citing, in JavaScript). CPU, not wall time, so that figures taken on a busy machine compare.
 * Usage: run-ts.js scripts/bench/ask-phases.ts DB_FILE [ROUNDS=5]
 */
import type { Store } from '../../src/core/ports/store.ts';
import { openBenchStore } from './bench-store.ts';
import { ASK_QUESTIONS, benchContext, benchRunner } from './questions.ts';

const [dbFile, roundsArg] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: ask-phases.ts DB_FILE [ROUNDS]');
const rounds = Number(roundsArg ?? 5);
const store = await openBenchStore(dbFile);
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/** The store with each method's CPU time added to `spent` under its name (awaited calls only: the store's are). */
const spent = new Map<string, number>();
const timed = new Proxy(store, {
  get(target, property, receiver) {
    const value = Reflect.get(target, property, receiver) as unknown;
    if (typeof value !== 'function' || typeof property !== 'string') return value;
    return async (...args: unknown[]) => {
      const started = process.cpuUsage();
      try {
        return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      } finally {
        spent.set(property, (spent.get(property) ?? 0) + cpuMs(started));
      }
    };
  },
}) as Store;

const run = benchRunner('ask', benchContext(timed));
if (!run) throw new Error('no ask command');
for (const question of ASK_QUESTIONS) await run(question);
for (const question of ASK_QUESTIONS) {
  spent.clear();
  const started = process.cpuUsage();
  for (let round = 0; round < rounds; round++) await run(question);
  const total = cpuMs(started) / rounds;
  const inStore = [...spent.values()].reduce((sum, ms) => sum + ms, 0) / rounds;
  const calls = Object.fromEntries([...spent].sort((a, b) => b[1] - a[1]).map(([name, ms]) => [name, Number((ms / rounds).toFixed(1))]));
  process.stdout.write(`${JSON.stringify({ question, cpuMs: Number(total.toFixed(1)), rest: Number((total - inStore).toFixed(1)), ...calls })}\n`);
}
await store.close();
