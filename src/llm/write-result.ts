/**
 * What a write produces: the checked sentences, what was dropped and why, and what it cost.
 * A caller decides from it whether the written answer stands or the extractive one is posted.
 */
import type { CheckFailure } from './checker.ts';

/** A sentence that passed the checker: ready to become a `TextPart` with these citations. */
export interface CheckedSentence {
  /** Without citation markers; renderers add their own from `cites`. */
  readonly text: string;
  readonly cites: readonly number[];
}

export interface DroppedSentence {
  /** As the model wrote it, markers included. */
  readonly text: string;
  readonly cites: readonly number[];
  readonly failures: readonly CheckFailure[];
}

export interface TokenUsage {
  readonly prompt: number;
  readonly completion: number;
  readonly total: number;
  /** True when the endpoint reported no usage and the counts are estimated from text length. */
  readonly estimated: boolean;
}

export interface WriteResult {
  /** Sentences that passed, in the order written. */
  readonly sentences: readonly CheckedSentence[];
  /** Sentences the model wrote (not counting a NO_ANSWER reply). */
  readonly written: number;
  readonly passed: number;
  readonly dropped: readonly DroppedSentence[];
  /** The model said the passages do not answer. */
  readonly declined: boolean;
  readonly tokens: TokenUsage;
  readonly model: string;
  /** Requests made, retries included (0 when no request was needed). */
  readonly attempts: number;
  readonly ms: number;
  /** 'stop', 'length' (cut by the token limit) …, or null when the endpoint gave none. */
  readonly finishReason: string | null;
}

export interface SurvivalPolicy {
  /** Fewest passing sentences worth posting. */
  readonly minSentences: number;
  /** Smallest share of written sentences that must pass; below it the model was unreliable. */
  readonly minShare: number;
}

export const DEFAULT_SURVIVAL: SurvivalPolicy = { minSentences: 1, minShare: 0.5 };

/**
 * Whether enough of the written answer survived the checker to post it instead of the
 * extractive answer.
 * @example enoughSurvived({ passed: 3, written: 4, … }) // true
 * @example enoughSurvived({ passed: 1, written: 5, … }) // false: the model wrote mostly unsupported text
 */
export function enoughSurvived(result: Pick<WriteResult, 'passed' | 'written' | 'declined'>, policy: SurvivalPolicy = DEFAULT_SURVIVAL): boolean {
  if (result.declined || result.written === 0) return false;
  return result.passed >= policy.minSentences && result.passed / result.written >= policy.minShare;
}
