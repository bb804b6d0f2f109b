import type { EntityKind } from '../article.ts';
import { putsIt } from './cue-patterns.ts';
import type { Draft } from './entity-drafts.ts';
import { TITLE_EXPANSIONS } from './lexicon/abbreviations.ts';
import { FUNCTION_WORDS, VERB_FILLERS } from './lexicon/function-words.ts';
import { ORG_NOUNS, SPOKES_NOUNS } from './lexicon/organisations.ts';
import { INVERTING_VERBS, PERSONAL_VERBS, REPORTING_VERBS, SPEECH_NOUNS, WEAK_REPORTING_STEMS } from './lexicon/reporting-verbs.ts';
import { LOWER_CASE_HEADS, ROLE_HEADS } from './lexicon/roles.ts';
import { isNeverEntity, lexicalKind, type LexicalKind } from './name-kinds.ts';
import { findNameRuns, type NameRun } from './proper-nouns.ts';
import { findDemonyms, splitNationality } from './descriptors.ts';
import { PLACE_SUFFIXES } from './lexicon/places.ts';
import { findRolePhrases, isRoleHead, normaliseRole, splitRunRole, type Role } from './roles.ts';
import { skipAsides } from './token-spans.ts';
import type { Token } from './tokens.ts';

/** The tokens of one sentence, as gathering needs them. */
export interface TokenisedSentence {
  readonly tokens: readonly Token[];
}

/** A role phrase of a sentence; `owner` is the named person it is attached to, if any. */
export interface RoleRef {
  readonly ctx: number;
  readonly tokStart: number;
  readonly tokEnd: number;
  readonly role: Role;
  readonly definite: boolean;
  readonly text: string;
  owner: Occurrence | null;
}

/** One appearance of a capitalised name, with what its words and surroundings say it is. */
export interface Occurrence {
  readonly ctx: number;
  readonly tokStart: number;
  readonly tokEnd: number;
  /** First token of the name as written, honorific included. */
  readonly nameStart: number;
  refStart: number;
  readonly words: readonly string[];
  readonly honorific: string | null;
  readonly lex: LexicalKind;
  readonly roles: Role[];
  kind: EntityKind | null;
  readonly cue: boolean;
  /** A verb only people do follows ("Hollis admitted"), or "who": a person, whatever the name. */
  readonly personal: boolean;
  readonly initial: boolean;
  readonly text: string;
  entity: Draft | null;
}

const DETERMINERS = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their']);
const LOCATIVES = new Set(['in', 'at', 'near', 'outside', 'inside']);

const SIGNING_DASHES = new Set(['—', '―', '–', '-']);
const CLOSING_MARKS = new Set(['"', '”', '’', "'"]);

/**
 * `“…” ― Jane Doe`: two or more capitalised words alone after a closing mark and a dash sign
 * the quotation, as letters and vox pops do; a person, even with a given name we do not know.
 */
function signsQuotation(tokens: readonly Token[], start: number, end: number): boolean {
  if (end - start < 2 || !SIGNING_DASHES.has(tokens[start - 1]?.text ?? '') || !CLOSING_MARKS.has(tokens[start - 2]?.text ?? '')) return false;
  return tokens.slice(end).every((token) => !token.isWord);
}

function isShouting(tokens: readonly Token[]): boolean {
  let words = 0;
  let upper = 0;
  for (const token of tokens) {
    if (!token.isWord || token.lower === token.text) continue;
    words++;
    if (token.text === token.text.toUpperCase()) upper++;
  }
  // Words with no capital at all are counted too, through the sentence's length.
  const all = tokens.reduce((n, token) => n + (token.isWord ? 1 : 0), 0);
  return all >= 3 && upper / all > 0.7 && words > 0;
}

function isReportingCue(token: Token | undefined): boolean {
  const stem = token && REPORTING_VERBS.get(token.lower);
  return stem !== undefined && !WEAK_REPORTING_STEMS.has(stem);
}

