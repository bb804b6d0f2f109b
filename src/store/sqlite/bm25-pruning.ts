/**
 * An exact early stop for FTS5's bm25 top-k over an OR of phrases (MaxScore's bound, used as a
 * filter). Ranking is what costs: FTS5 scores a matching sentence at about a microsecond (its
 * length read from `%_docsize`, its phrase instances gathered), while merely walking the
 * postings costs a tenth of that. A question of five common words and a few rare ones matches
 * 100,000 sentences at 100k articles, and most match one common word only.
 *
 * A phrase adds at most `idf × (k1 + 1)` to a sentence's score (its share `f(k1+1)/(f + k1·…)` is
 * below k1 + 1 whatever the counts). So a sentence holding none of the rare phrases and only one
 * of the common words scores below that word's bound. Only the other sentences, the
 * *candidates*, are ranked (FTS5's own bm25 of the whole query, so scores and ties are FTS5's);
 * if the k-th of them scores above every common word's bound, no other sentence can enter the
 * top k, and the answer is exactly the unpruned one. If not, the k-th candidate's score is one
 * the true k-th reaches: a second try makes the common words whose bound reaches it candidates
 * on their own and still leaves the others out (MaxScore's essential and non-essential terms);
 * only when nothing can be left out does the caller rank everything.
 */
import { ftsMatchExpression } from './fts-query.ts';

/** FTS5's bm25 constants k1 and b (fts5_aux.c): a phrase's share of its IDF is below k1 + 1. */
const K1 = 1.2;
const B = 0.75;

export interface PruningPlan {
  /** FTS5 MATCH expression of the candidates: any rare phrase, or two of the common words. */
  readonly candidates: string;
  /** The most a non-candidate sentence can score: the largest common word's bound. */
  readonly bound: number;
  /** The common words' sentences, counted word by word: at most this many are left unranked. */
  readonly leftOut: number;
}

export interface PruningOptions {
  /** The index's average sentence length in tokens: tightens the bound (see `phraseBound`). */
  readonly averageLength?: number;
  /**
   * A score the k-th hit is known to reach (that of a failed try's k-th candidate): a common
   * word whose bound reaches it is a candidate on its own, the others stay left out. Replaces
   * `minPostings`: whatever is still left out is ranked no more.
   */
  readonly floor?: number;
}

export interface PruningTuning {
  /** A word is common when at least this share of the indexed sentences hold it. */
  readonly commonShare: number;
  /** Pruning is tried only when the common words' sentences add up to this many (below, ranking all is cheap). */
  readonly minPostings: number;
}

/** Tried at 100k articles (1.8M sentences): words in 4,500+ sentences; 20,000 sentences of them at least (below, the
 * sentences a retry would rank again cost less than a failed try). */
export const PRUNING_TUNING: PruningTuning = { commonShare: 1 / 400, minPostings: 20_000 };

/** A phrase of the query: the user's term and the tokens the index's tokenizer makes of it. */
export interface QueryPhrase {
  readonly text: string;
  readonly tokens: readonly string[];
}

/**
 * FTS5's upper bound of what a phrase held by `documents` of `sentences` sentences adds to a
 * score, made a little larger (counts taken 0.1% smaller and larger) so that a count off by a
 * few can only make the filter keep more.
 *
 * With the index's average sentence length (tokens), the bound is some 4% tighter: a phrase of
 * one token found f times in a sentence of D tokens adds `idf × f(k1+1) / (f + k1(1 − b + b·D/avgdl))`,
 * and D ≥ f, so its share stays below `(k1+1) / (1 + k1·b/avgdl)` however often it is repeated
 * (a longer average, taken 0.1% longer, only loosens it). Tight enough that a question of two
 * common words ("deal", "cost") at 100k articles ranks a few thousand sentences, not 40,000.
 * Only for phrases of one token: a phrase of n tokens found f times needs n·f of them.
 */
export function phraseBound(documents: number, sentences: number, averageLength?: number): number {
  const n = sentences * 1.001 + 1;
  const hits = Math.max(0, documents * 0.999 - 1);
  const idf = Math.log((n - hits + 0.5) / (hits + 0.5));
  const share = averageLength !== undefined && averageLength > 0 ? (K1 + 1) / (1 + (K1 * B) / (averageLength * 1.001)) : K1 + 1;
  return Math.max(idf, 1e-6) * share * (1 + 1e-6);
}

/**
 * The candidates' expression and the bound, or null when pruning cannot pay (no common word,
 * too few of their sentences, two common words and no rarer phrase) or cannot apply (a phrase
 * the tokenizer makes nothing of).
 * Common words are single-token phrases no other phrase of the query repeats ("economic" and
 * "economical" are both "econom": a sentence holding it holds two phrases, so it is not common).
 *
 * With `options.averageLength` the bound is tighter (see `phraseBound`); with `options.floor`,
 * the common words that could reach it alone are candidates like rare phrases (MaxScore's
 * essential terms): a second try after a failed one, exact whatever the outcome of the first.
 *
 * @example with "minister" and "economy" common and "ministerial" rare:
 *   candidates '"ministerial" OR ("economy" AND ("minister"))', bound of "economy"
 */
export function planPruning(
  phrases: readonly QueryPhrase[],
  documents: (token: string) => number,
  sentences: number,
  tuning: PruningTuning = PRUNING_TUNING,
  options: PruningOptions = {},
): PruningPlan | null {
  const { averageLength, floor } = options;
  if (phrases.length === 0 || phrases.some((phrase) => phrase.tokens.length === 0)) return null;
  const perToken = new Map<string, number>();
  for (const phrase of phrases) if (phrase.tokens.length === 1) perToken.set(phrase.tokens[0]!, (perToken.get(phrase.tokens[0]!) ?? 0) + 1);
  const common: { text: string; documents: number; bound: number }[] = [];
  const rare: string[] = [];
  for (const phrase of phrases) {
    const token = phrase.tokens.length === 1 ? phrase.tokens[0]! : null;
    const count = token === null ? 0 : documents(token);
    const bound = phraseBound(count, sentences, averageLength);
    if (token !== null && perToken.get(token) === 1 && count >= sentences * tuning.commonShare && (floor === undefined || bound < floor)) {
      common.push({ text: phrase.text, documents: count, bound });
    } else rare.push(phrase.text);
  }
  const leftOut = common.reduce((sum, word) => sum + word.documents, 0);
  if (common.length === 0 || (floor === undefined && leftOut < tuning.minPostings)) return null;
  // Two common words and nothing rarer: the candidates hold both, and such a sentence seldom
  // scores above what one of the words can add alone ("security concerns" at 100k: every try
  // failed), so the try would only add to ranking everything.
  if (floor === undefined && rare.length === 0 && common.length < 3) return null;
  // Two of the common words: each with any of those after it (rarer first, so FTS5's AND skips most).
  common.sort((a, b) => a.documents - b.documents);
  const quote = (text: string) => ftsMatchExpression([text], 'any');
  const pairs = common.slice(0, -1).map(
    (word, i) =>
      `(${quote(word.text)} AND (${common
        .slice(i + 1)
        .map((other) => quote(other.text))
        .join(' OR ')}))`,
  );
  const parts = [...rare.map(quote), ...pairs].filter((part): part is string => part !== null);
  if (parts.length === 0) return null;
  return { candidates: parts.join(' OR '), bound: Math.max(...common.map((word) => word.bound)), leftOut };
}
