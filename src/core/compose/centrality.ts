/**
 * How central each sentence is to the text it belongs to: the sentences most like the rest
 * carry what the text is about. A graph of the sentences, each edge the cosine similarity of
 * their open-class word counts (function words left out, words lower-cased and unstemmed),
 * ranked by PageRank (LexRank's continuous form; Erkan and Radev, 2004). Measured on BBC News
 * Summary articles this tracked the reference summaries better than TextRank's overlap
 * (README, "Briefs").
 */
import { FUNCTION_WORDS } from '../analyse/lexicon/function-words.ts';
import { lowerWords } from '../retrieve/terms.ts';

const DAMPING = 0.85;
const MAX_ITERATIONS = 100;

/**
 * A sentence's open-class words and how often each occurs.
 * @example wordCounts('The minister said the sale was off, the minister said.') → {minister: 2, said: 2, sale: 1}
 */
export function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of lowerWords(text)) {
    if (FUNCTION_WORDS.has(word)) continue;
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return counts;
}

/** The length of a word-count vector. */
export function norm(vector: ReadonlyMap<string, number>): number {
  let sum = 0;
  for (const count of vector.values()) sum += count * count;
  return Math.sqrt(sum);
}

/**
 * Cosine similarity of two word-count vectors, 0 to 1; pass their norms when they are known.
 * @example cosine(wordCounts('Harbour sale approved'), wordCounts('Approved: harbour sale')) // 1
 */
export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>, normA = norm(a), normB = norm(b)): number {
  if (normA === 0 || normB === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [word, count] of small) {
    const other = large.get(word);
    if (other !== undefined) dot += count * other;
  }
  return dot / (normA * normB);
}

/**
 * Each sentence's centrality, scaled so the most central is 1 (all 0 for an empty list).
 * @example centrality(['Acme bought Widgetco.', 'Acme paid £4m for Widgetco.', 'It rained.']) → [1, 1, 0.2…]
 */
export function centrality(vectors: readonly ReadonlyMap<string, number>[]): number[] {
  const n = vectors.length;
  // The cosine of each pair once, from norms computed once: this runs on every article of a story brief.
  const norms = vectors.map(norm);
  const weights = vectors.map(() => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i += 1) {
    for (let j = i + 1; j < n; j += 1) weights[i]![j] = weights[j]![i] = cosine(vectors[i]!, vectors[j]!, norms[i], norms[j]);
  }
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  // What each sentence j passes to sentence i per unit of its score, at shares[i * n + j]:
  // divided out once rather than in every iteration (the same quotient each time, so the same
  // scores to the last bit), 0 from a sentence like no other (adding 0 changes no sum).
  const shares = new Float64Array(n * n);
  for (let j = 0; j < n; j += 1) {
    if (!(outSums[j]! > 0)) continue;
    for (let i = 0; i < n; i += 1) shares[i * n + j] = weights[j]![i]! / outSums[j]!;
  }
  let scores = new Float64Array(n).fill(1);
  let next = new Float64Array(n);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration += 1) {
    let change = 0;
    for (let i = 0; i < n; i += 1) {
      let incoming = 0;
      for (let j = 0, at = i * n; j < n; j += 1, at += 1) incoming += shares[at]! * scores[j]!;
      next[i] = 1 - DAMPING + DAMPING * incoming;
      change += Math.abs(next[i]! - scores[i]!);
    }
    [scores, next] = [next, scores];
    if (change < 1e-6) break;
  }
  const top = Math.max(0, ...scores);
  return top === 0 ? Array.from(scores, () => 0) : Array.from(scores, (score) => score / top);
}
