import { describe, expect, it } from 'vitest';
import { inPeriod } from '../../../src/core/compose/answer-focus.ts';
import { periodIn } from '../../../src/core/conversation/period-words.ts';

const now = new Date('2026-03-05T09:00:00Z');

describe('the period a message names', () => {
  it('is a year, both ends, however it is introduced', () => {
    expect(periodIn('and in 2019?', now)).toEqual({ from: '2019', to: '2019', words: 'in 2019' });
    expect(periodIn('what about 2018?', now)).toEqual({ from: '2018', to: '2018', words: 'in 2018' });
  });

  it('opens at "since" and closes before "before"', () => {
    expect(periodIn('since May 2018', now)).toEqual({ from: '2018-05', words: 'since May 2018' });
    expect(periodIn('before 2015?', now)).toEqual({ to: '2014', words: 'before 2015' });
    expect(periodIn('before March 2014', now)).toEqual({ to: '2014-02', words: 'before March 2014' });
  });

  it('reads a decade and a relative year', () => {
    expect(periodIn('in the 1990s', now)).toMatchObject({ from: '1990', to: '1999' });
    expect(periodIn('and last year?', now)).toEqual({ from: '2025', to: '2025', words: 'last year' });
  });

  it('is none for a month without a year, or no date at all', () => {
    expect(periodIn('and in December?', now)).toBeNull();
    expect(periodIn('What did the minister say?', now)).toBeNull();
  });
});

describe('whether a sentence falls in a period', () => {
  const in2019 = { from: '2019', to: '2019', words: 'in 2019' };
  it('goes by its article’s publication date, at the coarser precision', () => {
    expect(inPeriod('2019-05', 'The firm said so.', in2019)).toBe(true);
    expect(inPeriod('2018-12-27', 'The firm said so.', in2019)).toBe(false);
    expect(inPeriod('2019', 'x', { from: '2019-05', words: 'since May 2019' })).toBe(true);
  });

  it('or by a year the sentence names', () => {
    expect(inPeriod(null, 'In 2019 the council voted again.', in2019)).toBe(true);
    expect(inPeriod(null, 'It was founded in 1987.', { to: '2000', words: 'before 2001' })).toBe(true);
    expect(inPeriod(null, 'It was founded in 1987.', in2019)).toBe(false);
  });
});
