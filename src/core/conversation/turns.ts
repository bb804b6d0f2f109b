/**
 * What a conversation remembers between messages: the last few turns, each with the question
 * as typed and as read, the people and organisations it resolved to, what the reply quoted and
 * cited. It is plain data (JSON in the store), so a restarted process or another replica
 * carries the conversation on.
 */
import type { Gender } from '../analyse/lexicon/honorifics.ts';
import type { EntityKind } from '../article.ts';
import type { ParsedOptions } from '../command.ts';

/** How many turns a conversation keeps: enough for "he" to reach back a few questions. */
export const TURNS_KEPT = 6;

/** A story entity as a turn remembers it: enough to say its name and match a pronoun. */
export interface EntityRef {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly gender: Gender;
}

/** One citation of a reply (one article), as "source 2?" needs it later. */
export interface SourceRef {
  readonly n: number;
  readonly article: string;
  /** The first cited sentence's index, and its text. */
  readonly sentence: number | null;
  readonly text: string;
  /** Every sentence of the article the reply cited, the first first. */
  readonly texts: readonly string[];
  readonly outlet: string | null;
  readonly title: string;
  readonly published: string | null;
  readonly url: string | null;
}

/** A quotation a reply showed, so "what did he say next?" knows where to go on from. */
export interface QuotedRef {
  /** The speaker's story entity id, or null when the quotation has no linked speaker. */
  readonly speaker: string | null;
  readonly article: string;
  /** The quotation's words as the reply showed them. */
  readonly quote: string;
}

/** A concept of a turn's subject, with the kind of entity or place it names (null for a plain word). */
export interface SubjectConcept {
  readonly label: string;
  readonly kind: EntityKind | null;
}

/** A period a follow-up narrows to: ISO prefixes, either end open. */
export interface Period {
  /** Inclusive: "2019" or "2019-05". */
  readonly from?: string;
  /** Inclusive: "2019" or "2019-05". */
  readonly to?: string;
  /** How the user put it: "in 2019", "since May 2018". */
  readonly words: string;
}

export interface Turn {
  /** ISO 8601 time of the message. */
  readonly at: string;
  /** The message as typed. */
  readonly text: string;
  /** The command that answered it. */
  readonly command: string;
  /** Its options as run (after a follow-up was read into them). */
  readonly options: ParsedOptions;
  /** The question or topic as it was read: what "why?" or "and in 2019?" goes on from. */
  readonly subject: string | null;
  /** The concepts the subject was read into ("Joan Smith", "prices"), for a wh- follow-up. */
  readonly concepts: readonly SubjectConcept[];
  /** A period this turn was narrowed to, which a further follow-up keeps. */
  readonly period?: Period;
  /** People and organisations the turn is about, most salient first: the question's, then the reply's. */
  readonly entities: readonly EntityRef[];
  /** Quotations the reply showed. */
  readonly quoted: readonly QuotedRef[];
  /** The reply's citations (empty when it cited nothing). */
  readonly sources: readonly SourceRef[];
  /** Sentences shown for this subject so far (`shownKey`), so "more" shows new ones. */
  readonly shown: readonly string[];
}

/** A conversation as the store keeps it. */
export interface ConversationRecord {
  readonly key: string;
  /** Oldest first, at most `TURNS_KEPT`. */
  readonly turns: readonly Turn[];
  /** ISO 8601 time of the last turn. */
  readonly updatedAt: string;
}

/** The turns with one more, oldest dropped past the limit. */
export function withTurn(turns: readonly Turn[], turn: Turn): Turn[] {
  return [...turns, turn].slice(-TURNS_KEPT);
}
