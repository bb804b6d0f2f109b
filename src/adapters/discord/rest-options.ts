/**
 * How the Discord REST client retries, shared by the gateway client and the deploy script:
 * a server error (5xx) or a timeout is retried three times; a rate limit (429) is waited out
 * as Discord asks, unless the wait is longer than a reply is worth, when the request fails
 * with a RateLimitError instead of holding an answer for minutes.
 */
import { REST, type RESTOptions, type RateLimitData } from 'discord.js';

/** A rate-limit wait longer than this fails the request (and the failure is logged). */
export const MAX_RATE_LIMIT_WAIT_MS = 20_000;

/** Options for discord.js's REST client; `api` is the base URL without the version (`…/api`). */
export function restOptions(api: string | undefined, timeoutMs = 15_000): Partial<RESTOptions> {
  return {
    ...(api ? { api: api.replace(/\/+$/, '') } : {}),
    retries: 3,
    timeout: timeoutMs,
    rejectOnRateLimit: (data: RateLimitData) => data.retryAfter > MAX_RATE_LIMIT_WAIT_MS,
  };
}

/** A REST client with the bot token, for use without a gateway connection (the deploy script). */
export function createRest(token: string, api: string | undefined): REST {
  return new REST(restOptions(api)).setToken(token);
}

/** Stops the REST client's sweeper timers, so a one-shot script can end. */
export function closeRest(rest: REST): void {
  rest.clearHashSweeper();
  rest.clearHandlerSweeper();
}
