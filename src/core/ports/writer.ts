/**
 * The port through which composers ask a language model to write prose from cited passages
 * (issue 6). Absent, every answer is extractive. The writer behind it checks every sentence
 * against the passages it cites before handing it over: what comes out of a `ProseRun` may
 * be shown to users as it arrives. It never throws for the endpoint's sake: a failure is an
 * outcome with a reason, so the composer can post the extractive answer instead.
 */
import type { Citation } from '../reply.ts';

/** What the writer is asked to write. */
export type ProseTask =
  /** An answer to a user's question. */
  | { readonly kind: 'answer'; readonly question: string }
  /** A summary of the story, a topic of it or one article: "the story so far", "security concerns". */
  | { readonly kind: 'summary'; readonly topic: string }
  /** A digest of what is new; `since` is how the reader knows the period ("Monday 9 March"), or null. */
  | { readonly kind: 'digest'; readonly since: string | null };

/** A stored quotation (with its speaker) or sentence of a passage's article: what quoted words must match. */
export interface SourceText {
  readonly text: string;
  /** The speaker's canonical name for a quotation; null for a plain sentence. */
  readonly speaker: string | null;
  readonly article: string;
}

export interface ProseRequest {
  readonly task: ProseTask;
  /** Numbered passages (n from 1); the numbers are what the written sentences cite. */
  readonly passages: readonly Citation[];
  /** Stored quotations and sentences of the passages' articles, for the verbatim check. */
  readonly sources: readonly SourceText[];
  /** Most sentences asked for. */
  readonly maxSentences?: number;
  readonly signal?: AbortSignal;
}

/** A sentence that passed the checker: plain text (no markers) and the passages it cites. */
export interface CheckedProse {
  readonly text: string;
  readonly cites: readonly number[];
}

export interface ProseResult {
  /** The sentences that passed, in the order written. */
  readonly sentences: readonly CheckedProse[];
  /** Sentences the model wrote, and how many of them passed. */
  readonly written: number;
  readonly passed: number;
  /** The model said the passages do not answer. */
  readonly declined: boolean;
  /** Whether the writer stands by the answer: it did not decline, and enough of it passed. */
  readonly enough: boolean;
  readonly tokens: number;
  readonly ms: number;
}

/** Why no written answer came: the endpoint's trouble, or the day's budget. */
export type ProseFailureReason =
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

export interface ProseFailure {
  readonly reason: ProseFailureReason;
  /** One line for the log (names the endpoint, never the key). */
  readonly detail: string;
}

export type ProseOutcome = { readonly ok: true; readonly result: ProseResult } | { readonly ok: false; readonly failure: ProseFailure };

/**
 * A write in progress: iterate it for checked sentences as they arrive (the iteration ends,
 * without throwing, when the write ends or fails); `outcome` resolves (never rejects) once
 * it is over.
 */
export interface ProseRun extends AsyncIterable<CheckedProse> {
  readonly outcome: Promise<ProseOutcome>;
}

export interface ProseWriter {
  /** The model and endpoint, for logs: "gpt-4o-mini at https://api.openai.com/v1". */
  readonly label: string;
  write(request: ProseRequest): ProseRun;
}
