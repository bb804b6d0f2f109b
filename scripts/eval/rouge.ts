/**
 * ROUGE-N (Lin, 2004) as the summarisation literature reports it: n-gram overlap between a
 * candidate summary and a reference, clipped counts, F1 of precision and recall. Tokens are
 * lower-cased runs of letters and digits, everything else a separator, no stemming and no
 * stopword removal: the rules of Google's `rouge-score` package with `use_stemmer=False`,
 * so "$10.9bn.For" (two reference sentences run together) reads as 10, 9bn, for.
 */

/**
 * The ROUGE tokens of a text.
 * @example rougeTokens("TimeWarner's $10.9bn.For") → ['timewarner', 's', '10', '9bn', 'for']
 */
export function rougeTokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i += 1) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

export interface RougeScore {
  readonly precision: number;
  readonly recall: number;
  readonly f: number;
}

/**
 * ROUGE-N of a candidate against a reference, each 0 to 1.
 * @example rougeN('the cat sat', 'the cat sat down', 1) → { precision: 1, recall: 0.75, f: 0.857… }
 */
export function rougeN(candidate: string, reference: string, n: number): RougeScore {
  const cand = ngramCounts(rougeTokens(candidate), n);
  const ref = ngramCounts(rougeTokens(reference), n);
  let overlap = 0;
  for (const [gram, count] of cand) overlap += Math.min(count, ref.get(gram) ?? 0);
  const candTotal = [...cand.values()].reduce((a, b) => a + b, 0);
  const refTotal = [...ref.values()].reduce((a, b) => a + b, 0);
  const precision = candTotal === 0 ? 0 : overlap / candTotal;
  const recall = refTotal === 0 ? 0 : overlap / refTotal;
  const f = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f };
}

/**
 * The first `words` ROUGE tokens of sentences taken in order, the last one cut: how a
 * summary is held to a word budget (ROUGE's `-l`), so a system gains nothing by long sentences.
 * @example truncateWords(['One two three.', 'Four five.'], 4) → 'one two three four'
 */
export function truncateWords(sentences: readonly string[], words: number): string {
  return sentences.flatMap(rougeTokens).slice(0, words).join(' ');
}
