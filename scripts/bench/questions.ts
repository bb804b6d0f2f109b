/**
 * The bench's questions: general news questions, so the same set serves the seeds and the
 * BBC-derived corpora. The answer latency and the FTS5 anchor ask the same ones.
 */
import { commands } from '../../commands/index.ts';
import { systemClock } from '../../src/core/clock.ts';
import type { CommandContext } from '../../src/core/command.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Store } from '../../src/core/ports/store.ts';

export const ASK_QUESTIONS: readonly string[] = [
  'What did the minister say about the economy?',
  'Who founded the company?',
  'How much did the deal cost?',
  'Why did the government ban the firm?',
  'When did the company start operating in the UK?',
  'What did the chairman say?',
  'Which countries have restricted the company?',
  'What is the capital of France?',
];

/** Inputs per command, timed warm by scripts/bench/latency.ts. */
export const QUERIES: Readonly<Record<string, readonly string[]>> = {
  ask: ASK_QUESTIONS,
  brief: ['', 'security concerns', 'the economy and jobs'],
  quote: ['', 'the minister', 'security'],
};

/** `who` requests of the serving-memory row (scripts/bench/scale.ts): a role, a surname, a company. */
export const WHO_REQUESTS: readonly string[] = ['the minister', 'the chairman', 'Brown', 'the company'];

/** The context the bench's commands run in: a CLI user, no clock or log of their own. */
export function benchContext(store: Store): CommandContext {
  return {
    store,
    clock: systemClock,
    log: silentLogger,
    invoker: { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: false },
  };
}

/** The `p` quantile (0–1) of ascending `sorted`, nearest rank. */
export const percentile = (sorted: readonly number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;

/** A runner of one command's inputs the way a user types them (errors are answers too, not failures), or null for an unknown command. */
export function benchRunner(name: string, context: CommandContext): ((input: string) => Promise<unknown>) | null {
  const command = commands.find((c) => c.name === name);
  if (!command) return null;
  const rest = command.options.find((o) => o.rest)?.name;
  return (input) => command.run(rest && input ? { [rest]: input } : {}, context).catch(() => undefined);
}
