/**
 * What the store keeps of the answers posted on Slack and Discord: each reply whole (so a
 * "more" button on any replica can page through it, after a restart too) with what was asked
 * and cited, and the votes people give it: one per person per answer, a 👎 perhaps with the
 * reason "wrong source". Times are ISO 8601 strings in UTC.
 */
import type { CitationJson } from '../compose/citations.ts';
import type { Reply } from '../reply.ts';

export interface NewAnswer {
  /** Short and random: buttons carry it. */
  readonly id: string;
  readonly platform: string;
  /** The conversation it was given in, when it was. */
  readonly conversation: string | null;
  readonly command: string;
  /** The question or topic as typed, when there was one. */
  readonly question: string | null;
  readonly reply: Reply;
  readonly at: string;
}

export interface StoredAnswer extends NewAnswer {
  readonly citations: readonly CitationJson[];
}

export type Vote = 'up' | 'down';

export interface FeedbackRecord {
  readonly answer: string;
  readonly platform: string;
  readonly user: string;
  readonly vote: Vote;
  /** Why a 👎: 'wrong-source', or null when none was given. */
  readonly reason: string | null;
  readonly at: string;
  readonly command: string;
  readonly question: string | null;
  readonly citations: readonly CitationJson[];
}

/** What became of a vote. */
export type VoteOutcome = 'stored' | 'already-voted' | 'unknown-answer';
/** What became of a reason given for one's own 👎. */
export type ReasonOutcome = 'stored' | 'no-down-vote' | 'already-given';

export interface AnswerStore {
  saveAnswer(answer: NewAnswer): Promise<void>;
  /** The answer with this id, or null when it was never kept or has been pruned. */
  answer(id: string): Promise<StoredAnswer | null>;
  /** Records a person's vote on an answer, once: a second vote of theirs changes nothing. */
  vote(entry: { readonly answer: string; readonly platform: string; readonly user: string; readonly vote: Vote; readonly at: string }): Promise<VoteOutcome>;
  /** Adds a reason to this person's 👎 on the answer, once. */
  addReason(entry: {
    readonly answer: string;
    readonly platform: string;
    readonly user: string;
    readonly reason: string;
    readonly at: string;
  }): Promise<ReasonOutcome>;
  /** Votes, newest first, with the question and citations they are about; at most `limit`. */
  feedback(limit: number): Promise<readonly FeedbackRecord[]>;
  /** Forgets answers (and their votes) given before `before`; returns how many went. */
  pruneAnswers(before: string): Promise<number>;
}
