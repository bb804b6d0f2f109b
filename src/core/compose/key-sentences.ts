/**
 * Which sentences of an article carry its news: the lead first, then sentences that name
 * people, organisations, sums and dates and share words with the headline, rather than
 * sentences that lean on the one before ("He added…", "But it was…") or say little.
 */
import type { Sentence } from '../article.ts';
import { overlap } from '../retrieve/similarity.ts';
import { contentStems } from '../retrieve/terms.ts';

/** A sentence with how much of the article's news it carries, 0 to about 2. */
export interface KeySentence {
  readonly sentence: Sentence;
  readonly weight: number;
}

// Openings that only make sense after the sentence before.
const LEANS_ON_CONTEXT =
  /^(?:["“‘']?)(?:he|she|it|they|this|that|these|those|but|and|or|so|also|however|meanwhile|instead|then|still|yet|its|his|her|their)\b/i;
const SPEECH_ONLY = /^["“‘'][^"”’']*["”’'],?\s+(?:he|she|they|it)\s+(?:said|added|told|says)\b/i;
const HAS_FIGURE = /[£$€¥]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|bn|billion|m\b|million)|\b(?:19|20)\d\d\b/i;
const PROPER_NAME = /(?:^|[^.!?]\s)\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)+/u;

const MIN_WORDS = 8;

/**
 * How much a sentence needs the one before it to make sense, 0 (stands alone) to 1: one
 * opening on a pronoun or a connective, a bare "…," he said, or an introduction ending in a
 * colon. `contextPenalty('He said: "It is over."')` → 0.5.
 */
export function contextPenalty(text: string): number {
  if (/:\s*$/.test(text)) return 1;
  return LEANS_ON_CONTEXT.test(text) || SPEECH_ONLY.test(text) ? 0.5 : 0;
}

/**
 * Weighs each content sentence of an article (headings and fragments left out).
 * `keySentences(sentences, 'Minister quits over leak')` → the lead first, then by weight.
 */
export function keySentences(sentences: readonly Sentence[], title: string): KeySentence[] {
  const content = sentences.filter((s) => s.kind !== 'heading' && s.text.split(/\s+/).length >= MIN_WORDS);
  const titleStems = contentStems(title);
  return content
    .map((sentence, rank) => {
      let weight = rank === 0 ? 1 : Math.max(0.1, 0.6 - rank * 0.04);
      if (sentence.kind === 'standfirst') weight += 0.3;
      if (titleStems.size > 0) weight += 0.5 * overlap(title, sentence.text);
      if (HAS_FIGURE.test(sentence.text)) weight += 0.15;
      if (PROPER_NAME.test(sentence.text)) weight += 0.1;
      weight -= contextPenalty(sentence.text);
      return { sentence, weight };
    })
    .sort((a, b) => b.weight - a.weight);
}
