/**
 * Reads the pronouns of a message against the conversation: "What did he say about Australia?"
 * after a question about Joan Smith's colleague Tom Brown becomes "What did Tom Brown say about
 * Australia?". A pronoun whose person the message itself names first ("Did Tom Brown say his
 * …") is left alone; so are words inside quotation marks, which are someone else's.
 */
import { PERSON_PRONOUNS, PLURAL_PRONOUNS, THING_PRONOUNS } from '../lexicon/discourse.ts';
import type { EntityIndex } from '../retrieve/entity-index.ts';
import { isStopword, tokenize, type Token } from '../retrieve/terms.ts';
import { entitiesNamedIn } from './entity-refs.ts';
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

/** A person the message names before `at` whom the pronoun can stand for. */
function namedBefore(text: string, at: number, gender: string, index: EntityIndex): boolean {
  return entitiesNamedIn(text.slice(0, at), index).some((e) => e.kind === 'person' && (e.gender === 'unknown' || e.gender === gender));
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
 * @example readPronouns('What did he say next?', turns, index)
 *   → { text: 'What did Tom Brown say next?', resolved: [{ word: 'he', entity: Tom Brown }], unresolved: [] }
 */
export function readPronouns(text: string, turns: readonly Turn[], index: EntityIndex): PronounReading {
  const quoted = quotedSpans(text);
  const tokens = tokenize(text).filter((token) => !quoted.some(([from, to]) => token.start >= from && token.end <= to));
  const named = entitiesNamedIn(text, index);
  const namesBody = named.some((e) => e.kind !== 'person');
  const replacements: { start: number; end: number; text: string }[] = [];
  const resolved: { word: string; entity: EntityRef }[] = [];
  const unresolved: string[] = [];
  tokens.forEach((token, i) => {
    const word = token.lower;
    const gender = PERSON_PRONOUNS.get(word);
    let entity: EntityRef | undefined;
    if (gender) {
      if (namedBefore(text, token.start, gender, index)) return;
      entity = antecedent(turns, (e) => e.kind === 'person' && (e.gender === 'unknown' || e.gender === gender));
      if (!entity) {
        unresolved.push(token.text);
        return;
      }
    } else if (THING_PRONOUNS.has(word) || PLURAL_PRONOUNS.has(word)) {
      // "it" and "they" are often about nothing in particular ("is it true that …"): read only
      // when the message names no organisation of its own and the conversation has one.
      if (namesBody) return;
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
