/**
 * The article-extraction benchmark's own score (ScrapingHub's evaluate.py), ported line for
 * line so figures compare with its published table: texts become word tokens (Python's `\w+`),
 * tokens become 4-word shingles, and each page's true/false positives and false negatives are
 * counted over shingles and normalised so long pages weigh no more than short ones. Precision
 * and recall are means over pages; F1 is computed from those means. Accuracy is the share of
 * pages whose tokens match exactly.
 */

export type Counts = readonly [tp: number, fp: number, fn: number];

export interface ExtractionScore {
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
  readonly accuracy: number;
}

// Python's re `\w` under re.UNICODE: letters, digits (any Unicode number) and the underscore.
const TOKEN = /[\p{L}\p{N}_]+/gu;

/** @example tokens('Hello, wide-world!') → ['Hello', 'wide', 'world'] */
export function tokens(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string, n = 4): Map<string, number> {
  const words = tokens(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, words.length - n + 1); i++) {
    const shingle = words.slice(i, i + n);
    if (shingle.length === 0) continue;
    const key = shingle.join('\u0000');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * One page's normalised (tp, fp, fn) over shingles, as `string_shingle_matching` computes it.
 *
 * @example pageCounts('a b c d e', 'a b c d') → [0.5, 0, 0.5]
 */
export function pageCounts(truth: string, predicted: string): Counts {
  const a = shingles(truth);
  const b = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const key of new Set([...a.keys(), ...b.keys()])) {
    const t = a.get(key) ?? 0;
    const p = b.get(key) ?? 0;
    tp += Math.min(t, p);
    fp += Math.max(0, p - t);
    fn += Math.max(0, t - p);
  }
  const sum = tp + fp + fn;
  return sum > 0 ? [tp / sum, fp / sum, fn / sum] : [tp, fp, fn];
}

const mean = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0) / values.length;

/** The benchmark's metrics over pages: `counts[i]` and `exact[i]` are page i's. */
export function extractionScore(counts: readonly Counts[], exact: readonly boolean[]): ExtractionScore {
  const precision = mean(
    counts.filter(([tp, fp]) => tp + fp > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fp === 0 ? 0 : tp / (tp + fp))),
  );
  const recall = mean(counts.filter(([tp, , fn]) => tp + fn > 0).map(([tp, fp, fn]) => (fp === 0 && fn === 0 ? 1 : tp === 0 && fn === 0 ? 0 : tp / (tp + fn))));
  return { f1: (2 * precision * recall) / (precision + recall), precision, recall, accuracy: mean(exact.map((e) => (e ? 1 : 0))) };
}

/** Whether the two texts have the same tokens, as `get_accuracy` compares them. */
export function sameTokens(truth: string, predicted: string): boolean {
  const a = tokens(truth);
  const b = tokens(predicted);
  return a.length === b.length && a.every((token, i) => token === b[i]);
}
