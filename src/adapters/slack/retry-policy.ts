/**
 * How hard the adapter tries when Slack is busy or failing. One policy drives both paths:
 * the Web API client (which honours `Retry-After` on 429 itself and retries 5xx) and the
 * response_urls behind `respond()`, which Bolt posts once and never retries.
 */
import { describeSlackFailure, isTransient, retryAfterMs } from './slack-errors.ts';
import type { SlackFailure } from './slack-errors.ts';

export interface RetryPolicy {
  /** Attempts after the first. */
  readonly retries: number;
  readonly minTimeoutMs: number;
  readonly maxTimeoutMs: number;
  /** Each wait is this many times the previous one, up to `maxTimeoutMs`. */
  readonly factor: number;
}

/**
 * A few quick retries: a reply is worth waiting seconds for, not the Web API client's default
 * of ten retries over half an hour, by which time the asker has given up.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { retries: 4, minTimeoutMs: 1_000, maxTimeoutMs: 8_000, factor: 2 };

/** The policy as @slack/web-api's `retryConfig` (p-retry options), with jitter against herds. */
export function webClientRetryConfig(policy: RetryPolicy): {
  retries: number;
  factor: number;
  minTimeout: number;
  maxTimeout: number;
  randomize: boolean;
} {
  return {
    retries: policy.retries,
    factor: policy.factor,
    minTimeout: policy.minTimeoutMs,
    maxTimeout: policy.maxTimeoutMs,
    randomize: policy.minTimeoutMs >= 100,
  };
}

/** The wait before retry number `n` (from 1): exponential, capped, never less than Retry-After. */
export function retryDelayMs(policy: RetryPolicy, n: number, error: unknown): number {
  const backoff = Math.min(policy.maxTimeoutMs, policy.minTimeoutMs * policy.factor ** (n - 1));
  return Math.max(backoff, retryAfterMs(error) ?? 0);
}

/**
 * Runs `attempt`, retrying transient failures (429, 5xx, no answer) within the policy; a
 * failure Slack means (`{ ok: false, error }`, a 4xx) is thrown at once. `onRetry` hears of
 * each retry, so the caller can log it.
 *
 * @example await withRetries(() => respond(message), policy, (failure, n, ms) => log.warn({ …failure, n, ms }, 'retrying'))
 */
export async function withRetries<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  onRetry: (failure: SlackFailure, n: number, waitMs: number) => void = () => undefined,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      if (n > policy.retries || !isTransient(error)) throw error;
      const waitMs = retryDelayMs(policy, n, error);
      onRetry(describeSlackFailure(error), n, waitMs);
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
