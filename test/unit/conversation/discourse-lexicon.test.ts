import { describe, expect, it } from 'vitest';
import {
  AUXILIARIES,
  CONTINUATION_OPENERS,
  DEMONSTRATIVES,
  MORE_REQUESTS,
  PERSON_PRONOUNS,
  PLURAL_PRONOUNS,
  QUESTION_WORDS,
  SHIFT_OPENERS,
  THING_PRONOUNS,
} from '../../../src/core/lexicon/discourse.ts';
import { isStopword } from '../../../src/core/retrieve/terms.ts';

describe('the discourse word lists', () => {
  it('are lower-case words', () => {
    for (const list of [
      [...PERSON_PRONOUNS.keys()],
      THING_PRONOUNS,
      PLURAL_PRONOUNS,
      DEMONSTRATIVES,
      CONTINUATION_OPENERS,
      QUESTION_WORDS,
      AUXILIARIES,
      MORE_REQUESTS,
      SHIFT_OPENERS,
    ]) {
      for (const word of list) expect(word).toBe(word.toLowerCase());
    }
  });

  it('give each pronoun one class, and a gender to each person pronoun', () => {
    const all = [...PERSON_PRONOUNS.keys(), ...THING_PRONOUNS, ...PLURAL_PRONOUNS];
    expect(new Set(all).size).toBe(all.length);
    for (const gender of PERSON_PRONOUNS.values()) expect(['male', 'female']).toContain(gender);
  });

  it('hold only words retrieval already ignores, so reading them never changes what a question searches for', () => {
    for (const word of [...PERSON_PRONOUNS.keys(), ...THING_PRONOUNS, ...PLURAL_PRONOUNS, ...DEMONSTRATIVES, ...QUESTION_WORDS])
      expect(isStopword(word)).toBe(true);
  });

  it('open a shift with two words', () => {
    for (const opener of SHIFT_OPENERS) expect(opener.split(' ')).toHaveLength(2);
  });
});
