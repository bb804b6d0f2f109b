/**
 * "What about X?" asks the last question of something else: X takes the place of the concept
 * of its own kind in the last subject (a person for a person, a place for a place, a topic for
 * a topic), else of what the last question was "about", else it is added to it.
 *
 * "What did Joan Smith say about prices?" + "what about Tom Brown?" → "What did Tom Brown say
 * about prices?"; + "what about wages?" → "What did Joan Smith say about wages?".
 */
import { placeFor } from '../lexicon/places.ts';
import type { QuestionIndex } from '../retrieve/entity-index.ts';
import { parseQuestion } from '../retrieve/query.ts';
import type { SubjectConcept, Turn } from './turns.ts';

/**
 * The concepts a subject is read into, with what kind of thing each names.
 * @example conceptsOf('What did Joan Smith say about France?', index) → [{ label: 'Joan Smith', kind: 'person' }, { label: 'France', kind: 'place' }]
 */
export function conceptsOf(subject: string, index: QuestionIndex): SubjectConcept[] {
  return parseQuestion(subject, index).concepts.map((concept) => ({
    label: concept.label,
    kind: concept.entity?.kind ?? (placeFor(concept.label) ? 'place' : null),
  }));
}

/** Replaces the first case-insensitive occurrence of `label` in `text`, or returns null. */
function replaceLabel(text: string, label: string, by: string): string | null {
  const at = text.toLowerCase().indexOf(label.toLowerCase());
  return at < 0 ? null : `${text.slice(0, at)}${by}${text.slice(at + label.length)}`;
}

/** The last turn's subject with the fragment in place of what it replaces. */
export function replaceConcept(last: Turn, fragment: string, index: QuestionIndex): { subject: string; concepts: SubjectConcept[] } {
  const subject = last.subject ?? '';
  const incoming = conceptsOf(fragment, index);
  let result: string | null = null;
  const kinds = incoming.map((c) => c.kind);
  if (incoming.length === 1) {
    const kind = kinds[0] ?? null;
    const same = last.concepts.filter((c) => c.kind === kind);
    // A name replaces the one name of its kind; a topic replaces the last topic word.
    const target = kind === null ? same[same.length - 1] : same.length === 1 ? same[0] : undefined;
    if (target) result = replaceLabel(subject, target.label, fragment);
  }
  if (result === null) {
    const about = /\babout\s+(.+?)([?.!]*)$/i.exec(subject);
    if (about && incoming.length > 0) result = `${subject.slice(0, about.index)}about ${fragment}${about[2] ?? ''}`;
  }
  if (result === null) result = `${subject.replace(/[?.!\s]+$/, '')} ${fragment}${/\?\s*$/.test(subject) ? '?' : ''}`;
  return { subject: result, concepts: conceptsOf(result, index) };
}
