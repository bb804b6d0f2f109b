/*
 * Cues that stand in the quotation's sentence but not beside it: a reporting clause that
 * closes the sentence (`Its "velvet gloves" worried Asia, said Jane Doe.`), "According to X,"
 * opening it, and the subject of the sentence's clause for a quoted phrase inside it
 * (`Doe mocked Roe for "having a tough night"`).
 */
import { cueAfter, isImpersonal, putsIt, reportingStrength, type Cue } from './cue-patterns.ts';
import { FUNCTION_WORDS, PREPOSITIONS, SUBORDINATORS, VERB_FILLERS } from './lexicon/function-words.ts';
import { isPastVerb, type Ref } from './references.ts';
import { skipAsides } from './token-spans.ts';
import type { Token } from './tokens.ts';

const BE = new Set(['is', 'was', 'are', 'were', 'be', 'been', 'being']);
const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'might', 'may', 'did', 'does', 'do']);
const OPENING_CONJUNCTIONS = new Set(['but', 'and', 'yet', 'so', 'still', 'now', 'then', 'also']);
// How many words may follow a closing reporting verb before the sentence or clause ends.
const CLOSING_TAIL = 8;
// How many words may describe the source after its name in an opening "According to X …,".
const ACCORDING_TAIL = 14;
// How many of the sentence's last commas may open the closing clause: appositions after its speaker hold commas too.
const CLOSING_COMMAS = 4;

function cueAt(ref: Ref, token: Token): Cue {
  return { ref, verb: token.text, start: token.start, end: token.end };
}

/**
 * A reporting clause that closes the sentence after a quotation, past other words:
 * `Its "velvet gloves" unsettle Asia, said Jane Doe, an analyst.` → Jane Doe. The verb must
 * be followed by at most a few words before the sentence (or the next comma) ends.
 */
export function closingCue(tokens: readonly Token[], refs: readonly Ref[], from: number, quoted: (token: Token) => boolean): Cue | null {
  // The closing clause follows one of the sentence's last commas ("…, said Jane Doe, an analyst.";
  // "…, said Jane Doe, director of the Acme Union, a group that backs Roe.").
  let tried = 0;
  for (let c = tokens.length - 1; c >= from && tried < CLOSING_COMMAS; c--) {
    const mark = tokens[c];
    if (!mark || mark.isWord || !(mark.text === ',' || mark.text === '—' || mark.text === '–') || quoted(mark)) continue;
    tried++;
    const cue = cueAfter(tokens, refs, c + 1, tokens.length);
    // (A comma of the apposition after the speaker: try the one before.)
    if (!cue) continue;
    const verb = tokens.findIndex((token) => token.start === cue.start);
    // The tail counts from the verb, or from the speaker's name when it follows the verb ("according to the
    // event organizer Acme United for Schools").
    let tail = 0;
    for (let k = Math.max(verb, cue.ref.tokEnd - 1, 0) + 1; k < tokens.length && tokens[k]?.text !== ','; k++) if (tokens[k]?.isWord) tail++;
    return tail <= CLOSING_TAIL ? cue : null;
  }
  return null;
}

/** "According to Jane Doe, …" opening the sentence: Jane Doe speaks for all of it. */
export function accordingToCue(tokens: readonly Token[], refs: readonly Ref[]): Cue | null {
  const [first, second] = tokens;
  if (first?.lower !== 'according' || second?.lower !== 'to') return null;
  // "According to conservative talk radio host Jane Doe,": a few describing words may come before the name.
  const ref = refs.find((r) => r.tokStart >= 2 && r.tokStart <= 8 && tokens.slice(2, r.tokStart).every((t) => t.isWord));
  if (!ref) return null;
  // (A comma straight after the name closes the phrase: what follows is the sentence, not an aside.)
  let k = tokens[ref.tokEnd]?.text === ',' ? ref.tokEnd : skipAsides(tokens, ref.tokEnd);
  // "According to Jane Doe of the Acme Institute,": the name's affiliation belongs to it.
  if (tokens[k]?.lower === 'of') {
    k++;
    while (tokens[k]?.isWord && (tokens[k]?.capitalised || tokens[k]?.lower === 'the')) k++;
  }
  // "According to a complaint filed by the SEC and the state, …": the source's description runs on to its comma.
  for (let words = 0; tokens[k]?.isWord && words < ACCORDING_TAIL; words++) k++;
  // "According to the Ledger: "…"" introduces as a comma does.
  if (tokens[k]?.text !== ',' && tokens[k]?.text !== ':') return null;
  return { ref, verb: 'according to', start: first.start, end: second.end };
}

// Prepositions that open a phrase naming a programme, book or event: "On "Face the Nation," …".
const TITLE_OPENERS = new Set(['on', 'in', 'at', 'during']);
const CLOSING_MARKS = new Set(['"', '”', '’', "'"]);

function pastClosingMarks(tokens: readonly Token[], from: number): number {
  let k = from;
  while (tokens[k] && CLOSING_MARKS.has(tokens[k]?.text ?? '')) k++;
  return k;
}

/**
 * "as X put it" anywhere in the sentence: X's are the quoted words around it.
 * `…, is a "lawful source of income," as a Homeland Security memo put it.` → the memo;
 * `As Jane Doe, the party whip, put it: "…"` → Jane Doe.
 */
export function putItCue(tokens: readonly Token[], refs: readonly Ref[], quoted: (token: Token) => boolean): Cue | null {
  for (let k = 2; k < tokens.length - 1; k++) {
    const verb = tokens[k];
    if (!verb || quoted(verb) || !putsIt(tokens, k)) continue;
    let as = k - 1;
    while (as >= 0 && as >= k - 14 && tokens[as]?.lower !== 'as') as--;
    if (tokens[as]?.lower !== 'as' || quoted(tokens[as] as Token)) continue;
    // ("As The Post's Jane Doe puts it": the name past the possessive.)
    const ref = refs.find(
      (r) => r.tokStart > as && r.tokStart <= as + 4 && tokens.slice(as + 1, r.tokStart).every((t) => t.isWord) && skipAsides(tokens, r.tokEnd) === k,
    );
    if (ref) return cueAt(ref, verb);
  }
  return null;
}

