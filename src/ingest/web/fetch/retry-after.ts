/**
 * How long a server asks us to wait (`Retry-After`): a number of seconds or an HTTP date.
 */

/** The longest wait honoured: a server asking for more is polled again after a day. */
export const MAX_RETRY_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Milliseconds to wait from `now`, or null when the header is absent or unreadable.
 *
 * @example retryAfterMs('120', now) === 120000
 * @example retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', new Date('2026-10-21T07:27:00Z')) === 60000
 */
export function retryAfterMs(value: string | null, now: Date): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Math.min(Number(text) * 1000, MAX_RETRY_AFTER_MS);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.min(Math.max(0, at - now.getTime()), MAX_RETRY_AFTER_MS);
}
