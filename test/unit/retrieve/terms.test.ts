import { describe, expect, it } from 'vitest';
import { lowerWords, tokenize } from '../../../src/core/retrieve/terms.ts';

describe('tokenize', () => {
  it('folds a possessive, a curly apostrophe and a final dot, and keeps the inner dots of an abbreviation', () => {
    expect(tokenize("Acme’s bid for the U.S. firm's unit ended.").map((token) => token.lower)).toEqual([
      'acme',
      'bid',
      'for',
      'the',
      'u.s',
      'firm',
      'unit',
      'ended',
    ]);
  });
});

describe('lowerWords', () => {
  it("gives tokenize's lower-cased forms, in order, for text with apostrophes, dots and figures", () => {
    const texts = [
      "Did Washington block Acme's bid?",
      'The U.S. and the U.K. said “no” to £3.2bn — co-founder O’Neill’s view.',
      "Rock 'n' roll isn't dead, says Mr. Smith's band; 26,000 fans at St. Paul's.",
      'İstanbul ÉCOLE naïve café.',
    ];
    for (const text of texts) expect(lowerWords(text)).toEqual(tokenize(text).map((token) => token.lower));
  });
});
