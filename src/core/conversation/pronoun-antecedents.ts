/**
 * Reads the pronouns of a message against the conversation: "What did he say about Australia?"
 * after a question about Joan Smith's colleague Tom Brown becomes "What did Tom Brown say about
 * Australia?". A pronoun that can stand for a name the message itself gives before it ("Did
 * Tom Brown say his …", "What did Acme's board say about its plan?") is left alone, and so is an
 * "it" or "they" in a message that names anything at all, or a dummy "it" ("is it true that
 * …"); so are words inside quotation marks, which are someone else's.
 */
import { DUMMY_IT_WORDS, PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS } from '../lexicon/discourse.ts';
import { isStopword, tokenize, type Token } from '../retrieve/terms.ts';
import type { EntityRef, Turn } from './turns.ts';

export interface PronounReading {
  /** The message with each resolved pronoun replaced by the name it stands for. */
  readonly text: string;
  /** Pronouns read, in order, with whom they stand for. */
  readonly resolved: readonly { readonly word: string; readonly entity: EntityRef }[];
  /** A pronoun for a person the conversation does not name ("she" after only men). */
  readonly unresolved: readonly string[];
}

/** Spans inside quotation marks: their pronouns are the quoted speaker's, not the asker's. */
function quotedSpans(text: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const match of text.matchAll(/“[^”]*”|"[^"]*"|‘[^’]*’/g)) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/**
 * Whether the message gives a name before `at`: a capitalised word that is not a function
 * word. Such a message brings its own antecedent ("Charlie Simpson's new band … their show"),
 * whether or not the story knows the name.
 */
function nameBefore(tokens: readonly Token[], at: number): boolean {
  return tokens.some((token) => token.start < at && isName(token));
}

function isName(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text) && !isStopword(token.lower) && token.text !== 'I';
}

/** "is it true that …", "it was thought …": an "it" that stands for nothing. */
function dummyIt(tokens: readonly Token[], i: number): boolean {
  const next = tokens[i + 1]?.lower;
  const after = tokens[i + 2]?.lower;
  if (next && DUMMY_IT_WORDS.has(next)) return true;
  return (next === 'is' || next === 'was' || next === "it's" || next === 'seems') && after !== undefined && DUMMY_IT_WORDS.has(after);
}

/** The most recent entity of the conversation a pronoun can stand for. */
export function antecedent(turns: readonly Turn[], fits: (entity: EntityRef) => boolean): EntityRef | undefined {
  for (let t = turns.length - 1; t >= 0; t--) {
    const found = turns[t]!.entities.find(fits);
    if (found) return found;
  }
  return undefined;
}

/** "her" is possessive before a word of content ("her view"), an object otherwise ("ask her"). */
function possessive(token: Token, next: Token | undefined, text: string): boolean {
  if (['his', 'its', 'their', 'theirs', 'hers'].includes(token.lower)) return true;
  if (token.lower !== 'her' || !next) return false;
  const between = text.slice(token.end, next.start);
  return /^\s+$/.test(between) && !isStopword(next.lower);
}

/**
 * Reads the pronouns of `text` against the conversation's turns.
 * @example readPronouns('What did he say next?', turns)
 *   → { text: 'What did Tom Brown say next?', resolved: [{ word: 'he', entity: Tom Brown }], unresolved: [] }
 */
export function readPronouns(text: string, turns: readonly Turn[]): PronounReading {
  const quoted = quotedSpans(text);
  const tokens = tokenize(text).filter((token) => !quoted.some(([from, to]) => token.start >= from && token.end <= to));
  const namesAnything = tokens.some(isName);
  const replacements: { start: number; end: number; text: string }[] = [];
  const resolved: { word: string; entity: EntityRef }[] = [];
  const unresolved: string[] = [];
  tokens.forEach((token, i) => {
    const word = token.lower;
    const gender = PERSON_PRONOUNS.get(word);
    let entity: EntityRef | undefined;
    if (gender) {
      if (nameBefore(tokens, token.start)) return;
      entity = antecedent(turns, (e) => e.kind === 'person' && (e.gender === 'unknown' || e.gender === gender));
      if (!entity) {
        unresolved.push(token.text);
        return;
      }
    } else if (THING_PRONOUNS.has(word) || PLURAL_PRONOUNS.has(word)) {
      // "it" and "they" are often about nothing in particular, or about something the message
      // names after them: read only in a message that names nothing, from an organisation or group.
      if (namesAnything || (word === 'it' && dummyIt(tokens, i))) return;
      const kinds = THING_PRONOUNS.has(word) ? ['organisation'] : ['organisation', 'group'];
      entity = antecedent(turns, (e) => kinds.includes(e.kind));
      if (!entity) return;
    } else {
      return;
    }
    resolved.push({ word: token.text, entity });
    const name = possessive(token, tokens[i + 1], text) ? `${entity.name}’s` : entity.name;
    replacements.push({ start: token.start, end: token.end, text: name });
  });
  let rewritten = text;
  for (const r of [...replacements].reverse()) rewritten = `${rewritten.slice(0, r.start)}${r.text}${rewritten.slice(r.end)}`;
  return { text: rewritten, resolved, unresolved };
}
