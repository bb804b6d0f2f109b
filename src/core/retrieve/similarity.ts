/**
 * Whether two sentences say the same thing: the test that folds several outlets' copies of
 * one claim into one point with all their citations, and keeps a brief from repeating itself.
 */
import { contentStems } from './terms.ts';

const cache = new Map<string, ReadonlySet<string>>();

function stemsOf(text: string): ReadonlySet<string> {
  let stems = cache.get(text);
  if (!stems) {
    stems = contentStems(text);
    if (cache.size > 5000) cache.clear();
    cache.set(text, stems);
  }
  return stems;
}

/**
 * Overlap of content words, measured on the shorter sentence: 1 when every content word of
 * one stands in the other. "The firm denied it" vs "The firm has denied it strongly" → 1.
 */
export function overlap(a: string, b: string): number {
  const x = stemsOf(a);
  const y = stemsOf(b);
  const [small, large] = x.size <= y.size ? [x, y] : [y, x];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const stem of small) if (large.has(stem)) shared += 1;
  return shared / small.size;
}

/** Jaccard similarity of content words: shared over all. */
export function jaccard(a: string, b: string): number {
  const x = stemsOf(a);
  const y = stemsOf(b);
  let shared = 0;
  for (const stem of x) if (y.has(stem)) shared += 1;
  const union = x.size + y.size - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * Two sentences make the same claim when most of their content words are shared: a rewrite
 * of a wire story, the same quotation reported twice, a lead repeated as a standfirst.
 */
export function sameClaim(a: string, b: string): boolean {
  if (a === b) return true;
  return jaccard(a, b) >= 0.5 || (overlap(a, b) >= 0.8 && Math.min(stemsOf(a).size, stemsOf(b).size) >= 4);
}

/**
 * Two sentences report the same development, if not in the same words: most of the shorter
 * one's content words (and at least five of them) stand in the other, and they share a
 * quarter of all their words. Looser than
 * `sameClaim`: two outlets' leads on one event, each with details of its own.
 */
export function sameDevelopment(a: string, b: string): boolean {
  if (sameClaim(a, b)) return true;
  const x = stemsOf(a);
  const y = stemsOf(b);
  let shared = 0;
  for (const stem of x) if (y.has(stem)) shared += 1;
  // Both tests: a short sentence whose few words all appear in a long one is not enough.
  return shared >= 5 && overlap(a, b) >= 0.65 && jaccard(a, b) >= 0.25;
}
