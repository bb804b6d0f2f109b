/*
 * Unnamed sources described by a noun phrase: "a friend commented", "the commission says",
 * "said a narrator in the ad", "according to a campaign memo". Only phrases in a speaker's
 * place count (before a reporting verb, after an inverted one, after "according to"), so
 * the many other noun phrases of an article are never taken for speakers.
 */
import { putsIt, reportingStrength } from './cue-patterns.ts';
import { documentHead, isFindingVerb } from './document-cues.ts';
import { FUNCTION_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { DOCUMENT_NOUNS, INVERTING_VERBS, REPORTING_VERBS, SPEECH_NOUNS } from './lexicon/reporting-verbs.ts';
import { skipAsides } from './token-spans.ts';
import { isRoleHead } from './roles.ts';
import { GROUP_NOUNS } from './lexicon/groups.ts';
import { ENTOURAGE_NOUNS, ORG_NOUNS } from './lexicon/organisations.ts';
import type { Token } from './tokens.ts';

/** A described speaker: the phrase's tokens and how to name it. */
export interface DescriptorPhrase {
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Several speakers ("several environmental groups"), not one. */
  readonly plural: boolean;
}

// Words that open a description of someone not named: "a friend", "one questioner", "his former partner".
const OPENERS = new Set(['the', 'a', 'an', 'one', 'another', 'several', 'some', 'many', 'two', 'three', 'his', 'her', 'their', 'its', 'my', 'our']);
// Prepositions that may continue a description: "a spokeswoman for the agency", "a narrator in the ad".
const CONTINUERS = new Set(['of', 'for', 'in', 'at', 'from', 'with', 'on', 'to']);
// Openers of an indefinite description, which a proper name never takes: "one senior Democrat".
const INDEFINITE_OPENERS = new Set(['a', 'an', 'one', 'another', 'several', 'some', 'two', 'three']);
// Openers of one speaker, whose verb agrees with a singular subject.
const SINGULAR_OPENERS = new Set(['a', 'an', 'one', 'another']);
// Verbs whose past is their bare form: "one message read" agrees.
const SAME_IN_PAST = new Set(['read', 'put', 'set', 'let', 'cut', 'broadcast', 'forecast']);
const MAX_WORDS = 5;
const RELATIVES = new Set(['who', 'which', 'that', 'whose']);

function isDescribing(token: Token | undefined, next?: Token): boolean {
  if (token?.lower === 'put' || token?.lower === 'puts') return next?.lower !== 'it';
  // ("a State Department official": a capitalised word inside a description is no verb; nor is
  // a document's noun before one: "the report stated", "a poll finds".)
  if (token?.isWord && SPEECH_NOUNS.has(token.lower) && next?.isWord && !next.capitalised && reportingStrength(next) !== null) return true;
  return token?.isWord === true && !FUNCTION_WORDS.has(token.lower) && (token.capitalised || reportingStrength(token) === null) && !/^\d/.test(token.text);
}

/**
 * The end of the words describing, from `from`: modifiers and a head, each a word no function
 * word. After an indefinite opener capitalised words belong to the description ("an Iowa
 * Democrat"); otherwise a capitalised word after a lower-case one starts something else.
 */
function wordsEnd(tokens: readonly Token[], from: number, indefinite = false): number {
  let k = from;
  while (
    k < from + MAX_WORDS &&
    isDescribing(tokens[k], tokens[k + 1]) &&
    (indefinite || !(k > from && tokens[k - 1]?.possessive === false && tokens[k]?.capitalised && !tokens[k - 1]?.capitalised))
  )
    k++;
  return k;
}

// How far after its noun a document's verb may stand, past a clause describing the document.
const DOCUMENT_VERB_REACH = 26;

/**
 * Whether the document noun at `head` is the subject of a verb of speech or finding further on,
 * past a participle or relative clause: `The study, which was published on Monday, concluded`.
 */
function documentSpeaks(tokens: readonly Token[], head: number): boolean {
  if (!DOCUMENT_NOUNS.has(tokens[head]?.lower ?? '')) return false;
  for (let v = head + 1; v < tokens.length && v <= head + DOCUMENT_VERB_REACH; v++) {
    const token = tokens[v];
    if (!token?.isWord || token.capitalised || !(reportingStrength(token) !== null || isFindingVerb(tokens, v))) continue;
    return documentHead(tokens, v) === head;
  }
  return false;
}

function speaksAfter(tokens: readonly Token[], end: number): boolean {
  if (documentSpeaks(tokens, end - 1)) return true;
  let k = skipAsides(tokens, end);
  while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '') && !['is', 'was', 'are', 'were', 'been', 'be'].includes(tokens[k]?.lower ?? '')) k++;
  const verb = tokens[k];
  return verb !== undefined && !verb.capitalised && (reportingStrength(verb) !== null || putsIt(tokens, k));
}

/**
 * After "…," said or "according to", the description runs to the end of its clause:
 * `said a person close to the family.` → the index past "family"; null when a clause
 * follows instead (`said the phones were cheap`: the phrase begins what was said).
 */
function describedAfterVerb(tokens: readonly Token[], start: number): number | null {
  const before = tokens[start - 1];
  const according = before?.lower === 'to' && tokens[start - 2]?.lower === 'according';
  if (!according && !(before && INVERTING_VERBS.has(before.lower) && tokens[start - 2]?.isWord !== true)) return null;
  let k = start + 1;
  while (k < tokens.length && k < start + 12 && tokens[k]?.isWord) {
    // "said a former aide who asked not to be named": the description ends at its relative clause.
    if (RELATIVES.has(tokens[k]?.lower ?? '')) return k;
    if (VERB_FILLERS.has(tokens[k]?.lower ?? '') || (!tokens[k]?.capitalised && reportingStrength(tokens[k]) !== null)) return null;
    k++;
  }
  return k;
}