/** Where the sentence's main clause starts: past "But", and past an introductory phrase closed by a comma. */
function clauseStart(tokens: readonly Token[], quoted: (token: Token) => boolean): number {
  let k = 0;
  while (tokens[k]?.isWord && OPENING_CONJUNCTIONS.has(tokens[k]?.lower ?? '')) k++;
  const opener = tokens[k];
  const introduces =
    opener?.isWord && (PREPOSITIONS.has(opener.lower) || SUBORDINATORS.has(opener.lower) || /(?:ing|ed|ly)$/.test(opener.lower) || /^\d/.test(opener.text));
  if (!introduces) return k;
  for (let c = k + 1; c < tokens.length && c <= k + 20; c++) {
    const token = tokens[c];
    if (!token) return -1;
    // A quoted title inside the phrase ("On "Face the Nation," Sen. Doe …") closes it with its comma.
    if (token.text === ',') return quoted(token) ? pastClosingMarks(tokens, c + 1) : c + 1;
    if (quoted(token) && !TITLE_OPENERS.has(tokens[k]?.lower ?? '')) return -1;
  }
  return -1;
}

/** "Another critic, Jane Doe, …": where the name starts when a short description opens the clause and a comma follows it. */
function describedApposition(tokens: readonly Token[], start: number): number | null {
  for (let k = start; k < tokens.length && k <= start + 5; k++) {
    const token = tokens[k];
    if (token?.text === ',') return k > start ? k + 1 : null;
    if (!token?.isWord || reportingStrength(token) !== null || (token.capitalised && k > start)) return null;
  }
  return null;
}

/** Whether a word can be the finite verb after a subject: "mocked", "admires", "says", "told". */
function isVerbLike(token: Token | undefined): boolean {
  if (!token?.isWord || token.capitalised || FUNCTION_WORDS.has(token.lower)) return false;
  return reportingStrength(token) !== null || isPastVerb(token.lower) || (token.lower.length > 3 && /[^s']s$/.test(token.lower));
}

/**
 * The subject of the sentence's main clause when a quoted phrase stands after its verb:
 * `Jane Doe, who leads the poll, mocked John Roe for "having a tough night"` → Jane Doe.
 * None for a passive ("has been called"), a possessive ("Doe's team said"), or a
 * subject that is not a reference to someone.
 */
export function subjectCue(tokens: readonly Token[], refs: readonly Ref[], openToken: number, quoted: (token: Token) => boolean): Cue | null {
  const first = clauseStart(tokens, quoted);
  if (first < 0) return null;
  // "Another critic, Jane Doe, likened …": the name in apposition to a short description.
  const startsHere = (at: number): Ref | undefined => {
    const described = describedApposition(tokens, at);
    return refs.find((r) => r.tokStart === at || (r.tokStart === at + 1 && tokens[at]?.lower === 'the') || (described !== null && r.tokStart === described));
  };
  // "Following a swiftly called, late-afternoon meeting, the council …": an opening phrase whose
  // adjectives a comma parts runs on to its next comma when no one starts the clause after the first.
  let start = first;
  if (!startsHere(first) && first > 0) {
    const next = tokens.findIndex((token, c) => c >= first && c < first + 6 && token.text === ',');
    if (next > 0 && next + 1 < openToken && tokens.slice(first, next).every((token) => token.isWord && !token.capitalised && !reportingStrength(token)))
      start = next + 1;
  }
  const described = describedApposition(tokens, start);
  const ref = startsHere(start);
  if (!ref || ref.afterPreposition || tokens[ref.tokEnd - 1]?.possessive || isImpersonal(tokens, ref)) return null;
  let v = skipAsides(tokens, ref.tokEnd);
  if (described !== null && ref.tokStart === described && tokens[v]?.text === ',') v++;
  // "Gov. Jane Doe of Ohio lauded …": a place after "of" still belongs to the subject.
  if (tokens[v]?.lower === 'of' && tokens[v + 1]?.capitalised) {
    v++;
    while (tokens[v]?.isWord && tokens[v]?.capitalised) v++;
  }
  let passive = false;
  let auxiliary = false;
  while (tokens[v] && (VERB_FILLERS.has(tokens[v]?.lower ?? '') || (tokens[v]?.lower.endsWith('ly') && !tokens[v]?.capitalised))) {
    if (BE.has(tokens[v]?.lower ?? '')) passive = true;
    if (AUXILIARIES.has(tokens[v]?.lower ?? '')) auxiliary = true;
    v++;
  }
  const verb = tokens[v];
  // "is rolling out": after a form of "be", a word in -ing is a verb in progress, not a passive.
  const progressive = passive && verb?.isWord === true && !verb.capitalised && verb.lower.length > 4 && verb.lower.endsWith('ing');
  if (progressive) passive = false;
  // After "has", "will", "was": any word that is no function word is the verb ("has gone after").
  const verbLike = isVerbLike(verb) || progressive || (auxiliary && verb?.isWord === true && !verb.capitalised && !FUNCTION_WORDS.has(verb.lower));
  if (!verb || v >= openToken || !verbLike || (passive && /ed$|en$/.test(verb.lower))) return null;
  // "It appears that …", "it seems": "it" speaks only through a verb of speech.
  if (ref.pronoun === 'it' && !reportingStrength(verb)) return null;
  return cueAt(ref, verb);
}
