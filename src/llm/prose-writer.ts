/**
 * The LLM writer behind the core's `ProseWriter` port: builds the writer from the settings,
 * and turns its run (which throws a `WriterError`) into a run that ends quietly with an
 * outcome, so composers need no knowledge of the endpoint to fall back.
 */
import { systemClock, type Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { CheckedProse, ProseOutcome, ProseRequest, ProseRun, ProseWriter } from '../core/ports/writer.ts';
import type { LlmConfig } from '../config.ts';
import { createFileLedger } from './file-ledger.ts';
import { createWriter, type Writer } from './writer.ts';
import type { TokenLedger } from './token-budget.ts';
import { DEFAULT_SURVIVAL, enoughSurvived, type SurvivalPolicy } from './write-result.ts';
import { isWriterError } from './writer-error.ts';

/**
 * The port over a writer. Sentences pass straight through (the writer yields only checked
 * ones); a `WriterError` becomes `{ ok: false, failure }`; anything else thrown is a bug of
 * ours, logged with its stack, and reported as `unavailable` so the bot keeps serving.
 * @example
 *   const run = proseWriterFrom(writer, log).write({ task: { kind: 'answer', question }, passages, sources });
 *   for await (const sentence of run) show(sentence);
 *   const outcome = await run.outcome; // { ok: true, result: { passed: 3, written: 3, enough: true, … } }
 */
export function proseWriterFrom(writer: Writer, log: Logger, policy: SurvivalPolicy = DEFAULT_SURVIVAL): ProseWriter {
  return {
    label: `${writer.model} at ${writer.endpoint}`,
    write(request: ProseRequest): ProseRun {
      const run = writer.write(request);
      const outcome: Promise<ProseOutcome> = run.result.then(
        (result) => ({
          ok: true,
          result: {
            sentences: result.sentences,
            written: result.written,
            passed: result.passed,
            declined: result.declined,
            enough: enoughSurvived(result, policy),
            tokens: result.tokens.total,
            ms: result.ms,
          },
        }),
        (error: unknown) => {
          if (isWriterError(error)) return { ok: false, failure: { reason: error.code, detail: error.message } };
          log.error({ err: error }, 'the writer failed unexpectedly');
          return { ok: false, failure: { reason: 'unavailable', detail: `the writer failed unexpectedly: ${String(error)}` } };
        },
      );
      return {
        outcome,
        async *[Symbol.asyncIterator](): AsyncGenerator<CheckedProse> {
          try {
            for await (const sentence of run) yield sentence;
          } catch {
            // The outcome carries the failure; the iteration just ends.
          }
        },
      };
    },
  };
}

export interface WriterDeps {
  readonly clock: Clock;
  readonly log: Logger;
  /** Where the day's spent tokens are kept (default: in memory, for this process). */
  readonly ledger?: TokenLedger;
}

/**
 * The writer the settings ask for, or undefined when no endpoint is configured (then every
 * answer is extractive). The request timeout is `BRIEFBOT_LLM_TIMEOUT_MS`; a stream that
 * stalls is given as long, at most 10 s; a whole answer at most four timeouts, at least 60 s.
 * @example
 *   const writer = writerFromConfig(config.llm, { clock: systemClock, log });
 *   const services = { store, clock, log, ...(writer ? { writer } : {}) };
 */
export function writerFromConfig(llm: LlmConfig | undefined, deps: WriterDeps): ProseWriter | undefined {
  if (!llm) return undefined;
  const log = deps.log.child({ component: 'llm' });
  const writer = createWriter({
    apiKey: llm.apiKey,
    baseURL: llm.baseURL,
    model: llm.model,
    timeoutMs: llm.timeoutMs,
    stallMs: Math.min(llm.timeoutMs, 10_000),
    maxRetries: 2,
    maxDurationMs: Math.max(llm.timeoutMs * 4, 60_000),
    dailyTokenBudget: llm.dailyTokens,
    clock: deps.clock,
    log,
    ...(deps.ledger ? { ledger: deps.ledger } : {}),
  });
  return proseWriterFrom(writer, log);
}

export interface ProseWriterOptions {
  readonly log: Logger;
  /** Whose days the budget counts (default: the system clock). */
  readonly clock?: Clock;
  /**
   * A JSON file that keeps the day's spent tokens, so BRIEFBOT_LLM_DAILY_TOKENS holds across
   * restarts and one-shot CLI runs: `ledgerPathFor(config.db)`. Null or absent: in memory.
   */
  readonly ledgerFile?: string | null;
}

/**
 * What the composition root calls: the writer for `config.llm`, or undefined when no
 * endpoint is configured, with its token count kept in `ledgerFile` when one is given.
 * @example
 *   const writer = createProseWriter(config.llm, { log, ledgerFile: ledgerPathFor(config.db) });
 *   const services: Services = { store, clock: systemClock, log, ...(writer ? { writer } : {}) };
 */
export function createProseWriter(llm: LlmConfig | undefined, options: ProseWriterOptions): ProseWriter | undefined {
  if (!llm) return undefined;
  const ledger = options.ledgerFile ? createFileLedger(options.ledgerFile, options.log) : undefined;
  return writerFromConfig(llm, { clock: options.clock ?? systemClock, log: options.log, ...(ledger ? { ledger } : {}) });
}
