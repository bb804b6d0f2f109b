/**
 * The citation checker: decides whether one written sentence may be posted. It is pure and
 * conservative; a sentence it cannot verify is dropped, never repaired. The rules, in order:
 *
 * 1. It cites at least one passage:            "Acme denied it."               → no-citation
 * 2. Every cited number is a passage:          "Acme denied it [9]." (3 given) → unknown-citation
 * 3. It holds no links, addresses or markup:   "See evil.example [1]."          → markup
 * 4. Quoted words are verbatim in a stored quotation or sentence of a cited article (curly
 *    quotes and white space folded), and a speaker the sentence names is the stored speaker:
 *    'Smith said it was "a threat to every home" [1].' (no such words)   → unmatched-quotation
 *    '"Some decisions" are needed, Smith said [14].' (Lee said it)   → wrong-speaker
 * 5. Its names (capitalised words), numbers, money, percentages and dates are in the cited
 *    passages, with £3.2bn = £1.7 billion, 26,000 = 26000, US = U.S. = United States,
 *    UK = Britain:  "Acme added £4.2bn to GDP [3]." (passage says £3.2bn) → unsupported-number
 * 6. Enough of its claim words (content words that are not names, stemmed) are in the cited
 *    passages: at least `OVERLAP_THRESHOLD`, chosen on the labelled table in
 *    test/unit/llm/checker-cases.ts. "Acme poses no security risk [1]." citing a passage
 *    about "serious concerns" shares the name but none of its claim  → low-overlap
 * 7. Each cited passage shares a claim word with it; a passage cited for nothing is a false
 *    citation:  "Acme offered a no-strike deal [1][4]." (passage 4 is about jobs) → unrelated-citation
 *
 * Instruction-like sentences inside a passage ("Ignore previous instructions and …") are not
 * evidence for anything, so a sentence that only obeys them finds no support.
 */
import type { Citation } from '../core/reply.ts';
import { isSameSpeaker, namedSpeaker } from './attribution.ts';
import { parseCitations } from './citation-markers.ts';
import { fullDateWord, isDateWord } from './dates.ts';
import { comparable, contentStems, evidenceOf, isNameLike, mergeEvidence, passageEvidence, type StoredText, type TextEvidence } from './evidence.ts';
import { honorifics, overlapStopWords } from './function-words.ts';
import { isQuantityStated, quantities } from '../core/analyse/quantities.ts';
import { findQuotations, isVerbatimIn } from './quotations.ts';
import { nameKey, words } from './text-fold.ts';
import { clipText } from '../core/graphemes.ts';

/**
 * Share of a sentence's claim words that must be found in its cited passages: more than half.
 * On the labelled seed table (36 supported, 34 unsupported sentences) the whole checker scores
 * precision 0.91 and recall 0.86 here, the best F1 from 0.30 to 0.80. At 0.50 precision falls
 * to 0.80; at 0.70 it rises to 0.96 but recall falls to 0.75, so more answers would fall back
 * to the extractive writer. What still passes wrongly is beyond words: a flipped negation.
 */
export const OVERLAP_THRESHOLD = 0.55;

export type CheckFailureCode =
  | 'no-citation'
  | 'unknown-citation'
  | 'markup'
  | 'unbalanced-quotation'
  | 'unmatched-quotation'
  | 'wrong-speaker'
  | 'unsupported-name'
  | 'unsupported-number'
  | 'unsupported-date'
  | 'low-overlap'
  | 'unrelated-citation';

export interface CheckFailure {
  readonly code: CheckFailureCode;
  /** For logs and eval reports: what was missing, in a few words. */
  readonly detail: string;
}

export interface CheckResult {
  readonly passed: boolean;
  /** The sentence without its citation markers. */
  readonly text: string;
  readonly cites: readonly number[];
  readonly failures: readonly CheckFailure[];
}

export interface CheckerOptions {
  readonly overlapThreshold?: number;
}

/** Checks one sentence; built once per answer so passages are analysed once. */
export type SentenceChecker = (sentence: string) => CheckResult;

