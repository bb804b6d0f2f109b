/**
 * Typo tolerance against the index's own vocabulary: a question word that no indexed sentence
 * contains, one edit away from words that many do, is read as the commonest of them
 * ("Kowalczik" → Kowalczyk, "goverment" → government). Only words the index lacks are
 * corrected, so a rare real word is never replaced by a common one.
 */
import type { Concept, Form, QueryPlan } from './query.ts';
import type { StoryView } from './story-view.ts';
import { PARTS_OF_SPEECH } from '../lexicon/wordnet.ts';
import { tokenize } from './terms.ts';
import { sharedWordNet } from './word-relations.ts';

/** Shorter words have too many neighbours one edit away to choose among. */
const MIN_LENGTH = 5;
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * Every string one edit (delete, swap of neighbours, replace, insert) from `word`.
 * @example editsOf('teh') includes 'the', 'eh', 'tech'
 */
export function editsOf(word: string): Set<string> {
  const edits = new Set<string>();
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i);
    const tail = word.slice(i);
    if (tail) edits.add(head + tail.slice(1));
    if (tail.length > 1) edits.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail) edits.add(head + letter + tail.slice(1));
      edits.add(head + letter + tail);
    }
  }
  edits.delete(word);
  return edits;
}

function isEnglishWord(word: string): boolean {
  const wordnet = sharedWordNet();
  return PARTS_OF_SPEECH.some((pos) => wordnet.senses(word, pos).length > 0);
}

/** Whether a concept is one plain word the index never contains. */
function unknownWord(concept: Concept, frequency: (form: string) => number): string | undefined {
  if (concept.entity || concept.forms.some((form) => frequency(form.text) > 0)) return undefined;
  return /^\p{L}+$/u.test(concept.label) && concept.label.length >= MIN_LENGTH ? concept.label : undefined;
}

/** A correction written as the word was: "Kowalczik" → "Kowalczyk". */
function likeTyped(typed: string, correction: string): string {
  if (typed === typed.toUpperCase()) return correction.toUpperCase();
  return /^\p{Lu}/u.test(typed) ? correction[0]!.toUpperCase() + correction.slice(1) : correction;
}

export interface Corrected {
  readonly question: string;
  /** Each word read otherwise, as typed and as read. */
  readonly corrections: readonly { readonly typed: string; readonly read: string }[];
}

/**
 * The question with each word the index lacks replaced by its likeliest spelling (the
 * commonest indexed word one edit away), or the question as it was.
 * @example await correctQuestion('What did Kowalczik say?', plan, view)
 *   → { question: 'What did Kowalczyk say?', corrections: [{ typed: 'Kowalczik', read: 'Kowalczyk' }] }
 */
export async function correctQuestion(question: string, plan: QueryPlan, view: Pick<StoryView, 'frequencies'>): Promise<Corrected> {
  const asked = await view.frequencies(plan.concepts.flatMap((concept) => concept.forms.map((form: Form) => form.text)));
  const unknown = [...new Set(plan.concepts.map((concept) => unknownWord(concept, asked.of)).filter((word): word is string => word !== undefined))];
  if (unknown.length === 0) return { question, corrections: [] };
  const options = new Map(unknown.map((word) => [word, [...editsOf(word.toLowerCase())].filter((edit) => tokenize(edit).length === 1)]));
  const known = await view.frequencies([...options.values()].flat());
  const corrections: { typed: string; read: string }[] = [];
  let text = question;
  for (const [typed, edits] of options) {
    // The commonest; among edits that stem alike ("governent", "government"), a real word.
    let best: string | undefined;
    for (const edit of edits) {
      const count = known.of(edit);
      if (count === 0 || (best && count < known.of(best))) continue;
      if (!best || count > known.of(best) || (!isEnglishWord(best) && isEnglishWord(edit))) best = edit;
    }
    if (!best) continue;
    const read = likeTyped(typed, best);
    corrections.push({ typed, read });
    text = text.replace(new RegExp(`(?<![\\p{L}])${typed}(?![\\p{L}])`, 'gu'), read);
  }
  return { question: text, corrections };
}
