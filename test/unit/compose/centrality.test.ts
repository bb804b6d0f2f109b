import { describe, expect, it } from 'vitest';
import { centrality, cosine, wordCounts } from '../../../src/core/compose/centrality.ts';

describe('sentence centrality', () => {
  it('counts open-class words, lower-cased, leaving function words out', () => {
    expect(wordCounts('The minister said the sale was off, the Minister said.')).toEqual(
      new Map([
        ['minister', 2],
        ['said', 2],
        ['sale', 1],
      ]),
    );
  });

  it('measures likeness as a cosine, 1 for the same words and 0 for none shared', () => {
    const a = wordCounts('Harbour sale approved');
    expect(cosine(a, wordCounts('Approved: harbour sale'))).toBeCloseTo(1);
    expect(cosine(a, wordCounts('Rain expected tomorrow'))).toBe(0);
  });

  it('ranks the sentence most like the others highest and an unrelated one lowest', () => {
    const scores = centrality(
      [
        'The council approved the sale of the harbour to a shipping group.',
        'The harbour sale was approved by the council on Monday.',
        'Dock workers oppose the harbour sale and the shipping group.',
        'Rain is expected across the north tomorrow.',
      ].map(wordCounts),
    );
    expect(Math.max(...scores)).toBe(1);
    expect(scores[3]).toBe(Math.min(...scores));
    expect(scores[0]).toBeGreaterThan(scores[3]! * 2);
  });

  it('gives nothing to rank an empty list', () => {
    expect(centrality([])).toEqual([]);
  });
});
