/**
 * TextRank for sentence extraction (Mihalcea and Tarau, 2004), the baseline the article
 * brief must beat: a graph of the article's sentences, each edge weighted by the words two
 * sentences share over the log of their lengths, ranked by weighted PageRank (damping 0.85).
 * Two readings of "words", both from the paper: every token (`'all'`, as it is usually
 * implemented, and as the baseline was measured), or open-class words only
 * (`'open-class'`, the paper's syntactic filter, here the project's list of function words
 * taken out), which is the stronger on news.
 */
import { FUNCTION_WORDS } from '../../src/core/analyse/lexicon/function-words.ts';
import { tokenize } from '../../src/core/retrieve/terms.ts';

export type TextRankWords = 'all' | 'open-class';

/** Sentence similarity of the paper: |shared| / (log |a| + log |b|); 0 when either has one word. */
function similarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size < 2 || b.size < 2) return 0;
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared / (Math.log(a.size) + Math.log(b.size));
}

function wordsOf(text: string, words: TextRankWords): Set<string> {
  const lower = tokenize(text).map((token) => token.lower);
  return new Set(words === 'all' ? lower : lower.filter((word) => !FUNCTION_WORDS.has(word)));
}

/**
 * Indices of `sentences`, most central first (ties to the earlier sentence).
 * @example textRank(['Acme bought Widgetco.', 'Acme paid £4m for Widgetco.', 'It rained.']) → [0, 1, 2]
 */
export function textRank(sentences: readonly string[], words: TextRankWords = 'open-class'): number[] {
  const damping = 0.85;
  const sets = sentences.map((text) => wordsOf(text, words));
  const n = sentences.length;
  const weights = sets.map((a, i) => sets.map((b, j) => (i === j ? 0 : similarity(a, b))));
  const outSums = weights.map((row) => row.reduce((sum, w) => sum + w, 0));
  let scores = new Array<number>(n).fill(1);
  for (let iteration = 0; iteration < 100; iteration += 1) {
    const next = scores.map((_, i) => {
      let incoming = 0;
      for (let j = 0; j < n; j += 1) if (outSums[j]! > 0) incoming += (weights[j]![i]! / outSums[j]!) * scores[j]!;
      return 1 - damping + damping * incoming;
    });
    const change = next.reduce((sum, value, i) => sum + Math.abs(value - scores[i]!), 0);
    scores = next;
    if (change < 1e-6) break;
  }
  return scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((s) => s.index);
}
