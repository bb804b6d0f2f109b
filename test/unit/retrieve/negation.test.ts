import { describe, expect, it } from 'vitest';
import { isNegator, NEGATORS } from '../../../src/core/lexicon/negation.ts';

describe('the negation word list', () => {
  it('holds lower-case single words only', () => {
    for (const word of NEGATORS) expect(word).toMatch(/^[a-z]+$/);
  });

  it.each(['not', 'never', 'nobody', "didn't", 'won’t', 'cannot'])('reads %j as negating', (word) => {
    expect(isNegator(word)).toBe(true);
  });

  it.each(['note', 'know', 'nothingness', 'noted', 'saint'])('reads %j as not negating', (word) => {
    expect(isNegator(word)).toBe(false);
  });
});
