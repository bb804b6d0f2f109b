/**
 * The id an apology quotes and the log line carries, so a user's report finds its cause.
 */
import { randomUUID } from 'node:crypto';

/**
 * Eight hex characters: short enough to read out, unique enough to find in a day's log.
 *
 * @example newErrorId() // '3f9a0c1b'
 */
export function newErrorId(): string {
  return randomUUID().replace(/-/g, '').slice(0, 8);
}
