/**
 * What a text offers as evidence, computed once per passage: the names it mentions, its
 * content-word stems and its quantities. The checker compares a sentence's own evidence with
 * the union of its cited passages'.
 */
import type { SourceText } from '../core/ports/writer.ts';
import type { Citation } from '../core/reply.ts';
import { dateInWords, fullDateWord } from './dates.ts';
import { honorifics, overlapStopWords } from './function-words.ts';
import { withoutInstructions } from './injection.ts';
import { stem } from '../core/retrieve/terms.ts';
import { quantities, type Quantity } from '../core/analyse/quantities.ts';
import { canonicalPlaces, foldTypography, nameKey, words } from './text-fold.ts';

/** A stored quotation or sentence of an article, with who said it when it is a quotation. */
export type StoredText = SourceText;

export interface TextEvidence {
  /** Every word, lower-cased, possessive dropped, months and weekdays in full: for names. */
  readonly names: ReadonlySet<string>;
  /** Stems of content words (no function words, no bare numbers): for overlap. */
  readonly stems: ReadonlySet<string>;
  readonly quantities: readonly Quantity[];
}

/** Normalises text the same way for sentences and passages. */
export function comparable(text: string): string {
  return canonicalPlaces(foldTypography(text));
}

/** Capitalised words and codes such as "4G": checked as names, not as content overlap. */
export function isNameLike(word: string): boolean {
  return /^\p{Lu}/u.test(word) || (/\p{N}/u.test(word) && /\p{L}/u.test(word));
}

/**
 * The content-word stems of a text; with `claimWordsOnly`, only of words that are not
 * name-like, which carry what the sentence says about the names.
 * @example contentStems('The UK has restricted Acme’s equipment') // ['unitedkingdom', 'restrict', 'acme', 'equip']
 * @example contentStems('The UK has restricted Acme’s equipment', { claimWordsOnly: true }) // ['restrict', 'equip']
 */
export function contentStems(text: string, options: { readonly claimWordsOnly?: boolean } = {}): string[] {
  return words(comparable(text))
    .filter((t) => !options.claimWordsOnly || !isNameLike(t.text))
    .map((t) => nameKey(t.text))
    .filter((w) => /\p{L}/u.test(w) && w.length > 1 && !overlapStopWords.has(w) && !honorifics.has(w))
    .map((w) => stem(w));
}

/** The evidence a piece of text offers. */
export function evidenceOf(text: string): TextEvidence {
  const normal = comparable(text);
  return {
    names: new Set(words(normal).map((t) => fullDateWord(nameKey(t.text)))),
    stems: new Set(contentStems(text)),
    quantities: quantities(normal),
  };
}

/**
 * The evidence of one numbered passage: its text with instruction-like sentences removed,
 * plus its title, outlet and publication date written out, which the writer was shown too.
 * @example passageEvidence({ n: 1, outlet: 'Daily Courier', published: '2018-12-27', text: '…', … }).names.has('december') // true
 */
export function passageEvidence(citation: Citation): TextEvidence {
  const header = [citation.outlet ?? '', dateInWords(citation.published), citation.published ?? ''];
  return evidenceOf([...header, withoutInstructions(citation.title), withoutInstructions(citation.text)].join('\n'));
}

/** The union of several pieces of evidence. */
export function mergeEvidence(parts: readonly TextEvidence[]): TextEvidence {
  return {
    names: new Set(parts.flatMap((p) => [...p.names])),
    stems: new Set(parts.flatMap((p) => [...p.stems])),
    quantities: parts.flatMap((p) => p.quantities),
  };
}
