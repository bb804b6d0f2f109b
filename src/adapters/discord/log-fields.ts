/**
 * Errors from discord.js as log fields that carry the cause but no secret: a REST error's
 * URL holds the interaction token (`/webhooks/APP/TOKEN/…`) and its request body the
 * article text, so neither is logged; the route, method, status and Discord's code are.
 */
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

/** The fields a log line gets for `error`, under `err`. */
export function errorFields(error: unknown): { readonly err: Readonly<Record<string, unknown>> } {
  if (error instanceof DiscordAPIError) {
    return {
      err: { type: 'DiscordAPIError', message: error.message, status: error.status, code: error.code, method: error.method, route: routeOf(error.url) },
    };
  }
  if (error instanceof HTTPError) {
    return { err: { type: 'HTTPError', message: error.message, status: error.status, method: error.method, route: routeOf(error.url) } };
  }
  if (error instanceof RateLimitError) {
    return {
      err: {
        type: 'RateLimitError',
        message: 'rate limited for longer than a reply may wait',
        route: error.route,
        method: error.method,
        retryAfterMs: error.retryAfter,
        global: error.global,
      },
    };
  }
  if (error instanceof Error) {
    return { err: { type: error.name, message: scrub(error.message), stack: scrub(error.stack ?? '') } };
  }
  return { err: { type: typeof error, message: scrub(String(error)) } };
}

/**
 * The path of a Discord URL with ids and tokens replaced, as discord.js names its buckets.
 *
 * @example routeOf('http://127.0.0.1:9/api/v10/webhooks/1234567890123456789/aW50…/messages/@original')
 *   → '/webhooks/:id/:token/messages/@original'
 */
export function routeOf(url: string): string {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    path = url;
  }
  return scrub(path.replace(/^.*?\/v\d+(?=\/)/, ''));
}

/** Interaction and webhook tokens (the segment after an id in those routes) replaced by `:token`. */
function scrub(text: string): string {
  return text.replace(/(\/(?:webhooks|interactions)\/\d{15,25}\/)[^/\s?]+/g, '$1:token').replace(/\d{15,25}/g, ':id');
}
