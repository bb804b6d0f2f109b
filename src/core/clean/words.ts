/**
 * Word-level helpers the cleaning rules share: function words, content-word sets and how
 * much of one text another repeats (a headline repeats its lede; a caption does not).
 */

/** English function words: a title must not end on one, and they carry no topic. */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  `a about above across after against along amid amidst among an and any around as at be been
  before behind being below beneath beside besides between beyond both but by despite down
  during each either except for from had has have having he her his however if in inside into
  is it its itself like near neither no nor not of off on onto or our out outside over past per
  since so than that the their them then there these they this those though through throughout
  till to toward towards under underneath unless unlike until up upon via was were what when
  where whether which while who whom whose why will with within without would yet also just
  very whilst whereas although because could should shall may might must can does did do she
  we you your i my me us are am`
    .split(/\s+/)
    .filter(Boolean),
);

const NOT_WORD = /[^\p{L}\p{N}'’-]+/u;
const POSSESSIVE = /['’]s$|['’]$/;
// ' ’ -
const LEADING_MARK: ReadonlySet<number> = new Set([39, 0x2019, 45]);

/** Lower-cased word tokens of a text, possessives dropped: "Acme’s 4G" → ["acme", "4g"]. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const token of text.toLowerCase().split(NOT_WORD)) {
    // Most tokens open on a letter or digit: the leading marks' expression only for the rest.
    const word = LEADING_MARK.has(token.charCodeAt(0)) ? token.replace(/^['’-]+/, '') : token;
    if (word === '') continue;
    out.push(word.includes('’') || word.includes("'") ? word.replace(POSSESSIVE, '') : word);
  }
  return out;
}

/** A crude stem good enough to match "networks" with "network" and "signs" with "sign". */
function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The stemmed content words of a text (function words dropped). */
export function contentWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const word of words(text)) {
    if (!FUNCTION_WORDS.has(word)) out.add(stem(word));
  }
  return out;
}

/**
 * The share of `text`'s content words that also occur in `other`, 0 to 1.
 *
 * Example: echoed("Firm offers no-strike deal", contentWords("The firm said it would sign a
 * no-strike deal")) → 0.75 (firm, no-strike and deal of firm, offer, no-strike, deal).
 */
export function echoed(text: string, other: ReadonlySet<string>): number {
  const mine = contentWords(text);
  if (mine.size === 0) return 0;
  let shared = 0;
  for (const word of mine) if (other.has(word)) shared++;
  return shared / mine.size;
}

/** Number of words, counting anything between spaces. */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = text.charCodeAt(i) === 32;
    if (!space && !inWord) count++;
    inWord = !space;
  }
  return count;
}
