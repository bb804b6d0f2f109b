/**
 * Failures a test asks for ahead of time (`fake.failNext(…)`): the next calls to one
 * method answer 429, 5xx or `{ ok: false, error }` instead of being served.
 */
import type { FailureSpec } from './types.ts';

/** What the server sends instead of serving the call. */
export type InjectedFailure =
  | { readonly kind: 'http'; readonly status: number; readonly retryAfter?: number }
  | { readonly kind: 'error'; readonly error: string };

interface PendingFailure {
  readonly spec: FailureSpec;
  remaining: number;
}

export class FailureQueue {
  private readonly pending: PendingFailure[] = [];

  add(spec: FailureSpec): void {
    const times = spec.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error(`failNext: times must be a positive integer, got ${times}`);
    this.pending.push({ spec, remaining: times });
  }

  /** Takes one failure for this method, oldest rule first, or undefined to serve the call. */
  take(method: string): InjectedFailure | undefined {
    const index = this.pending.findIndex((p) => p.spec.method === method);
    const entry = this.pending[index];
    if (!entry) return undefined;
    entry.remaining -= 1;
    if (entry.remaining === 0) this.pending.splice(index, 1);
    const { spec } = entry;
    if ('error' in spec) return { kind: 'error', error: spec.error };
    if (spec.status === 429) return { kind: 'http', status: 429, retryAfter: spec.retryAfter ?? 1 };
    return { kind: 'http', status: spec.status };
  }

  /** How many injected failures are still waiting; a test can assert they were all used. */
  remaining(): number {
    return this.pending.reduce((sum, p) => sum + p.remaining, 0);
  }

  clear(): void {
    this.pending.length = 0;
  }
}
