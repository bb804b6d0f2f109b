/**
 * The LLM writer: sends the numbered passages to an OpenAI-compatible endpoint, streams the
 * answer, and yields each sentence only after the checker has passed it. Whatever goes wrong
 * ends in one `WriterError`, within the request timeout when nothing arrives, so the caller
 * can post the extractive answer instead. It never reads the environment and never logs the
 * key or a passage.
 */
import OpenAI from 'openai';
import type { Clock } from '../core/clock.ts';
import type { ProseRequest } from '../core/ports/writer.ts';
import type { Logger } from '../core/logger.ts';
import { createAnswerAssembly } from './answer-assembly.ts';
import { createChecker } from './checker.ts';
import { streamCompletion, type StreamEvent } from './completion-stream.ts';
import { classifyFailure, describeEndpoint } from './endpoint-failure.ts';
import { buildMessages } from './prompt.ts';
import { retryWait, sleep } from './retry-policy.ts';
import { createMemoryLedger, estimateTokens, utcDay, type TokenLedger } from './token-budget.ts';
import type { CheckedSentence, TokenUsage, WriteResult } from './write-result.ts';
import { startRun, type WriteRun } from './write-run.ts';
import { WriterError } from './writer-error.ts';

export interface WriterOptions {
  /** OPENAI_API_KEY; null for local servers that need none. */
  readonly apiKey: string | null;
  /** OPENAI_BASE_URL; null for OpenAI's own endpoint. */
  readonly baseURL: string | null;
  /** BRIEFBOT_LLM_MODEL. */
  readonly model: string;
  /** Longest wait for an answer to begin, retries and their waits included. */
  readonly timeoutMs: number;
  /** Longest gap between two chunks once the answer has begun. */
  readonly stallMs: number;
  /** Retries after the first request, for network errors, 5xx and 429. */
  readonly maxRetries: number;
  /** BRIEFBOT_LLM_DAILY_TOKENS; null for no limit. */
  readonly dailyTokenBudget: number | null;
  readonly clock: Clock;
  readonly log: Logger;
  /** Completion token limit per request (default 700). */
  readonly maxTokens?: number;
  /** Sampling temperature; null (the default) leaves it to the endpoint. */
  readonly temperature?: number | null;
  /** Longest retry-after honoured (default 10 s); a longer one gives up at once. */
  readonly retryAfterCapMs?: number;
  /** Wait before the first retry, doubled each time up to 4 s (default 250 ms). */
  readonly backoffMs?: number;
  /** Longest a whole answer may take, streaming included (default 120 s). */
  readonly maxDurationMs?: number;
  /** Where the day's spent tokens are kept (default: in memory). */
  readonly ledger?: TokenLedger;
  readonly overlapThreshold?: number;
}

/** What the writer is asked: the port's request (numbered passages, stored texts, a task). */
export type WriteRequest = ProseRequest;

export interface BudgetStatus {
  readonly day: string;
  readonly spent: number;
  readonly limit: number | null;
}

export interface Writer {
  readonly model: string;
  /** The endpoint, without credentials, for logs and `--json` reports. */
  readonly endpoint: string;
  /** Starts writing; iterate the run for checked sentences, await `result` for the counts. */
  write(request: WriteRequest): WriteRun<CheckedSentence, WriteResult>;
  budget(): BudgetStatus;
}

/**
 * Builds a writer for one endpoint and model.
 * @example
 *   const writer = createWriter({ apiKey, baseURL, model, timeoutMs: 20_000, stallMs: 10_000, maxRetries: 2,
 *                                 dailyTokenBudget: 200_000, clock: systemClock, log });
 *   const run = writer.write({ task: { kind: 'answer', question }, passages, sources });
 *   for await (const sentence of run) show(sentence);   // throws WriterError on failure
 *   const { passed, written } = await run.result;
 */
