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
 * top k, and the answer is exactly the unpruned one. If not, the caller ranks everything.
 */
import { ftsMatchExpression } from './fts-query.ts';

/** FTS5's bm25 constant k1 (fts5_aux.c): a phrase's share of its IDF is below k1 + 1. */
const K1 = 1.2;

export interface PruningPlan {
  /** FTS5 MATCH expression of the candidates: any rare phrase, or two of the common words. */
  readonly candidates: string;
  /** The most a non-candidate sentence can score: the largest common word's bound. */
  readonly bound: number;
}

export interface PruningTuning {
  /** A word is common when at least this share of the indexed sentences hold it. */
  readonly commonShare: number;
  /** Pruning is tried only when the common words' sentences add up to this many (below, ranking all is cheap). */
  readonly minPostings: number;
}

/** Tried at 100k articles (1.8M sentences): words in 4,500+ sentences; 50,000 sentences of them at least. */
export const PRUNING_TUNING: PruningTuning = { commonShare: 1 / 400, minPostings: 50_000 };

/** A phrase of the query: the user's term and the tokens the index's tokenizer makes of it. */
export interface QueryPhrase {
  readonly text: string;
  readonly tokens: readonly string[];
}

/**
 * FTS5's upper bound of what a phrase held by `documents` of `sentences` sentences adds to a
 * score, made a little larger (counts taken 0.1% smaller and larger) so that a count off by a
 * few can only make the filter keep more.
 */
export function phraseBound(documents: number, sentences: number): number {
  const n = sentences * 1.001 + 1;
  const hits = Math.max(0, documents * 0.999 - 1);
  const idf = Math.log((n - hits + 0.5) / (hits + 0.5));
  return Math.max(idf, 1e-6) * (K1 + 1) * (1 + 1e-6);
}

/**
 * The candidates' expression and the bound, or null when pruning cannot pay (no common word,
 * too few of their sentences) or cannot apply (a phrase the tokenizer makes nothing of).
 * Common words are single-token phrases no other phrase of the query repeats ("economic" and
 * "economical" are both "econom": a sentence holding it holds two phrases, so it is not common).
 *
 * @example with "minister" and "economy" common and "ministerial" rare:
 *   candidates '"ministerial" OR ("economy" AND ("minister"))', bound of "economy"
 */
export function planPruning(
  phrases: readonly QueryPhrase[],
  documents: (token: string) => number,
  sentences: number,
  tuning: PruningTuning = PRUNING_TUNING,
): PruningPlan | null {
  if (phrases.length === 0 || phrases.some((phrase) => phrase.tokens.length === 0)) return null;
  const perToken = new Map<string, number>();
  for (const phrase of phrases) if (phrase.tokens.length === 1) perToken.set(phrase.tokens[0]!, (perToken.get(phrase.tokens[0]!) ?? 0) + 1);
  const common: { text: string; documents: number }[] = [];
  const rare: string[] = [];
  for (const phrase of phrases) {
    const token = phrase.tokens.length === 1 ? phrase.tokens[0]! : null;
    const count = token === null ? 0 : documents(token);
    if (token !== null && perToken.get(token) === 1 && count >= sentences * tuning.commonShare) common.push({ text: phrase.text, documents: count });
    else rare.push(phrase.text);
  }
  if (common.length === 0 || common.reduce((sum, word) => sum + word.documents, 0) < tuning.minPostings) return null;
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
  return { candidates: parts.join(' OR '), bound: Math.max(...common.map((word) => phraseBound(word.documents, sentences))) };
}
