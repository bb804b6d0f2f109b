import { HONORIFICS, STRICT_HONORIFICS } from './lexicon/honorifics.ts';
import { CALENDAR_WORDS, FUNCTION_WORDS, PREPOSITIONS } from './lexicon/function-words.ts';
import { ORG_WORDS } from './lexicon/organisations.ts';
import { PLACES, canonicalCountry } from './lexicon/places.ts';
import { ROLE_HEADS } from './lexicon/roles.ts';
import { givenNameGender } from './name-kinds.ts';
import type { Token } from './tokens.ts';
import { INVERTING_VERBS } from './lexicon/reporting-verbs.ts';

/** A run of capitalised words that may name someone or something. */
export interface NameRun {
  /** Token range [tokStart, tokEnd) in the sentence, honorific included. */
  readonly tokStart: number;
  readonly tokEnd: number;
  /** Lower-cased honorific without its dot ("mr", "dr"), when the run starts with one. */
  readonly honorific: string | null;
  /** The words after the honorific, as written. */
  readonly words: readonly string[];
  readonly start: number;
  readonly end: number;
  /** The last word carried a possessive 's. */
  readonly possessive: boolean;
  /** The run opens its sentence (or a quotation), where capitals prove nothing. */
  readonly initial: boolean;
}

// Inside names of organisations and roles: "Ministry of Justice", "Secretary of State for Health".
const JOINERS = new Set(['of', 'for', 'and', 'the', '&', 'on']);
// Inside people's and places' names: "Ludwig van Beethoven", "Rio de Janeiro".
const PARTICLES = new Set(['de', 'del', 'della', 'di', 'da', 'dos', 'van', 'von', 'der', 'den', 'la', 'le', 'du', 'al', 'bin', 'ibn', 'y']);
const OPENING_MARKS = new Set(['"', '“', '‘', "'", '(', '[', ':']);

// Words that stay lower-case in names even when a headline capitalises them.
// Days and most months end a run: "On Wednesday Transport Minister Jane Doe said".
const BREAKERS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'january',
  'february',
  'march',
  'september',
  'october',
  'november',
  'december',
]);
const CLOSED = new Set(['the', 'a', 'an', 'of', 'and', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'but', 'or', 'as', 'i']);

function isNameWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && token.capitalised;
}

/** An all-capitals abbreviation ("US", "IT") is never the function word it spells. */
function isAbbreviation(token: Token): boolean {
  return token.text.length > 1 && token.text === token.text.toUpperCase() && /\p{Lu}/u.test(token.text);
}

