/**
 * One process-wide handler for promises rejected with nobody listening. Node's default is to
 * print a stack and exit, which for a chat bot means answers and digests stop until something
 * restarts it, over one forgotten `catch` in a library. Here each is logged once, with its
 * cause, and the bot keeps serving.
 */
import type { Logger } from './core/logger.ts';

/**
 * Installs the handler; the returned function removes it.
 *
 * @example const unguard = guardUnhandledRejections(log); … unguard();
 */
export function guardUnhandledRejections(log: Logger): () => void {
  const handler = (reason: unknown): void => {
    log.error({ err: reason }, 'a promise was rejected and nothing handled it; still serving');
  };
  process.on('unhandledRejection', handler);
  return () => {
    process.off('unhandledRejection', handler);
  };
}
