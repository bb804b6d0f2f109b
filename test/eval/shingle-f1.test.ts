import { describe, expect, it } from 'vitest';
import { extractionScore, pageCounts, sameTokens, tokens } from '../../scripts/eval/shingle-f1.ts';

describe('the article-extraction benchmark score', () => {
  it("tokenises as Python's \\w+ does, keeping non-English letters and digits", () => {
    expect(tokens('São Paulo: 2,5 milhões — naïve_user!')).toEqual(['São', 'Paulo', '2', '5', 'milhões', 'naïve_user']);
  });

  it('counts four-word shingles and normalises each page to sum to one', () => {
    expect(pageCounts('a b c d e', 'a b c d')).toEqual([0.5, 0, 0.5]);
    expect(pageCounts('a b c d', 'x a b c d')).toEqual([0.5, 0.5, 0]);
  });

  it('treats a short text as one shorter shingle, and two empty texts as nothing to count', () => {
    expect(pageCounts('a b', 'a b')).toEqual([1, 0, 0]);
    expect(pageCounts('', '')).toEqual([0, 0, 0]);
  });

  it('averages precision and recall over pages and takes F1 of the averages', () => {
    const score = extractionScore(
      [
        [1, 0, 0],
        [0.5, 0.5, 0],
        [0, 0, 1],
      ],
      [true, false, false],
    );
    expect(score.precision).toBeCloseTo((1 + 0.5) / 2); // the page with nothing predicted has no precision
    expect(score.recall).toBeCloseTo((1 + 1 + 0) / 3);
    expect(score.f1).toBeCloseTo((2 * 0.75 * (2 / 3)) / (0.75 + 2 / 3));
    expect(score.accuracy).toBeCloseTo(1 / 3);
  });

  it('calls a page exactly right when its tokens match, whatever the spacing and punctuation', () => {
    expect(sameTokens('The port, reopened.', 'The\nport reopened')).toBe(true);
    expect(sameTokens('The port reopened', 'The port')).toBe(false);
  });
});