/** A capitalised word that cannot start a name here: "The" opening a sentence, "I". */
function cannotStart(token: Token, initial: boolean): boolean {
  if (isAbbreviation(token)) return false;
  if (/[’'](?:m|ve|re|d|ll|t)$/.test(token.lower)) return true; // "I'm", "We've", "Don't": never a name
  // "Like Acme, …"; "Said Jane Doe: …" (an inverted reporting verb opening the sentence).
  if (initial) return FUNCTION_WORDS.has(token.lower) || PREPOSITIONS.has(token.lower) || INVERTING_VERBS.has(token.lower);
  return token.lower !== 'the' && CLOSED.has(token.lower);
}

function followingNames(tokens: readonly Token[], from: number): string[] {
  const words: string[] = [];
  for (let k = from; isNameWord(tokens[k]) && !CLOSED.has(tokens[k]?.lower ?? ''); k++) {
    words.push(tokens[k]?.lower ?? '');
    if (tokens[k]?.possessive) break;
  }
  return words;
}

function joinsNames(words: readonly Token[], joiner: Token, right: readonly string[]): boolean {
  if (PARTICLES.has(joiner.text)) return true;
  if (!JOINERS.has(joiner.lower) || joiner.capitalised) return false;
  // "the Security Council on Friday": a date after a name is no part of it.
  if (right.length > 0 && right.every((word) => CALENDAR_WORDS.has(word))) return false;
  if (joiner.lower === 'and' || joiner.text === '&') {
    // Two names listed ("the Home Office and Crown Prosecution Service", "France and
    // Germany") stay apart; one name with "and" inside ("Trade and Industry") joins.
    const left = words.map((word) => word.lower).join(' ');
    if (PLACES.has(left) || canonicalCountry(left) || PLACES.has(right.join(' ')) || canonicalCountry(right.join(' '))) return false;
    if (right.slice(1).some((word) => ORG_WORDS.has(word))) return false;
  }
  return words.some((word) => ORG_WORDS.has(word.lower) || ROLE_HEADS.has(word.lower) || word.text === '&');
}

/**
 * Whether the straight mark at `k` closes a quotation rather than opening one: it follows
 * the quoted words' last punctuation and a space parts it from the next word
 * (`…ran with it," Hale said`). Curly marks say which they are themselves.
 */
function closesQuotation(tokens: readonly Token[], k: number): boolean {
  const mark = tokens[k];
  const next = tokens[k + 1];
  if (!mark || !next || (mark.text !== '"' && mark.text !== "'") || next.start === mark.end) return false;
  const before = tokens[k - 1];
  return before !== undefined && before.end === mark.start;
}

const NICKNAME_MARKS = new Set(['"', '“', '‘', "'"]);

/** The index of the surname after a quoted nickname at `mark` (`"Janey" Doe`), or null. */
function nicknameEnd(tokens: readonly Token[], mark: number, before: Token | undefined, title: Token | undefined): number | null {
  if (!before || !NICKNAME_MARKS.has(tokens[mark]?.text ?? '')) return null;
  // (A given name we do not know counts after a title: `Del. Marcia "Cia" Price`.)
  const titled = title?.capitalised === true && HONORIFICS.has(title.lower);
  if (!/^\p{Lu}\.$/u.test(before.text) && !givenNameGender(before.text) && !titled) return null;
  let k = mark + 1;
  while (k < mark + 3 && tokens[k]?.isWord && tokens[k]?.capitalised) k++;
  if (k === mark + 1 || tokens[k]?.isWord || !/^["”’']$/.test(tokens[k]?.text ?? '')) return null;
  const surname = tokens[k + 1];
  return surname && isNameWord(surname) && !CLOSED.has(surname.lower) ? k + 1 : null;
}

/**
 * Finds runs of capitalised words in one sentence's tokens, joined across "of", "for" and
 * "and" inside organisation names, and across particles ("van", "de") inside people's.
 * A capitalised function word that opens the sentence does not start a run.
 * Example: `The Ministry of Justice and Mr Jones met.` → "Ministry of Justice", "Mr Jones".
 */
export function findNameRuns(tokens: readonly Token[]): NameRun[] {
  const runs: NameRun[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    const previous = tokens[i - 1];
    const initial = i === 0 || (previous !== undefined && !previous.isWord && OPENING_MARKS.has(previous.text) && !closesQuotation(tokens, i - 1));
    if (!first || !isNameWord(first) || cannotStart(first, initial) || tokens[i + 1]?.text === '$' || BREAKERS.has(first.lower)) {
      i++;
      continue;
    }
    const words: Token[] = [first];
    let j = i + 1;
    while (j < tokens.length && !words[words.length - 1]?.possessive) {
      const next = tokens[j];
      if (next && isNameWord(next) && (!CLOSED.has(next.lower) || isAbbreviation(next)) && !BREAKERS.has(next.lower)) {
        words.push(next);
        j++;
        continue;
      }
      // `Jane "Janey" Doe`: a quoted nickname after a given name, an initial or a title's name stays out of the
      // name, which runs on to the surname.
      const nickEnd = nicknameEnd(tokens, j, words[words.length - 1], words[words.length - 2]);
      if (nickEnd !== null) {
        words.push(tokens[nickEnd] as Token);
        j = nickEnd + 1;
        continue;
      }
      const after = tokens[j + 1]?.lower === 'the' ? tokens[j + 2] : tokens[j + 1];
      if (next && after && isNameWord(after) && !CLOSED.has(after.lower) && joinsNames(words, next, followingNames(tokens, tokens.indexOf(after, j)))) {
        for (let k = j; tokens[k] !== after; k++) words.push(tokens[k] as Token);
        words.push(after);
        j = tokens.indexOf(after, j) + 1;
        continue;
      }
      break;
    }
    let nameWords = words;
    if (nameWords[0]?.lower === 'the' && nameWords.length > 1) nameWords = nameWords.slice(1);
    const head = nameWords[0];
    const honorific =
      head && nameWords.length > 1 && HONORIFICS.has(head.lower) && (STRICT_HONORIFICS.has(head.lower) || isNameWord(nameWords[1])) ? head.lower : null;
    const named = honorific ? nameWords.slice(1) : nameWords;
    const last = words[words.length - 1] as Token;
    if (named.length > 0 && head) {
      runs.push({
        tokStart: tokens.indexOf(head, i),
        tokEnd: j,
        honorific,
        words: named.map((word) => word.text),
        start: head.start,
        end: last.end,
        possessive: last.possessive,
        initial: initial && nameWords === words,
      });
    }
    i = j;
  }
  return runs;
}
