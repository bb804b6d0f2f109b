/**
 * What a failed request means: whether to try again (and after how long), and the
 * `WriterError` to give up with. The messages name the endpoint and what to check, for the
 * log line an operator reads; they never contain the API key.
 */
import { APIConnectionError, APIError } from 'openai';
import { WriterError } from './writer-error.ts';
import { clipText } from '../core/graphemes.ts';

export interface Failure {
  readonly retryable: boolean;
  /** What the server asked for with retry-after, in ms. */
  readonly retryAfterMs: number | null;
  readonly error: WriterError;
}

export interface FailureContext {
  /** The endpoint without credentials: 'http://127.0.0.1:11434/v1'. */
  readonly endpoint: string;
  readonly model: string;
}

/**
 * An endpoint URL safe to log: no user, password or query string.
 * @example describeEndpoint('https://user:secret@example.com/v1?key=k') // 'https://example.com/v1'
 */
export function describeEndpoint(baseURL: string): string {
  try {
    const url = new URL(baseURL);
    return `${url.protocol}//${url.host}${url.pathname.replace(/\/$/, '')}`;
  } catch {
    return '(an endpoint URL that does not parse)';
  }
}

/**
 * Milliseconds a response asks the client to wait: `retry-after-ms`, or `retry-after` as
 * seconds or as an HTTP date.
 * @example retryAfterMs(new Headers({ 'retry-after': '2' }), new Date()) // 2000
 */
export function retryAfterMs(headers: Headers | undefined, now: Date): number | null {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return null;
  const seconds = Number.parseFloat(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now.getTime()) : null;
}

/** A server's error text made fit for one log line: no markup, no more than 160 characters. */
function serverText(error: APIError): string {
  const text = error.message
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > 160 ? clipText(text, 158) : text;
}

function fromStatus(error: APIError, status: number, context: FailureContext, now: Date): Failure {
  const { endpoint, model } = context;
  const said = serverText(error);
  const final = (code: WriterError['code'], message: string): Failure => ({
    retryable: false,
    retryAfterMs: null,
    error: new WriterError(code, message, status, 0, [], { cause: error }),
  });
  if (status === 429) {
    return {
      retryable: true,
      retryAfterMs: retryAfterMs(error.headers, now),
      error: new WriterError('rate-limited', `${endpoint} is rate limiting requests (HTTP 429: ${said})`, status, 0, [], { cause: error }),
    };
  }
  if (status >= 500) {
    return {
      retryable: true,
      retryAfterMs: null,
      error: new WriterError('unavailable', `${endpoint} failed with HTTP ${status}: ${said}`, status, 0, [], { cause: error }),
    };
  }
  if (status === 404) {
    const aboutModel = error.code === 'model_not_found' || /\bmodel\b/i.test(said);
    return aboutModel
      ? final('unknown-model', `${endpoint} does not know the model "${model}" (HTTP 404: ${said}); check BRIEFBOT_LLM_MODEL`)
      : final('not-openai', `${endpoint} has no chat completions API (HTTP 404); check OPENAI_BASE_URL (most servers end it in /v1)`);
  }
  if (status === 401 || status === 403) {
    return final('unauthorized', `${endpoint} refused the API key (HTTP ${status}); check OPENAI_API_KEY`);
  }
  return final('bad-request', `${endpoint} refused the request (HTTP ${status}: ${said})`);
}

/**
 * Classifies an error thrown while requesting or reading a completion.
 * @example classifyFailure(new SyntaxError('Unexpected token'), context, now).error.code // 'malformed-response'
 */
export function classifyFailure(error: unknown, context: FailureContext, now: Date): Failure {
  const { endpoint } = context;
  if (error instanceof WriterError) return { retryable: false, retryAfterMs: null, error };
  if (error instanceof APIConnectionError) {
    const cause = error.cause as { code?: string; cause?: { code?: string } } | undefined;
    const why = cause?.cause?.code ?? cause?.code ?? error.message;
    return {
      retryable: true,
      retryAfterMs: null,
      error: new WriterError('unavailable', `could not reach ${endpoint} (${why})`, null, 0, [], { cause: error }),
    };
  }
  if (error instanceof APIError && typeof error.status === 'number') return fromStatus(error, error.status, context, now);
  if (error instanceof APIError) {
    return {
      retryable: false,
      retryAfterMs: null,
      error: new WriterError('unavailable', `${endpoint} reported an error in the stream: ${serverText(error)}`, null, 0, [], { cause: error }),
    };
  }
  if (error instanceof SyntaxError) {
    return {
      retryable: false,
      retryAfterMs: null,
      error: new WriterError('malformed-response', `${endpoint} sent a response that is not valid JSON; is it an OpenAI-compatible server?`, null, 0, [], {
        cause: error,
      }),
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    retryable: true,
    retryAfterMs: null,
    error: new WriterError('unavailable', `the connection to ${endpoint} failed (${message})`, null, 0, [], { cause: error }),
  };
}
