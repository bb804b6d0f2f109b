/**
 * The small readings a follow-up is made of: which source a message asks for, which words
 * carry no subject of their own, and the question words it opens with.
 */
import {
  AUXILIARIES,
  DEMONSTRATIVES,
  HOW_WORDS,
  NEXT_WORDS,
  PERSON_PRONOUNS,
  PLURAL_PRONOUNS,
  PRO_VERBS,
  QUESTION_WORDS,
  SOURCE_WORDS,
  THING_PRONOUNS,
} from '../lexicon/discourse.ts';
import { SPEECH_VERBS } from '../lexicon/stopwords.ts';
import { isStopword, type Token } from '../retrieve/terms.ts';

/** "source 2", "what's source 2?", "[2]", "citation #3": the number asked for, or null. */
export function sourceNumber(tokens: readonly Token[], text: string): number | null {
  if (/^\s*\[\d{1,3}\]\s*\??\s*$/.test(text)) return Number(/\d+/.exec(text)![0]);
  const words = tokens
    .map((t) => t.lower)
    .filter((w) => !['show', 'open', 'what', "what's", 'is', 'the', 'me', 'number', 'no', 'give', 'read', 'please'].includes(w));
  if (words.length !== 2 || !SOURCE_WORDS.has(words[0]!) || !/^\d{1,3}$/.test(words[1]!)) return null;
  return Number(words[1]);
}

/** Whether a word carries no subject of its own in a follow-up ("why did he say that?"). */
export function leans(token: Token): boolean {
  const w = token.lower;
  return (
    QUESTION_WORDS.has(w) ||
    AUXILIARIES.has(w) ||
    PERSON_PRONOUNS.has(w) ||
    THING_PRONOUNS.has(w) ||
    PLURAL_PRONOUNS.has(w) ||
    DEMONSTRATIVES.has(w) ||
    PRO_VERBS.has(w) ||
    SPEECH_VERBS.has(w) ||
    NEXT_WORDS.has(w) ||
    isStopword(w) ||
    HOW_WORDS.has(w) ||
    ['not', 'exactly', 'really', 'else'].includes(w)
  );
}

/** The question words a message opens with ("how much", "why", "since when"), or null. */
export function questionWords(tokens: readonly Token[]): string | null {
  const first = tokens[0]?.lower;
  if (!first || !QUESTION_WORDS.has(first)) return null;
  const second = tokens[1]?.lower;
  if (first === 'how' && second !== undefined && HOW_WORDS.has(second)) return `how ${second}`;
  return first;
}