function verbAfter(tokens: readonly Token[], from: number): boolean {
  let k = from;
  while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '')) k++;
  return isReportingCue(tokens[k]);
}

/**
 * "Jane Doe, a Denver-based developer and spokeswoman for Acme,": a role joined by "and" to a
 * short description that opens the apposition after the comma at `comma`.
 */
function coordinatedRole(tokens: readonly Token[], comma: number, roleStart: number): boolean {
  if (tokens[roleStart - 1]?.lower !== 'and' || roleStart - comma > 8 || !DETERMINERS.has(tokens[comma + 1]?.lower ?? '')) return false;
  return tokens.slice(comma + 2, roleStart - 1).every((token) => token.isWord && !FUNCTION_WORDS.has(token.lower));
}

/** "the media watchdog, Reporters Without Borders": an organisation noun in apposition before the name. */
function orgBefore(tokens: readonly Token[], start: number): boolean {
  return (
    tokens[start - 1]?.text === ',' && tokens[start - 2]?.isWord === true && !tokens[start - 2]?.capitalised && ORG_NOUNS.has(tokens[start - 2]?.lower ?? '')
  );
}

function orgApposition(tokens: readonly Token[], end: number): boolean {
  if (tokens[end]?.text !== ',' || !['a', 'an', 'the'].includes(tokens[end + 1]?.lower ?? '')) return false;
  // "Acme, a Chinese technology firm," — the organisation noun heads the apposition.
  for (let k = end + 2; k < end + 6 && tokens[k]?.isWord && !FUNCTION_WORDS.has(tokens[k]?.lower ?? ''); k++) {
    if (ORG_NOUNS.has(tokens[k]?.lower ?? '')) return true;
  }
  return false;
}

const WORD_CHAR = /[\p{L}\p{N}’'-]/u;

/** Offsets where `word` stands as a whole word in `text`. */
function* wordsAt(text: string, word: string): Generator<number> {
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
    if (!WORD_CHAR.test(text[i - 1] ?? ' ') && !WORD_CHAR.test(text[i + word.length] ?? ' ')) yield i;
  }
}

/** Whether `word` (capitalised) stands somewhere after a word or a comma: inside a sentence. */
function capitalisedInside(text: string, word: string): boolean {
  for (const at of wordsAt(text, word)) {
    let k = at - 1;
    while (k >= 0 && (text[k] === ' ' || text[k] === '\u00a0')) k--;
    const before = text[k] ?? '';
    if (before === ',' || WORD_CHAR.test(before)) return true;
  }
  return false;
}

/**
 * "Shares in Acme fell": the capitalised first words of sentences that the article also
 * writes in lower case and never capitalises inside a sentence ("Mr Brown" and "a brown
 * envelope" keep "Brown" a name). Only single-word runs that open a sentence are checked.
 */
function commonWords(text: string, runs: readonly (readonly NameRun[] | null)[]): Set<string> {
  const common = new Set<string>();
  const seen = new Set<string>();
  for (const found of runs) {
    for (const run of found ?? []) {
      const word = run.words[0] ?? '';
      if (!run.initial || run.words.length !== 1 || run.honorific || seen.has(word)) continue;
      seen.add(word);
      const lower = word.toLowerCase();
      if (lower !== word && !wordsAt(text, lower).next().done && !capitalisedInside(text, word)) common.add(lower);
    }
  }
  return common;
}

/** Whether the words after role `r` up to `comma` complete it: "Head [of the division]". */
function roleRunsTo(tokens: readonly Token[], r: RoleRef, comma: number): boolean {
  const between = tokens.slice(r.tokEnd, comma);
  return between.length >= 2 && between.length <= 6 && ['of', 'for', 'at'].includes(between[0]?.lower ?? '') && between.every((token) => token.isWord);
}

/** Whether the name starting at `a` follows "according to" (or "according to the"). */
function afterAccordingTo(tokens: readonly Token[], a: number): boolean {
  const to = tokens[a - 1]?.lower === 'the' ? a - 2 : a - 1;
  return tokens[to]?.lower === 'to' && tokens[to - 1]?.lower === 'according';
}

