/**
 * The one error the writer throws. Whatever went wrong (the endpoint is down, slow, rate
 * limited, not an OpenAI server, or the day's token budget is spent), the caller does the
 * same thing: post the extractive answer, with a short note, and log `code` and `message`.
 */
import type { ProseFailureReason } from '../core/ports/writer.ts';

/** Why the writer gave up: the port's failure reasons (src/core/ports/writer.ts), one name for both. */
export type WriterErrorCode = ProseFailureReason;

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
