/**
 * Whether two sentences say the same thing: the test that folds several outlets' copies of
 * one claim into one point with all their citations, and keeps a brief from repeating itself.
 * Words decide whether two sentences are about the same thing; their facts decide whether
 * they say the same about it. Two sentences are the same only when their figures, names
 * (and so their dates) and negation agree: "The earthquake killed 12 people" and "… killed 45
 * people" are two reports, the second perhaps an update of the first (`figuresChanged`).
 */
import { quantities } from '../analyse/quantities.ts';
import { isNegator } from '../lexicon/negation.ts';
import { contentStems, isStopword, tokenize } from './terms.ts';

/** What a sentence states that two tellings of one claim must share. */
interface Facts {
  /** Figures as values, keyed with their currency and percent sign: "£1700000000", "5%". */
  readonly figures: ReadonlyMap<string, string>;
  /** Capitalised words, lower-cased (people, places, organisations, months, weekdays), and years. */
  readonly names: ReadonlySet<string>;
  readonly negated: boolean;
}

/** A sentence as compared: its content stems, and its facts once a comparison gets that far. */
interface Reading {
  readonly stems: ReadonlySet<string>;
  facts?: Facts;
}

const cache = new Map<string, Reading>();

function read(text: string): Reading {
  let known = cache.get(text);
  if (!known) {
    // Figures are facts, compared as values below; as words they would make "12" and "45" differ twice.
    known = { stems: new Set([...contentStems(text)].filter((stem) => !/\d/.test(stem))) };
    if (cache.size > 5000) cache.clear();
    cache.set(text, known);
  }
  return known;
}

/**
 * A sentence's facts, read when first compared: most pairs differ in their words already, so
 * most sentences (an answer compares its sentences with every candidate) never need their figures read.
 */
function factsIn(text: string): Facts {
  const known = read(text);
  known.facts ??= factsOf(text);
  return known.facts;
}

function factsOf(text: string): Facts {
  const figures = new Map<string, string>();
  const names = new Set<string>();
  for (const q of quantities(text)) {
    // A year is a date, which a telling may add ("in March 2019"); other figures are counts and sums.
    if (/^(?:1[89]|20)\d\d$/.test(q.text)) names.add(q.text);
    else figures.set(`${q.currency ?? ''}${q.value}${q.percent ? '%' : ''}`, q.text);
  }
  const tokens = tokenize(text);
  tokens.forEach((token, i) => {
    if (!/^\p{Lu}/u.test(token.text) || /\d/.test(token.text)) return;
    // A sentence's first word is capitalised anyway: a name only when a capitalised word follows ("Maria Lopez said").
    if (i === 0 && (isStopword(token.lower) || !/^\p{Lu}/u.test(tokens[1]?.text ?? ''))) return;
    names.add(token.lower);
  });
  return { figures, names, negated: tokens.some((token) => isNegator(token.lower)) };
}

function subsetEither(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (!large.has(key)) return false;
  return true;
}

function sameKeys(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a.keys()].every((key) => b.has(key));
}

/**
 * Whether two sentences' facts agree: the same figures, the same negation, and the names and
 * dates of one all found in the other (a telling may add who or when; it may not change
 * them, nor add or change a count or a sum, which is how an update reads).
 * "Acme cut 300 jobs" / "Acme cut 300 jobs in March" → true; "… 300 jobs" / "… 400 jobs" → false.
 */
export function factsAgree(a: string, b: string): boolean {
  const x = factsIn(a);
  const y = factsIn(b);
  return x.negated === y.negated && sameKeys(x.figures, y.figures) && subsetEither(x.names, y.names);
}

/**
 * Overlap of content words (figures aside), measured on the shorter sentence: 1 when every
 * content word of one stands in the other. "The firm denied it" vs "The firm has denied it strongly" → 1.
 */
export function overlap(a: string, b: string): number {
  const x = read(a).stems;
  const y = read(b).stems;
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const stem of small) if (large.has(stem)) shared += 1;
  return shared / small.size;
}

/** Jaccard similarity of content words (figures aside): shared over all. */
export function jaccard(a: string, b: string): number {
  const x = read(a).stems;
  const y = read(b).stems;
  let shared = 0;
  for (const stem of x) if (y.has(stem)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/** Most of the words are shared: a rewrite of a wire story, the same quotation reported twice. */
function sameWords(a: string, b: string): boolean {
  return jaccard(a, b) >= 0.5 || (overlap(a, b) >= 0.8 && Math.min(read(a).stems.size, read(b).stems.size) >= 4);
}

/**
 * Two sentences make the same claim when most of their content words are shared and their
 * facts agree: a rewrite of a wire story, the same quotation reported twice, a lead repeated
 * as a standfirst. "The earthquake killed 12 people" and "… 45 people" are not the same claim.
 */
export function sameClaim(a: string, b: string): boolean {
  if (a === b) return true;
  return sameWords(a, b) && factsAgree(a, b);
}

/**
 * Two sentences report the same development, if not in the same words: most of the shorter
 * one's content words (and at least five of them) stand in the other, they share a quarter
 * of all their words, and their facts agree. Looser than `sameClaim`: two outlets' leads on
 * one event, each with details of its own.
 */
export function sameDevelopment(a: string, b: string): boolean {
  if (sameClaim(a, b)) return true;
  if (!factsAgree(a, b)) return false;
  const x = read(a).stems;
  const y = read(b).stems;
  let shared = 0;
  for (const stem of x) if (y.has(stem)) shared += 1;
  // Both tests: a short sentence whose few words all appear in a long one is not enough.
  return shared >= 5 && overlap(a, b) >= 0.65 && jaccard(a, b) >= 0.25;
}

/** What changed between two reports of one thing: the figures only one of them gives. */
export interface FigureChange {
  /** As the first sentence writes them: ["12"]. */
  readonly from: readonly string[];
  /** As the second writes them: ["45"]. */
  readonly to: readonly string[];
}

/**
 * When two sentences report the same thing in the same words with different figures (and
 * the same names and negation), the figures that differ; otherwise null. Which one updates
 * the other is for the caller to say, from their dates.
 * @example figuresChanged('The earthquake killed 12 people.', 'The earthquake killed 45 people.') // { from: ['12'], to: ['45'] }
 * @example figuresChanged('The earthquake killed 12 people.', 'The earthquake killed 12 people.') // null
 */
export function figuresChanged(a: string, b: string): FigureChange | null {
  if (!sameWords(a, b) && !(overlap(a, b) >= 0.65 && jaccard(a, b) >= 0.4)) return null;
  const x = factsIn(a);
  const y = factsIn(b);
  if (x.negated !== y.negated || !subsetEither(x.names, y.names) || sameKeys(x.figures, y.figures)) return null;
  return {
    from: [...x.figures].filter(([key]) => !y.figures.has(key)).map(([, text]) => text),
    to: [...y.figures].filter(([key]) => !x.figures.has(key)).map(([, text]) => text),
  };
}
