/**
 * How long to wait before trying a platform again: exponential, capped, with jitter so that
 * several bots cut off together do not all come back at the same instant. And the waiting
 * itself, behind a port, so tests can run a minute of outage in milliseconds of their own.
 */

export interface Backoff {
  /** The wait before the first retry. */
  readonly initialMs: number;
  /** No wait is longer than this. */
  readonly maxMs: number;
  /** Each wait is this many times the one before. */
  readonly factor: number;
  /** Each wait varies by up to this share either way (0.2: ±20%). */
  readonly jitter: number;
}

/** 1 s, 2 s, 4 s … up to 30 s: quick to notice a blip, gentle on a platform that is down. */
export const DEFAULT_BACKOFF: Backoff = { initialMs: 1_000, maxMs: 30_000, factor: 2, jitter: 0.2 };

/**
 * The wait before retry number `attempt` (from 1).
 *
 * @example backoffDelay(DEFAULT_BACKOFF, 3, () => 0.5) === 4000
 * @example backoffDelay(DEFAULT_BACKOFF, 9, () => 0.5) === 30000
 */
export function backoffDelay(policy: Backoff, attempt: number, random: () => number = Math.random): number {
  const base = backoffBase(policy, attempt);
  const spread = base * policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(Math.min(policy.maxMs, base + spread)));
}

/**
 * The wait before retry number `attempt` before jitter: it grows, then stays at `maxMs`.
 *
 * @example backoffBase(DEFAULT_BACKOFF, 1) === 1000; backoffBase(DEFAULT_BACKOFF, 7) === 30000
 */
export function backoffBase(policy: Backoff, attempt: number): number {
  return Math.min(policy.maxMs, policy.initialMs * policy.factor ** Math.max(0, attempt - 1));
}

/** Waiting, as the reconnect loops do it, and the time those waits are measured in. */
export interface Waits {
  /** Resolves after `ms`, or at once when `signal` is aborted (before or during the wait). */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** Now, in milliseconds: how long an outage lasted is measured with it. */
  now(): number;
}

/** Real time. */
export const realWaits: Waits = {
  now: () => Date.now(),
  sleep(ms, signal) {
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      }
      signal.addEventListener('abort', done, { once: true });
    });
  },
};