// Agent nouns: "strategist", "biographers", "reviewer", "counsellors".
const AGENT_NOUN = /(?:ist|er|or|ant|ent)s?$/;

/**
 * Whether a noun after a possessive name can be someone who speaks: a role, a group, an
 * organisation, an entourage ("Jane Doe's office") or an agent noun ("her biographer"), not
 * "Doe's mental state" or "Doe's flurry of tweets".
 */
function speaksFor(lower: string): boolean {
  return isRoleHead(lower) || GROUP_NOUNS.has(lower) || ORG_NOUNS.has(lower) || ENTOURAGE_NOUNS.has(lower) || AGENT_NOUN.test(lower);
}

/**
 * Where a possessive name that opens a description starts: `Jane Doe's` in "Jane Doe's
 * former aide said" → the index of "Jane"; null when `at` is no capitalised possessive or
 * the sentence-initial word is not part of a name.
 */
function ownerStart(tokens: readonly Token[], at: number): number | null {
  const token = tokens[at];
  if (!token?.isWord || !token.possessive || !token.capitalised) return null;
  let k = at;
  while (k > 0 && at - k < 3 && tokens[k - 1]?.isWord && tokens[k - 1]?.capitalised && !FUNCTION_WORDS.has(tokens[k - 1]?.lower ?? '')) k--;
  return k;
}

/**
 * Finds the described speakers of one sentence. Example: `"No," a friend of the family
 * said.` → one phrase, "a friend of the family"; `the new rules say` → one phrase, "the
 * new rules"; `the rules were changed` → none.
 */
export function findDescriptorSpeakers(tokens: readonly Token[]): DescriptorPhrase[] {
  const found: DescriptorPhrase[] = [];
  // Only openers close before a reporting verb, or right after one or "according to", can start a speaker.
  const candidates = new Set<number>();
  tokens.forEach((token, v) => {
    if (token.lower === 'to' && tokens[v - 1]?.lower === 'according') candidates.add(v + 1);
    if (token.capitalised || !(REPORTING_VERBS.has(token.lower) || putsIt(tokens, v) || isFindingVerb(tokens, v))) return;
    candidates.add(v + 1);
    // (A document's verb may stand further off, past a clause describing it.)
    const reach = documentHead(tokens, v) === null ? 12 : DOCUMENT_VERB_REACH;
    for (let k = v - 1; k >= 0 && k >= v - reach; k--)
      if (OPENERS.has(tokens[k]?.lower ?? '') || (tokens[k]?.possessive && tokens[k]?.capitalised)) candidates.add(k);
  });
  let after = 0;
  if (candidates.size === 0) return found;
  for (const candidate of [...candidates].sort((a, b) => a - b)) {
    const opener = tokens[candidate];
    if (candidate < after || !opener?.isWord) continue;
    // "Jane Doe's former campaign strategist said": a name's possessive opens a description too.
    const owner = !OPENERS.has(opener.lower) ? ownerStart(tokens, candidate) : null;
    if ((!OPENERS.has(opener.lower) && owner === null) || (owner === null && opener.possessive)) continue;
    const i = owner ?? candidate;
    const indefinite = owner === null && INDEFINITE_OPENERS.has(opener.lower);
    let end = wordsEnd(tokens, candidate + 1, indefinite);
    if (end === candidate + 1 || (owner !== null && end - candidate - 1 > 3)) continue;
    const head = tokens[end - 1];
    if (!head || (head.capitalised && !indefinite) || head.lower.endsWith('ly')) continue;
    if (owner !== null && !speaksFor(head.lower)) continue;
    // "a friend of the family said": a short phrase after the head still describes it.
    const continuer = tokens[end];
    if (continuer && CONTINUERS.has(continuer.lower)) {
      const from = tokens[end + 1]?.lower === 'the' ? end + 2 : end + 1;
      const past = wordsEnd(tokens, from);
      if (past > from && speaksAfter(tokens, past) && !speaksAfter(tokens, end)) end = past;
    }
    // "a controversial comment that …": a singular subject never takes a bare verb ("a friend
    // comment"), so the word is a noun and the phrase before it no speaker.
    const next = tokens[skipAsides(tokens, end)];
    if (
      SINGULAR_OPENERS.has(opener.lower) &&
      next &&
      REPORTING_VERBS.get(next.lower) === next.lower &&
      !SAME_IN_PAST.has(next.lower) &&
      !next.lower.endsWith('ed')
    )
      continue;
    if (!speaksAfter(tokens, end)) {
      const clauseEnd = describedAfterVerb(tokens, i);
      if (clauseEnd === null) continue;
      end = clauseEnd;
    }
    // "An Acme statement said": the body behind the document speaks, not the document; so does
    // whoever "issued a statement saying …" (the document is the object of someone's act).
    if (SPEECH_NOUNS.has(head.lower) && tokens.slice(i + 1, end - 1).some((token) => token.capitalised)) continue;
    const actBefore = tokens[i - 1];
    if (SPEECH_NOUNS.has(head.lower) && actBefore?.isWord && !actBefore.capitalised && !reportingStrength(actBefore) && actBefore.lower !== 'to') continue;
    found.push({ tokStart: i, tokEnd: end, plural: /[^s']s$/.test(head.lower) && opener.lower !== 'a' && opener.lower !== 'an' && opener.lower !== 'one' });
    after = end;
  }
  return found;
}