/** Whether an age in apposition follows the name ending at `b`: "Jane Doe, 29,". */
/** A word that may stand between a subject and its verb: "has", "also", "openly". */
function isFillerOrAdverb(token: Token | undefined): boolean {
  return token !== undefined && (VERB_FILLERS.has(token.lower) || (token.isWord && !token.capitalised && token.lower.length > 4 && token.lower.endsWith('ly')));
}

/** "Jo Kay, R-Va.,", "Jo Kay (D-N.C.)": a party and state after a name are said only of politicians. */
function partyAndState(tokens: readonly Token[], b: number): boolean {
  const mark = tokens[b]?.text;
  return (mark === ',' || mark === '(') && /^[RDI]-\p{Lu}/u.test(tokens[b + 1]?.text ?? '');
}

function aged(tokens: readonly Token[], b: number): boolean {
  return tokens[b]?.text === ',' && /^\d{1,3}$/.test(tokens[b + 1]?.text ?? '') && Number(tokens[b + 1]?.text) < 120 && tokens[b + 2]?.text === ',';
}

/** "Stacy Baker of Columbia, South Carolina, says": the index past where the person is from, or `b`. */
function pastHome(tokens: readonly Token[], b: number): number {
  if (tokens[b]?.lower !== 'of' && tokens[b]?.lower !== 'from') return b;
  let k = b + 1;
  while (k < b + 8 && (tokens[k]?.capitalised || (tokens[k]?.text === ',' && tokens[k + 1]?.capitalised))) k++;
  return k > b + 1 ? k : b;
}

/** "the Leeds MP": a capitalised run after "the" that ends in a role word is a role, not a name. */
function roleAfterThe(tokens: readonly Token[], run: NameRun): { role: readonly string[]; name: readonly string[] } | null {
  const last = run.words[run.words.length - 1] ?? '';
  if (tokens[run.tokStart - 1]?.lower !== 'the' || run.words.length > 4 || !isRoleHead(last) || LOWER_CASE_HEADS.has(last.toLowerCase())) return null;
  return { role: run.words, name: [] };
}

/** The text of tokens [from, to) as written, spaces included. */
export function textOf(text: string, tokens: readonly Token[], from: number, to: number): string {
  const first = tokens[from];
  const last = tokens[to - 1];
  return first && last ? text.slice(first.start, last.end) : '';
}

/**
 * Gathers the capitalised names and role phrases of an article's sentences, with the cues
 * around each that say what it is: honorifics, roles before or in apposition ("Jane Doe,
 * the chief executive,"), descriptors ("technology firm Acme"), a reporting verb after.
 */
