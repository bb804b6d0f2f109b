/**
 * The one error the writer throws. Whatever went wrong (the endpoint is down, slow, rate
 * limited, not an OpenAI server, or the day's token budget is spent), the caller does the
 * same thing: post the extractive answer, with a short note, and log `code` and `message`.
 */

export type WriterErrorCode =
  /** The day's token budget (BRIEFBOT_LLM_DAILY_TOKENS) is spent; no request was made. */
  | 'budget-exhausted'
  /** No answer began within the request timeout (all attempts and waits included). */
  | 'timeout'
  /** The answer began, then no chunk arrived within the stall timeout. */
  | 'stalled'
  /** Network errors or 5xx answers, after the allowed retries. */
  | 'unavailable'
  /** 429 after the allowed retries, or a retry-after longer than the time left. */
  | 'rate-limited'
  /** A body or stream chunk that is not the JSON an OpenAI server sends. */
  | 'malformed-response'
  /** The model finished without writing anything. */
  | 'empty-completion'
  /** 404 for the model name (BRIEFBOT_LLM_MODEL). */
  | 'unknown-model'
  /** Something answered that is not an OpenAI-compatible API (an HTML page, a 404 for the path). */
  | 'not-openai'
  /** 401 or 403: the key was refused. */
  | 'unauthorized'
  /** 400 or 422: the endpoint refused the request itself (a context too long, a parameter). */
  | 'bad-request'
  /** The caller cancelled through its AbortSignal. */
  | 'aborted';

/** A sentence the writer yielded before the failure; the caller may have shown it already. */
export interface YieldedSentence {
  readonly text: string;
  readonly cites: readonly number[];
}

export class WriterError extends Error {
  override readonly name = 'WriterError';

  /**
   * @param code what kind of failure, for logs and for choosing the note shown to users
   * @param message one line for the log, naming the endpoint (never the key) and what to check
   * @param status the HTTP status, when there was one
   * @param attempts how many requests were made (0 when none was)
   * @param yielded checked sentences already yielded before the failure
   */
  constructor(
    readonly code: WriterErrorCode,
    message: string,
    readonly status: number | null = null,
    readonly attempts = 0,
    readonly yielded: readonly YieldedSentence[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The same error, with the attempts and yielded sentences of the run filled in. */
  withRun(attempts: number, yielded: readonly YieldedSentence[]): WriterError {
    return new WriterError(this.code, this.message, this.status, attempts, yielded, { cause: this.cause });
  }
}

export function isWriterError(error: unknown): error is WriterError {
  return error instanceof WriterError;
}
