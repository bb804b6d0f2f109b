/**
 * What the fake OpenAI server does with one chat completion request. A test scripts these
 * (per request or as a queue) to play a good model, a bad model or a broken endpoint.
 */

export interface Usage {
  readonly prompt_tokens: number;
  readonly completion_tokens: number;
}

export type FakeBehaviour =
  /** Answers with this text: streamed in chunks when asked to stream, whole otherwise. */
  | {
      readonly kind: 'answer';
      readonly text: string;
      /** Characters per streamed chunk (default 16). */
      readonly chunkChars?: number;
      /** Pause between streamed chunks (default 0). */
      readonly chunkDelayMs?: number;
      /** Usage to report; 'omit' reports none even when asked; default counts characters / 4. */
      readonly usage?: Usage | 'omit';
    }
  /** Waits before sending the first byte (headers included), then behaves as `then`. */
  | { readonly kind: 'delay'; readonly ms: number; readonly then: FakeBehaviour }
  /** Streams the first `afterChars` characters of `text`, then sends nothing more and keeps the connection open. */
  | { readonly kind: 'stall'; readonly text: string; readonly afterChars: number }
  /** An HTTP error in OpenAI's error shape. */
  | {
      readonly kind: 'error';
      readonly status: number;
      readonly message: string;
      readonly type: string;
      readonly code: string | null;
      readonly headers?: Readonly<Record<string, string>>;
    }
  /** A 200 whose body (or first stream chunk) is not valid JSON. */
  | { readonly kind: 'malformed-json' }
  /** A completion with no content at all. */
  | { readonly kind: 'empty' }
  /** A web page answering 200, as a server that is not an OpenAI API would. */
  | { readonly kind: 'html' }
  /** Closes the connection without answering. */
  | { readonly kind: 'reset' };

export const answer = (text: string, options: { chunkChars?: number; chunkDelayMs?: number; usage?: Usage | 'omit' } = {}): FakeBehaviour => ({
  kind: 'answer',
  text,
  ...options,
});

export const delayed = (ms: number, then: FakeBehaviour): FakeBehaviour => ({ kind: 'delay', ms, then });

export const stall = (text: string, afterChars: number): FakeBehaviour => ({ kind: 'stall', text, afterChars });

export const serverError = (status = 500): FakeBehaviour => ({
  kind: 'error',
  status,
  message: 'The server had an error while processing your request. Sorry about that!',
  type: 'server_error',
  code: null,
});

export const rateLimited = (retryAfterSeconds: number): FakeBehaviour => ({
  kind: 'error',
  status: 429,
  message: 'Rate limit reached for requests. Please try again later.',
  type: 'requests',
  code: 'rate_limit_exceeded',
  headers: { 'retry-after': String(retryAfterSeconds) },
});

export const unknownModel = (model: string): FakeBehaviour => ({
  kind: 'error',
  status: 404,
  message: `The model \`${model}\` does not exist or you do not have access to it.`,
  type: 'invalid_request_error',
  code: 'model_not_found',
});

export const malformedJson = (): FakeBehaviour => ({ kind: 'malformed-json' });
export const emptyCompletion = (): FakeBehaviour => ({ kind: 'empty' });
export const htmlPage = (): FakeBehaviour => ({ kind: 'html' });
export const connectionReset = (): FakeBehaviour => ({ kind: 'reset' });
