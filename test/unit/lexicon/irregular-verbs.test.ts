import { describe, expect, it } from 'vitest';
import { irregularBase, irregularForms } from '../../../src/core/lexicon/irregular-verbs.ts';

describe('irregular verbs', () => {
  it('reads a past form as its base form', () => {
    expect(irregularBase('built')).toBe('build');
    expect(irregularBase('Lost')).toBe('lose');
    expect(irregularBase('fallen')).toBe('fall');
  });

  it('gives a base form’s past forms, and none for a regular verb', () => {
    expect(irregularForms('lose')).toEqual(['lost']);
    expect(irregularForms('go')).toEqual(expect.arrayContaining(['went', 'gone']));
    expect(irregularForms('walk')).toEqual([]);
    expect(irregularBase('walked')).toBeUndefined();
  });
});
