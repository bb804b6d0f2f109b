/**
 * Lost or refused connections to PostgreSQL become `StoreUnavailableError`, so a command run
 * while the server restarts answers "the index is unavailable, try again shortly" instead of an
 * apology for a bug. The pool opens new connections once the server is back; nothing is retried
 * here, since a write that failed was not committed and its caller decides what to do.
 */
import { StoreUnavailableError } from '../../core/errors.ts';

/** Socket errors, and PostgreSQL's connection-exception (08…) and shutdown (57P0…) classes. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** True when `error` says the server could not be reached or went away, not that the query was wrong. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code))) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test(error.message);
}

/** Maps a connection error to StoreUnavailableError (keeping it as the cause); anything else unchanged. */
export function asUnavailable(error: unknown): unknown {
  return isConnectionError(error) ? new StoreUnavailableError('the PostgreSQL server cannot be reached', { cause: error }) : error;
}

/**
 * The same object with every method's rejections passed through `asUnavailable`, nested
 * objects (the sub-stores) wrapped alike.
 */
export function guardConnections<T extends object>(target: T): T {
  const guarded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'function') {
      guarded[key] = (...args: unknown[]) => {
        try {
          const result = (value as (...a: unknown[]) => unknown).apply(target, args);
          // A read that yields as it goes (`eachArticleEntities`) stays one, guarded item by item.
          if (isAsyncIterable(result)) return guardIterable(result);
          return Promise.resolve(result).catch((error: unknown) => {
            throw asUnavailable(error);
          });
        } catch (error) {
          return Promise.reject(asUnavailable(error));
        }
      };
    } else if (value !== null && typeof value === 'object') guarded[key] = guardConnections(value as object);
    else guarded[key] = value;
  }
  return guarded as T;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return value !== null && typeof value === 'object' && Symbol.asyncIterator in value && !('then' in value);
}

async function* guardIterable<T>(items: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* items;
  } catch (error) {
    throw asUnavailable(error);
  }
}
