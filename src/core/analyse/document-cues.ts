/*
 * Documents as sources: the report, study, complaint or letter that is the subject of a verb of
 * speech or finding ("A GAO report released last year found", "The complaint, which was filed on
 * Tuesday, alleged", "a letter from the Legion obtained by the paper warns").
 */
import { FUNCTION_WORDS, PREPOSITIONS } from './lexicon/function-words.ts';
import { DOCUMENT_NOUNS, FINDING_VERBS, REPORTING_VERBS, SPEECH_NOUNS } from './lexicon/reporting-verbs.ts';
import { skipTimeBack } from './token-spans.ts';
import type { Token } from './tokens.ts';

const ARTICLES = new Set(['the', 'a', 'an']);

// How far back a relative clause or apposition between a document and its verb may open ("The
// complaint, which was filed in federal court in Manhattan on Tuesday, alleged").
const DOCUMENT_CLAUSE_REACH = 24;
// How many words may describe a document between its noun and its verb ("letter from the Legion obtained by the paper").
const DOCUMENT_TAIL = 10;

/**
 * The document noun that is the subject of the verb at `v`, past a participle or a relative
 * clause that describes it: `A GAO report released last year found` → the index of "report";
 * `The complaint, which was filed on Tuesday, alleged` → "complaint"; null when the subject is no
 * document (`Doe, in a statement, said`).
 */
export function documentHead(tokens: readonly Token[], v: number): number | null {
  let k = skipTimeBack(tokens, v - 1);
  if (tokens[k]?.text === ',') {
    let c = k - 1;
    while (c >= 0 && c > k - DOCUMENT_CLAUSE_REACH && tokens[c]?.text !== ',') c--;
    const opener = tokens[c + 1];
    // ("The message, sent to the staff and forwarded to Doe, called …": an aside opened by any lower-case word.)
    if (tokens[c]?.text !== ',' || !opener?.isWord || opener.capitalised) return null;
    k = c - 1;
  }
  // "report released last year", "a letter from the Legion obtained by the paper": the noun, then a
  // participle or a preposition and a few words.
  for (let back = k; back >= 0 && back >= k - DOCUMENT_TAIL; back--) {
    const token = tokens[back];
    if (!token?.isWord) return null;
    // ("obtained by the paper": a document after a preposition is no subject; look further back.)
    if (!isDocumentNoun(token.lower) || afterPreposition(tokens, back)) continue;
    const next = tokens[back + 1]?.lower ?? '';
    return (back === k || /ed$/.test(next) || PREPOSITIONS.has(next)) && !objectOfAct(tokens, back) ? back : null;
  }
  return null;
}

/**
 * Whether the noun phrase whose head is at `head` is the object of a verb before it: `He sent a
 * two-page memo to the paper explaining …` (the sender explains, not the memo).
 */
function objectOfAct(tokens: readonly Token[], head: number): boolean {
  for (let d = head - 1; d >= 0 && d >= head - 4; d--) {
    if (!ARTICLES.has(tokens[d]?.lower ?? '') && !tokens[d]?.possessive) continue;
    const before = tokens[d - 1];
    return before?.isWord === true && !before.capitalised && !FUNCTION_WORDS.has(before.lower) && !REPORTING_VERBS.has(before.lower);
  }
  return false;
}

/** A noun of a document or of something said in writing: "report", "study", "letter", "statement". */
function isDocumentNoun(lower: string): boolean {
  return DOCUMENT_NOUNS.has(lower) || SPEECH_NOUNS.has(lower);
}

/** Whether the noun phrase whose head is at `head` follows a preposition ("in the Trump release", "into the polls"): no subject. */
function afterPreposition(tokens: readonly Token[], head: number): boolean {
  for (let k = head - 1; k >= 0 && k >= head - 5; k--) {
    const token = tokens[k];
    if (!token?.isWord) return false;
    if (PREPOSITIONS.has(token.lower)) return true;
  }
  return false;
}

/** A verb of finding after a document: "the audit found", "a poll shows" (never "police found"). */
export function isFindingVerb(tokens: readonly Token[], v: number): boolean {
  const token = tokens[v];
  return token?.isWord === true && !token.capitalised && FINDING_VERBS.has(token.lower) && documentHead(tokens, v) !== null;
}
