/**
 * Numbers, money and percentages as values, so that "£3.2bn" in a sentence is found in a
 * passage that says "£1.7 billion", and "26,000" matches "26000". A sentence's quantities
 * must each be found among its passages' quantities: a wrong number is a wrong fact.
 */

import { NUMBER_WORDS } from '../lexicon/number-words.ts';

export interface Quantity {
  /** The words as written: "£3.2bn", "26,000", "five". */
  readonly text: string;
  readonly value: number;
  /** '£', '$', '€', '¥', or a prefixed dollar such as 'HK$'; null when no currency is named. */
  readonly currency: string | null;
  readonly percent: boolean;
}

const SCALE: Readonly<Record<string, number>> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  bn: 1e9,
  billion: 1e9,
  tn: 1e12,
  trillion: 1e12,
};

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  pound: '£',
  pounds: '£',
  sterling: '£',
  dollar: '$',
  dollars: '$',
  euro: '€',
  euros: '€',
  yen: '¥',
};

// A figure not glued to letters ("4G", "FBI" are names), with an optional currency before and
// a scale, currency word or percent after. Thousands separators are commas before 3 digits.
const QUANTITY = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])(?<cur>[A-Z]{0,3}\$|[£€¥])?\s?` +
    String.raw`(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)` +
    String.raw`(?<ord>(?:st|nd|rd|th|s)\b)?` +
    String.raw`(?:\s?(?<scale>thousand|million|billion|trillion|bn|mn|tn|k|m)(?![\p{L}]))?` +
    String.raw`(?:\s?(?<pct>%|per\s?cent\b|percent\b))?` +
    String.raw`(?:\s(?<word>pounds?|sterling|dollars?|euros?|yen)\b)?`,
  'gu',
);

const NUMBER_WORD = new RegExp(String.raw`\b(?<word>${Object.keys(NUMBER_WORDS).join('|')})\b(?:\s(?<scale>thousand|million|billion))?`, 'giu');

function currencyOf(symbol: string | undefined, word: string | undefined): string | null {
  if (symbol) return symbol === 'US$' ? '$' : symbol;
  if (word) return CURRENCY_WORDS[word.toLowerCase()] ?? null;
  return null;
}

/**
 * Finds every quantity in a text, as values.
 * @example quantities('a £3.2bn boost and 26,000 jobs')
 *   // [{ text: '£3.2bn', value: 1.7e9, currency: '£', percent: false }, { text: '26,000', value: 26000, … }]
 * @example quantities('five per cent') // [{ text: 'five per cent', value: 5, currency: null, percent: true }]
 */
export function quantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const g = match.groups ?? {};
    const numEnd = match.index + match[0].indexOf(g['num']!) + g['num']!.length;
    // "4G" and "4K" are names, not numbers.
    if (!g['ord'] && !g['scale'] && /\p{L}/u.test(text[numEnd] ?? '')) continue;
    const base = Number(g['num']!.replace(/,/g, ''));
    const scale = g['scale'] ? SCALE[g['scale'].toLowerCase()]! : 1;
    found.push({
      text: match[0].trim(),
      value: base * scale,
      currency: currencyOf(g['cur'], g['word']),
      percent: Boolean(g['pct']),
    });
  }
  for (const match of text.matchAll(NUMBER_WORD)) {
    const g = match.groups ?? {};
    const base = NUMBER_WORDS[g['word']!.toLowerCase()]!;
    const scale = g['scale'] ? SCALE[g['scale'].toLowerCase()]! : 1;
    const after = text.slice(match.index + match[0].length);
    found.push({
      text: match[0],
      value: base * scale,
      currency: null,
      percent: /^\s?(?:%|per\s?cent\b|percent\b)/i.test(after),
    });
  }
  return found;
}

function sameValue(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
}

/**
 * Whether a quantity of the sentence is stated among the passage's quantities: the same value,
 * and the same currency and percent sign when the sentence gives them.
 * @example isQuantityStated(quantities('£1.7 billion')[0], quantities('GDP by £3.2bn in 2018')) // true
 */
export function isQuantityStated(wanted: Quantity, stated: readonly Quantity[]): boolean {
  return stated.some((q) => sameValue(q.value, wanted.value) && (wanted.currency === null || q.currency === wanted.currency) && (!wanted.percent || q.percent));
}
