/**
 * Connecting to a platform for as long as it takes: each failure waits the backoff and is
 * reported to the link monitor (which logs only the changes), a refusal of our credentials
 * ends the trying, and so does stopping the adapter.
 */
import { PlatformRefusedError } from '../../core/adapter.ts';
import { backoffBase, backoffDelay, type Backoff, type Waits } from './backoff.ts';
import type { LinkMonitor } from './link-monitor.ts';

/** What a failed attempt means: try again (saying why, in one line), or give up. */
export type AttemptFailure = { readonly cause: string } | { readonly refused: PlatformRefusedError };

export interface KeepTryingDeps {
  readonly monitor: LinkMonitor;
  readonly backoff: Backoff;
  readonly waits: Waits;
  /** What a failed attempt's error means; a refusal is a `PlatformRefusedError`. */
  readonly classify: (error: unknown) => AttemptFailure;
  /** Aborted when the adapter stops. */
  readonly signal: AbortSignal;
}

/**
 * Runs `attempt` until it succeeds (the link is then up) or the adapter stops; `failures`
 * earlier attempts have failed already (0: try at once). Rejects with the refusal when the
 * platform refuses our credentials, after telling the monitor.
 *
 * @example await keepTrying(() => client.start(), 1, { monitor, backoff, waits, classify, signal }) → 'connected'
 */
export async function keepTrying(attempt: () => Promise<void>, failures: number, deps: KeepTryingDeps): Promise<'connected' | 'stopped'> {
  for (let failed = failures; ; ) {
    if (failed > 0) {
      const waitMs = backoffDelay(deps.backoff, failed);
      deps.monitor.retrying(waitMs, backoffBase(deps.backoff, failed));
      await deps.waits.sleep(waitMs, deps.signal);
    }
    if (deps.signal.aborted) return 'stopped';
    const outcome = await tryOnce(attempt, deps.classify);
    if (deps.signal.aborted) return 'stopped';
    if (outcome === null) {
      deps.monitor.up();
      return 'connected';
    }
    if ('refused' in outcome) {
      deps.monitor.refusedWith(outcome.refused);
      throw outcome.refused;
    }
    deps.monitor.down(outcome.cause);
    failed += 1;
  }
}

/** One attempt: null when it succeeded, else what its failure means. */
export async function tryOnce(attempt: () => Promise<void>, classify: (error: unknown) => AttemptFailure): Promise<AttemptFailure | null> {
  try {
    await attempt();
    return null;
  } catch (error) {
    return error instanceof PlatformRefusedError ? { refused: error } : classify(error);
  }
}