export function createWriter(options: WriterOptions): Writer {
  const endpoint = describeEndpoint(options.baseURL ?? 'https://api.openai.com/v1');
  const log = options.log.child({ component: 'llm-writer', model: options.model, endpoint });
  const ledger = options.ledger ?? createMemoryLedger();
  const maxDurationMs = options.maxDurationMs ?? 120_000;
  const client = new OpenAI({
    apiKey: options.apiKey ?? 'no-key',
    baseURL: options.baseURL ?? 'https://api.openai.com/v1',
    organization: null,
    project: null,
    webhookSecret: null,
    maxRetries: 0,
    timeout: maxDurationMs,
    logLevel: 'off',
  });

  const retryLimits = {
    maxRetries: options.maxRetries,
    backoffMs: options.backoffMs ?? 250,
    retryAfterCapMs: options.retryAfterCapMs ?? 10_000,
    timeoutMs: options.timeoutMs,
  };

  function write(request: WriteRequest): WriteRun<CheckedSentence, WriteResult> {
    return startRun<CheckedSentence, WriteResult>(async (emit) => {
      const started = performance.now();
      const deadline = started + options.timeoutMs;
      const day = utcDay(options.clock.now());
      const limit = options.dailyTokenBudget;
      if (limit !== null && ledger.spent(day) >= limit) {
        const error = new WriterError(
          'budget-exhausted',
          `the daily budget of ${limit} tokens (BRIEFBOT_LLM_DAILY_TOKENS) is spent for ${day} UTC; no request made`,
        );
        log.warn({ code: error.code, spent: ledger.spent(day), limit }, error.message);
        throw error;
      }
      if (request.passages.length === 0) {
        return {
          sentences: [],
          written: 0,
          passed: 0,
          dropped: [],
          declined: true,
          model: options.model,
          attempts: 0,
          ms: 0,
          finishReason: null,
          tokens: { prompt: 0, completion: 0, total: 0, estimated: false },
        };
      }
      const messages = buildMessages(request.task, request.passages, request.maxSentences ?? 6);
      const check = createChecker(request.passages, request.sources, { overlapThreshold: options.overlapThreshold });
      const promptEstimate = estimateTokens(messages.map((m) => m.content).join('\n'));

      const run = new AbortController();
      const onCallerAbort = () => run.abort(new WriterError('aborted', 'the request was cancelled'));
      request.signal?.addEventListener('abort', onCallerAbort, { once: true });
      if (request.signal?.aborted) onCallerAbort();
      const cap = setTimeout(
        () => run.abort(new WriterError('timeout', `the answer from ${endpoint} took more than ${maxDurationMs} ms in all`)),
        maxDurationMs,
      );

      const answer = createAnswerAssembly(check, emit, log, { model: options.model, endpoint });
      let attempts = 0;
      // Only answers that began cost tokens; a refused or failed request is not counted.
      const spend = (): TokenUsage | null => {
        const usage = answer.usage(promptEstimate);
        if (usage) ledger.add(day, usage.total);
        return usage;
      };

      try {
        for (;;) {
          attempts++;
          const events = streamCompletion(
            client,
            { model: options.model, messages, maxTokens: options.maxTokens ?? 700, temperature: options.temperature ?? null },
            { firstChunkMs: deadline - performance.now(), timeoutMs: options.timeoutMs, stallMs: options.stallMs, signal: run.signal, endpoint },
          );
          let first: IteratorResult<StreamEvent>;
          try {
            first = await events.next();
          } catch (error) {
            const failure = classifyFailure(error, { endpoint, model: options.model }, options.clock.now());
            const wait = retryWait(failure, attempts, deadline - performance.now(), retryLimits);
            log.info({ attempt: attempts, code: failure.error.code, status: failure.error.status, waitMs: Math.round(wait) }, 'retrying the completion');
            await sleep(wait, run.signal);
            continue;
          }
          await answer.consume(first, events);
          break;
        }
      } catch (error) {
        const failure = classifyFailure(error, { endpoint, model: options.model }, options.clock.now()).error.withRun(attempts, answer.yielded);
        const tokens = spend();
        log.warn(
          {
            code: failure.code,
            status: failure.status,
            attempts,
            ms: Math.round(performance.now() - started),
            passed: answer.yielded.length,
            tokens: tokens?.total,
          },
          failure.message,
        );
        throw failure;
      } finally {
        clearTimeout(cap);
        request.signal?.removeEventListener('abort', onCallerAbort);
      }

      const tokens = spend() ?? { prompt: 0, completion: 0, total: 0, estimated: true };
      const { yielded, written, dropped, declined, finishReason } = answer;
      const result: WriteResult = {
        sentences: yielded,
        written,
        passed: yielded.length,
        dropped,
        declined,
        tokens,
        model: options.model,
        attempts,
        ms: Math.round(performance.now() - started),
        finishReason,
      };
      log.info({ attempts, ms: result.ms, written, passed: result.passed, dropped: dropped.length, declined, tokens: tokens.total }, 'wrote an answer');
      return result;
    });
  }

  return {
    model: options.model,
    endpoint,
    write,
    budget: () => {
      const day = utcDay(options.clock.now());
      return { day, spent: ledger.spent(day), limit: options.dailyTokenBudget };
    },
  };
}
