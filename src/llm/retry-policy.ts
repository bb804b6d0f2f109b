/**
 * When to try a failed request again. Network errors, 5xx and 429 are retried, up to
 * `maxRetries` times, after a doubling backoff or the server's retry-after; but never past
 * the request deadline, so an endpoint that is down costs at most the configured timeout.
 */
import type { Failure } from './endpoint-failure.ts';
import { WriterError } from './writer-error.ts';

export interface RetryLimits {
  readonly maxRetries: number;
  /** Wait before the first retry; doubled each time, up to 4 s. */
  readonly backoffMs: number;
  /** Longest retry-after honoured; a longer one gives up at once. */
  readonly retryAfterCapMs: number;
  readonly timeoutMs: number;
}

function givingUp(failure: Failure, why: string): WriterError {
  const { code, message, status, cause } = failure.error;
  return new WriterError(code, `${message}; ${why}`, status, 0, [], { cause });
}

/**
 * Milliseconds to wait before attempt `attempt + 1`, or throws the error to give up with.
 * @param attempt the attempt that just failed, from 1
 * @param msLeft time until the request deadline
 * @example retryWait({ retryable: true, retryAfterMs: 1000, error }, 1, 5000, limits) // 1000
 */
export function retryWait(failure: Failure, attempt: number, msLeft: number, limits: RetryLimits): number {
  if (!failure.retryable) throw failure.error;
  if (attempt > limits.maxRetries) throw givingUp(failure, `gave up after ${attempt} attempts`);
  // Jitter keeps replicas that failed together from retrying together.
  const backoff = Math.min(limits.backoffMs * 2 ** (attempt - 1), 4000) * (0.8 + Math.random() * 0.4);
  const wait = failure.retryAfterMs ?? backoff;
  if (wait > limits.retryAfterCapMs || wait >= msLeft) {
    throw givingUp(failure, `not retried: waiting ${Math.round(wait)} ms would pass the ${limits.timeoutMs} ms timeout`);
  }
  return wait;
}

/** Resolves after `ms`, or rejects with the signal's reason when it aborts first. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
