import { describe, expect, it } from 'vitest';
import { textRank } from '../../scripts/eval/textrank.ts';

const sentences = [
  'Rain is expected in the north tomorrow.',
  'The council approved the harbour sale to a shipping group.',
  'The harbour sale was approved by the council on Monday.',
  'Dock workers oppose the harbour sale to the shipping group.',
];

describe('TextRank', () => {
  it('ranks every sentence once, the ones most like the others first', () => {
    const order = textRank(sentences);
    expect([...order].sort()).toEqual([0, 1, 2, 3]);
    expect(order.at(-1)).toBe(0);
  });

  it('counts function words only when asked to read every word', () => {
    // Sharing only "the" and "is" links two sentences when every word counts.
    const pair = ['The sky is grey.', 'The answer is no.', 'Markets fell sharply.'];
    expect(textRank(pair, 'all').at(-1)).toBe(2);
    expect(textRank(pair, 'open-class')).toEqual([0, 1, 2]);
  });
});
