/**
 * Questions `ask` cannot read, each with a short reply that says why and what to do instead:
 * a database query typed as a question, or a question in another language (both are data,
 * never syntax: nothing here runs or passes on what was typed); and questions about a name,
 * number or thing the coverage never mentions.
 */
import type { Concept, QueryPlan } from '../retrieve/query.ts';
import { isOnlyNoun, sharedWordNet } from '../retrieve/word-relations.ts';
import { PARTS_OF_SPEECH } from '../lexicon/wordnet.ts';
import { isStopword, tokenize } from '../retrieve/terms.ts';
import type { StoryView } from '../retrieve/story-view.ts';

export const EXAMPLE_QUESTION = 'ask Who founded the company?';

// SQL statements and the usual injection tails: "'; DROP TABLE x; --", "1 OR 1=1", "UNION SELECT".
const SQL_LIKE =
  /;\s*(?:drop|delete|insert|update|alter|create|truncate)\b|\bunion\s+(?:all\s+)?select\b|^\s*select\s+(?:\*|[\w.]+(?:\s*,\s*[\w.]+)*)\s+from\s+\w+|^\s*(?:insert\s+into|delete\s+from|drop\s+table|update\s+\w+\s+set)\b|\b(?:or|and)\s+['"]?\d+['"]?\s*=\s*['"]?\d+|--\s*$/i;
/** Below this share of its words known as English (or to the coverage), a question is read as another language. */
const MIN_KNOWN_SHARE = 0.6;

/**
 * A reply for a question that is not a question `ask` can read, or null.
 * @example await unreadableQuestion("'; DROP TABLE sentences; --", view) → 'That looks like a database command…'
 * @example await unreadableQuestion('¿Quién fundó la empresa?', view) → 'I can only read questions in English…'
 * @example await unreadableQuestion('Who founded the company?', view) → null
 */
export async function unreadableQuestion(question: string, view: Pick<StoryView, 'frequencies'>): Promise<string | null> {
  if (SQL_LIKE.test(question)) {
    return `That looks like a database command, not a question; nothing was run. Ask in plain words, for example: ${EXAMPLE_QUESTION}`;
  }
  // Names are in no language: only the other words say which one the question is in.
  const words = tokenize(question).filter((token, i) => /\p{L}/u.test(token.text) && (i === 0 || !/^\p{Lu}/u.test(token.text)));
  if (words.length === 0) return null;
  // A stopword is English whatever its count: only the other words are looked up (the commonest cost most to count).
  const frequencies = await view.frequencies(words.filter((token) => !isStopword(token.lower)).map((token) => token.lower));
  const wordnet = sharedWordNet();
  const known = words.filter(
    (token) => isStopword(token.lower) || frequencies.of(token.lower) > 0 || PARTS_OF_SPEECH.some((pos) => wordnet.baseForms(token.lower, pos).length > 0),
  );
  if (known.length / words.length < MIN_KNOWN_SHARE) {
    return `I can only read questions in English, and could not read that one. Ask in English, for example: ${EXAMPLE_QUESTION}`;
  }
  return null;
}

/**
 * The names, numbers and things of the question that no indexed sentence contains.
 * @example await unknownNames(parseQuestion('How much did Globex pay?', index), view) → ['Globex']
 */
export async function unknownNames(plan: QueryPlan, view: StoryView): Promise<string[]> {
  // A name, a number, or a thing (a word only ever a noun, "sourdough") the coverage never
  // uses by any of the names WordNet gives it: the question is about something else.
  const thing = (concept: Concept) => !concept.entity && /^\p{Ll}{3,}$/u.test(concept.label) && isOnlyNoun(concept.label);
  const named = plan.concepts.filter((concept) => concept.named || concept.required || thing(concept));
  if (named.length === 0) return [];
  const frequencies = await view.frequencies(named.flatMap((concept) => concept.forms.map((form) => form.text)));
  return named.filter((concept) => concept.forms.every((form) => frequencies.of(form.text) === 0)).map((concept) => concept.label);
}
