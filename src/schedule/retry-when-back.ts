/**
 * Digests that could not be posted while a platform was away are posted as soon as it is
 * back, not at their retry's time: each platform's link, when it reconnects, tells the
 * scheduler to retry that platform's failed posts now.
 */
import type { PlatformAdapter } from '../core/adapter.ts';
import type { Logger } from '../core/logger.ts';
import type { DigestScheduler } from './scheduler.ts';

/**
 * Wires every adapter that has a link to `scheduler.resume`.
 *
 * @example retryDigestsWhenBack([slack, discord], scheduler, log) // slack reconnects → scheduler.resume('slack')
 */
export function retryDigestsWhenBack(adapters: readonly PlatformAdapter[], scheduler: Pick<DigestScheduler, 'resume'>, log: Logger): void {
  for (const adapter of adapters) {
    adapter.link?.onConnected(() => {
      scheduler.resume(adapter.name).catch((error: unknown) => log.error({ err: error, platform: adapter.name }, 'retrying digests after the outage failed'));
    });
  }
}
