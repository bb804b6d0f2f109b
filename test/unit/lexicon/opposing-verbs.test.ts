import { describe, expect, it } from 'vitest';
import { OPPOSING_VERBS } from '../../../src/core/analyse/lexicon/reporting-verbs.ts';
import { opposes } from '../../../src/core/compose/entity-evidence.ts';

describe('the verbs of opposition', () => {
  it('holds base forms in lower case only', () => {
    for (const verb of OPPOSING_VERBS) expect(verb).toMatch(/^[a-z]+$/);
  });

  it('reads a sentence that rejects or attacks as opposing, in any tense', () => {
    expect(opposes('The council firmly rejected the claims on Tuesday.')).toBe(true);
    expect(opposes('She has criticised the plan as reckless.')).toBe(true);
    expect(opposes('The minister denies any wrongdoing.')).toBe(true);
  });

  it('does not read plain reporting as opposing', () => {
    expect(opposes('The mayor said the pier would open in May.')).toBe(false);
  });
});