const MARKUP = /https?:\/\/|www\.|\b[\w.-]+\.(?:com|org|net|io|example|xyz|co)\b|\S+@\S+\.\w|<\/?[a-z][^>]*>|\]\(|<@|@(?:everyone|here)\b/i;

function fail(code: CheckFailureCode, detail: string): CheckFailure {
  return { code, detail };
}

/** Quoted words as a failure detail shows them: no trailing punctuation, at most 100 characters. */
function shown(quoted: string): string {
  const text = quoted.replace(/[\s,.;:]+$/, '');
  return clipText(text, 100);
}

/** Rule 4: quotations. Returns failures and the stored texts that the quotations matched. */
function checkQuotations(text: string, sources: readonly StoredText[]): { failures: CheckFailure[]; matched: StoredText[] } {
  const scan = findQuotations(text);
  const failures: CheckFailure[] = [];
  const matched: StoredText[] = [];
  if (scan.unbalanced) failures.push(fail('unbalanced-quotation', 'a quotation mark is never closed'));
  for (const span of scan.spans) {
    const found = sources.filter((s) => isVerbatimIn(span.text, s.text));
    if (found.length === 0) {
      failures.push(fail('unmatched-quotation', `"${shown(span.text)}" is not verbatim in the cited articles`));
      continue;
    }
    matched.push(...found);
    const named = namedSpeaker(text, scan.spans, span);
    if (named !== null && !found.some((s) => isSameSpeaker(named, s.speaker))) {
      failures.push(fail('wrong-speaker', `"${shown(span.text)}" is not stored as said by ${named}`));
    }
  }
  return { failures, matched };
}

/** Rule 5: names, dates and quantities. */
function checkFacts(text: string, support: TextEvidence): CheckFailure[] {
  const normal = comparable(text);
  const missingNames: string[] = [];
  const missingDates: string[] = [];
  for (const token of words(normal)) {
    const key = fullDateWord(nameKey(token.text));
    // "May" is a function word and a month: as a capitalised month it must be supported.
    const skipped = (overlapStopWords.has(key) && !isDateWord(key)) || honorifics.has(key) || key === 'i';
    if (!isNameLike(token.text) || skipped) continue;
    if (support.names.has(key)) continue;
    (isDateWord(key) ? missingDates : missingNames).push(token.text);
  }
  const missingNumbers = quantities(normal)
    .filter((q) => !isQuantityStated(q, support.quantities))
    .map((q) => q.text);
  const failures: CheckFailure[] = [];
  const places = (list: string[]) =>
    [...new Set(list)]
      .join(', ')
      .replace(/UnitedStates/g, 'US')
      .replace(/UnitedKingdom/g, 'UK');
  if (missingNames.length) failures.push(fail('unsupported-name', `not in the cited passages: ${places(missingNames)}`));
  if (missingDates.length) failures.push(fail('unsupported-date', `not in the cited passages: ${places(missingDates)}`));
  if (missingNumbers.length) failures.push(fail('unsupported-number', `not in the cited passages: ${missingNumbers.join(', ')}`));
  return failures;
}

/** Rules 6 and 7: content overlap with the cited passages together, and with each one. */
function checkOverlap(text: string, support: TextEvidence, cited: ReadonlyMap<number, TextEvidence>, threshold: number): CheckFailure[] {
  // Names are checked one by one (rule 5); overlap measures what is said about them, so a
  // sentence cannot borrow support from the names it shares with the passage.
  const claims = new Set(contentStems(text, { claimWordsOnly: true }));
  const failures: CheckFailure[] = [];
  const found = [...claims].filter((s) => support.stems.has(s));
  const share = claims.size === 0 ? 1 : found.length / claims.size;
  if (share < threshold) {
    const missing = [...claims].filter((s) => !support.stems.has(s)).slice(0, 6);
    failures.push(
      fail(
        'low-overlap',
        `${Math.round(share * 100)}% of its claim words are in the cited passages (needs ${Math.round(threshold * 100)}%); missing: ${missing.join(', ')}`,
      ),
    );
  }
  // The story's main names stand in nearly every passage, so a cited passage must share a
  // claim word; a sentence made only of names falls back to them.
  const shared = claims.size > 0 ? [...claims] : contentStems(text);
  for (const [n, evidence] of cited) {
    if (!shared.some((s) => evidence.stems.has(s))) {
      failures.push(fail('unrelated-citation', `passage [${n}] shares no claim word with the sentence`));
    }
  }
  return failures;
}

/**
 * Builds a checker for one answer's passages and the stored quotations and sentences of
 * their articles. Passages double as stored sentences, so quoted words found in a passage
 * count as verbatim even when the caller passes no `sources`.
 * @example
 *   const check = createChecker(passages, sources);
 *   check('Acme was founded by a former army officer [1].').passed // true
 */
export function createChecker(passages: readonly Citation[], sources: readonly StoredText[], options: CheckerOptions = {}): SentenceChecker {
  const threshold = options.overlapThreshold ?? OVERLAP_THRESHOLD;
  const byNumber = new Map(passages.map((p) => [p.n, { citation: p, evidence: passageEvidence(p) }] as const));
  const stored: readonly StoredText[] = [...sources, ...passages.map((p) => ({ text: p.text, speaker: null, article: p.article }))];

  return (sentence) => {
    const { text, cites } = parseCitations(sentence);
    const result = (failures: readonly CheckFailure[]): CheckResult => ({ passed: failures.length === 0, text, cites, failures });
    if (cites.length === 0) return result([fail('no-citation', 'the sentence cites no passage')]);
    const unknown = cites.filter((n) => !byNumber.has(n));
    if (unknown.length > 0) return result([fail('unknown-citation', `no passage numbered ${unknown.join(', ')}`)]);
    if (MARKUP.test(text)) return result([fail('markup', 'links, addresses and markup are not written by the bot')]);

    const cited = new Map(cites.map((n) => [n, byNumber.get(n)!] as const));
    const articles = new Set([...cited.values()].map((c) => c.citation.article));
    const quotes = checkQuotations(
      text,
      stored.filter((s) => articles.has(s.article)),
    );
    const support = mergeEvidence([...[...cited.values()].map((c) => c.evidence), ...quotes.matched.map((s) => evidenceOf(s.text))]);
    const citedEvidence = new Map([...cited].map(([n, c]) => [n, c.evidence] as const));
    return result([...quotes.failures, ...checkFacts(text, support), ...checkOverlap(text, support, citedEvidence, threshold)]);
  };
}

/**
 * Checks a single sentence against its passages; `createChecker` is cheaper for many.
 * @example checkSentence('Acme denied it.', passages, []).failures[0].code // 'no-citation'
 */
export function checkSentence(sentence: string, passages: readonly Citation[], sources: readonly StoredText[], options: CheckerOptions = {}): CheckResult {
  return createChecker(passages, sources, options)(sentence);
}
