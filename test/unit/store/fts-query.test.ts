import { describe, expect, it } from 'vitest';
import { ftsMatchExpression } from '../../../src/store/sqlite/fts-query.ts';
import { nameKey } from '../../../src/core/name-key.ts';

describe('ftsMatchExpression', () => {
  it('quotes every term as an FTS5 string and joins them with OR by default', () => {
    expect(ftsMatchExpression(['Huawei', 'security risk'], 'any')).toBe('"Huawei" OR "security risk"');
  });

  it('joins terms with AND when every term must match', () => {
    expect(ftsMatchExpression(['a1', 'b2'], 'all')).toBe('"a1" AND "b2"');
  });

  it('doubles double quotes inside a term so it cannot close the string', () => {
    expect(ftsMatchExpression(['say "no" OR x'], 'any')).toBe('"say ""no"" OR x"');
  });

  it('drops terms with nothing to search for and returns null when none is left', () => {
    expect(ftsMatchExpression(['  ', '*', 'NEAR('], 'any')).toBe('"NEAR("');
    expect(ftsMatchExpression(['--', '()'], 'any')).toBeNull();
    expect(ftsMatchExpression([], 'all')).toBeNull();
  });
});

describe('nameKey', () => {
  it('ignores case, accents, curly apostrophes, extra spaces and a leading "the"', () => {
    expect(nameKey('  The Defence   Secretary ')).toBe('defence secretary');
    expect(nameKey('Zoë O’Brien')).toBe("zoe o'brien");
    expect(nameKey('THEO Walcott')).toBe('theo walcott');
  });
});
