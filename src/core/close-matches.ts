/**
 * Suggestions for a name the user mistyped: "did you mean …?" for commands, speakers and
 * article ids. Case and accents do not matter; a candidate that contains the input as a word
 * or a prefix counts as close, and so does one within a small edit distance of it.
 */

/** Lower-cased, accents and curly apostrophes folded, white space collapsed. */
function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Edit distance (insertions, deletions, substitutions), stopping early past `limit`. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How far `candidate` is from `input`: 0 is a word or prefix match; null is not close. */
function distance(input: string, candidate: string): number | null {
  if (input.length === 0) return null;
  const words = candidate.split(/[\s/_.-]+/);
  if (candidate.startsWith(input) || words.some((word) => word.startsWith(input))) return 0;
  if (input.length >= 4 && candidate.includes(input)) return 0.5;
  const limit = Math.max(1, Math.floor(input.length / 4));
  const whole = editDistance(input, candidate, limit);
  const bestWord = Math.min(...words.map((word) => editDistance(input, word, limit)));
  const d = Math.min(whole, bestWord + 0.25);
  return d <= limit ? d : null;
}

/**
 * Up to `max` candidates close to `input`, closest first, in their original spelling.
 *
 * @example closeMatches('smiht', ['Joan Smith', 'Chen Wei']) → ['Joan Smith']
 * @example closeMatches('sorces', ['ingest', 'sources', 'show']) → ['sources']
 */
export function closeMatches(input: string, candidates: readonly string[], max = 5): string[] {
  const folded = fold(input);
  const scored: { candidate: string; d: number }[] = [];
  for (const candidate of new Set(candidates)) {
    const d = distance(folded, fold(candidate));
    if (d !== null) scored.push({ candidate, d });
  }
  scored.sort((a, b) => a.d - b.d || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, max).map((s) => s.candidate);
}