export function gather(text: string, contexts: readonly TokenisedSentence[]): { occurrences: Occurrence[]; roleRefs: RoleRef[] } {
  const occurrences: Occurrence[] = [];
  const roleRefs: RoleRef[] = [];
  const runs = contexts.map(({ tokens }) => (isShouting(tokens) ? null : findNameRuns(tokens)));
  const common = commonWords(text, runs);
  contexts.forEach(({ tokens }, ctx) => {
    const found = runs[ctx];
    if (!found) return;
    const phrases = [...findRolePhrases(tokens), ...findDemonyms(tokens)];
    const roles: RoleRef[] = phrases.map((phrase) => ({ ctx, ...phrase, text: textOf(text, tokens, phrase.tokStart, phrase.tokEnd), owner: null }));
    const names: { run: NameRun; words: readonly string[]; role: Role | null; skip: number }[] = [];
    for (const run of found) {
      if (isNeverEntity(run.words) || (run.initial && run.words.length === 1 && !run.honorific && common.has(run.words[0]?.toLowerCase() ?? ''))) continue;
      const split = run.honorific ? null : (splitRunRole(run.words) ?? roleAfterThe(tokens, run));
      if (split && split.name.length === 0) {
        const determiner = tokens[run.tokStart - 1]?.lower ?? '';
        const definite = run.initial || determiner === 'the' || tokens[run.tokStart - 1]?.possessive === true;
        roles.push({
          ctx,
          tokStart: run.tokStart,
          tokEnd: run.tokEnd,
          role: normaliseRole(split.role),
          definite,
          text: textOf(text, tokens, run.tokStart, run.tokEnd),
          owner: null,
        });
        continue;
      }
      const nation = split || run.honorific ? null : splitNationality(run.words);
      if (nation) names.push({ run, words: nation.name, role: nation.role, skip: 1 });
      else
        names.push({
          run,
          words: split ? split.name : run.words,
          role: split ? normaliseRole(split.role) : null,
          skip: split ? run.words.length - split.name.length : 0,
        });
    }
    roles.sort((a, b) => a.tokStart - b.tokStart);
    for (const { run, words, role, skip } of names) {
      const a = run.tokStart + skip;
      const b = run.tokEnd;
      const lex = lexicalKind(words, run.honorific);
      const canBePerson = lex.kind === null || lex.kind === 'person';
      const found: Role[] = role ? [role] : [];
      let refStart = role ? run.tokStart : a;
      // "Rep. Adam Schiff" is a representative, "Gov. Jane Doe" a governor: the office the title abbreviates.
      const title = run.honorific ? (TITLE_EXPANSIONS.get(run.honorific) ?? run.honorific) : null;
      if (title && ROLE_HEADS.has(title)) found.push({ core: title, qualifier: null });
      const prefixesName = (r: RoleRef): boolean => names.some((other) => other.run.tokStart === r.tokEnd);
      // "the 24-year-old Rovers skipper": a name before a lower-case role word qualifies that
      // role; the description before it is the skipper's, not the name's.
      const roleAfter = tokens[b]?.isWord === true && !tokens[b]?.capitalised && !run.possessive && isRoleHead(tokens[b]?.lower ?? '');
      const prefix = canBePerson && !roleAfter ? roles.find((r) => r.tokEnd === run.tokStart) : undefined;
      if (prefix) {
        found.push(prefix.role);
        refStart = prefix.tokStart;
      }
      const afterComma =
        canBePerson && tokens[b]?.text === ','
          ? roles.find(
              (r) =>
                (r.tokStart === b + 1 || (r.tokStart === b + 2 && DETERMINERS.has(tokens[b + 1]?.lower ?? '')) || coordinatedRole(tokens, b, r.tokStart)) &&
                !prefixesName(r) &&
                // "At a briefing in Chelsea, the mayor said": a role its verb follows opens a clause, no apposition.
                !verbAfter(tokens, r.tokEnd),
            )
          : undefined;
      // "The head of the agency, Tom Baker," and "Head of the division, Tom Baker,": the role before.
      const beforeComma = canBePerson && tokens[a - 1]?.text === ',' ? roles.find((r) => r.tokEnd === a - 1 || roleRunsTo(tokens, r, a - 1)) : undefined;
      for (const appositive of [afterComma, beforeComma]) if (appositive) found.push(appositive.role);
      // "software firm Zentrix"; "an Ofcom statement", "a Zentrix spokesman": organisations.
      const after = tokens[b];
      const descriptor =
        (tokens[a - 1]?.isWord === true && !tokens[a - 1]?.capitalised && ORG_NOUNS.has(tokens[a - 1]?.lower ?? '')) ||
        (after !== undefined &&
          !run.possessive &&
          !after.capitalised &&
          (SPEECH_NOUNS.has(after.lower) || SPOKES_NOUNS.has(after.lower) || ORG_NOUNS.has(after.lower)));
      const relative = tokens[b]?.text === ',' && tokens[b + 1]?.lower === 'who';
      // "said Kingston Cup doctor Jane Doe": a name followed by more description only qualifies the speaker.
      const endsPhrase = !after?.isWord || after.capitalised || FUNCTION_WORDS.has(after.lower);
      const according = afterAccordingTo(tokens, run.tokStart);
      const cue =
        according ||
        // "As Vulture put it,": a source of words.
        (tokens[run.tokStart - 1]?.lower === 'as' && putsIt(tokens, b)) ||
        verbAfter(tokens, b) ||
        // "Jane Doe, 45, said", "Rep. Jo Kay (D-Va.) said", "Jo Kay, R-Va., said": past the asides.
        verbAfter(tokens, skipAsides(tokens, b)) ||
        (tokens[b]?.lower === 'of' || tokens[b]?.lower === 'from' ? verbAfter(tokens, skipAsides(tokens, pastHome(tokens, b))) : false) ||
        relative ||
        (INVERTING_VERBS.has(tokens[run.tokStart - 1]?.lower ?? '') && !tokens[run.tokStart - 2]?.isWord && endsPhrase) ||
        // "…, noted NBC's Dante Chinni.": past the outlet or body the speaker belongs to.
        (tokens[run.tokStart - 1]?.possessive === true &&
          tokens[run.tokStart - 1]?.capitalised === true &&
          INVERTING_VERBS.has(tokens[run.tokStart - 2]?.lower ?? '') &&
          !tokens[run.tokStart - 3]?.isWord &&
          endsPhrase) ||
        signsQuotation(tokens, run.tokStart, b);
      // "Riverside City striker Jane Doe": a name inside a role phrase qualifies the role.
      const qualifies = roles.some((r) => r.tokStart <= run.tokStart && b <= r.tokEnd);
      let next = b;
      // ("Cruz openly admitted": past an adverb of manner too.)
      while (isFillerOrAdverb(tokens[next])) next++;
      if (tokens[next]?.text === ',') next++;
      const personal = relative || PERSONAL_VERBS.has(tokens[next]?.lower ?? '');
      let kind = lex.kind;
      // "in Ashton Park", "at Riverside Park": after "in" or "at", a ground or street, not a person.
      const site =
        !run.possessive &&
        PLACE_SUFFIXES.has((words[words.length - 1] ?? '').toLowerCase()) &&
        words.length > 1 &&
        LOCATIVES.has(tokens[run.tokStart - 1]?.lower ?? '');
      if ((kind === null || kind === 'person') && site && found.length === 0) kind = 'place';
      else if (kind === null && qualifies) kind = 'organisation';
      else if ((kind === null || kind === 'person') && found.length > 0) kind = 'person';
      else if (kind === null && (descriptor || orgApposition(tokens, b) || orgBefore(tokens, a))) kind = 'organisation';
      // "According to the Daily Ledger,": a source with "the" before its name is no person.
      else if (kind === null && according && tokens[run.tokStart - 1]?.lower === 'the') kind = 'organisation';
      // "Brianne Doe, 29, of Huntsville, says": an age (or a party and state) in apposition is said only of people.
      // ("The Associated Press, which was the first …, declared": "which" is never said of a person.)
      else if (
        kind === null &&
        (cue || aged(tokens, b) || partyAndState(tokens, b)) &&
        words.length >= 2 &&
        !(tokens[b]?.text === ',' && tokens[b + 1]?.lower === 'which')
      )
        kind = 'person';
      const occurrence: Occurrence = {
        ctx,
        tokStart: run.tokStart,
        tokEnd: b,
        nameStart: run.honorific ? run.tokStart : a,
        refStart,
        words,
        honorific: run.honorific,
        lex,
        roles: found,
        kind,
        cue,
        personal,
        initial: run.initial && skip === 0,
        text: textOf(text, tokens, run.honorific ? run.tokStart : a, b),
        entity: null,
      };
      occurrences.push(occurrence);
      if (kind === 'person') for (const used of [prefix, afterComma, beforeComma]) if (used) used.owner = occurrence;
    }
    roleRefs.push(...roles);
  });
  return { occurrences, roleRefs };
}
