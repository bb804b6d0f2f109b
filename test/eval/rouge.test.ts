import { describe, expect, it } from 'vitest';
import { rougeN, rougeTokens, truncateWords } from '../../scripts/eval/rouge.ts';

describe('ROUGE', () => {
  it('splits on everything but letters and digits, so sentences run together still part', () => {
    expect(rougeTokens("TimeWarner's $10.9bn.For 2005")).toEqual(['timewarner', 's', '10', '9bn', 'for', '2005']);
  });

  it('scores unigram precision, recall and F against the reference', () => {
    const score = rougeN('the cat sat', 'the cat sat down', 1);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(0.75);
    expect(score.f).toBeCloseTo(6 / 7);
  });

  it('clips repeated n-grams to how often the reference has them', () => {
    expect(rougeN('the the the', 'the cat', 1).precision).toBeCloseTo(1 / 3);
  });

  it('scores bigrams', () => {
    expect(rougeN('the cat sat', 'the cat lay', 2).f).toBeCloseTo(0.5);
    expect(rougeN('cat the', 'the cat', 2).f).toBe(0);
  });

  it('gives 0, not NaN, for an empty summary', () => {
    expect(rougeN('', 'the cat', 1).f).toBe(0);
  });

  it('cuts sentences at a word budget, the last one part-way', () => {
    expect(truncateWords(['One two three.', 'Four five.'], 4)).toBe('one two three four');
  });
});
