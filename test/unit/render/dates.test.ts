import { describe, expect, it } from 'vitest';
import { coverage, coverageLine, humanDate, isoParts } from '../../../src/render/dates.ts';

describe('humanDate', () => {
  it('says a month-only date as month and year', () => {
    expect(humanDate('2019-05')).toBe('May 2019');
  });

  it('says a full date day first with the month spelled out', () => {
    expect(humanDate('2018-12-27')).toBe('27 December 2018');
    expect(humanDate('2014-01-04')).toBe('4 January 2014');
  });

  it('drops the time of day from a timestamp', () => {
    expect(humanDate('2014-01-14T02:11')).toBe('14 January 2014');
    expect(humanDate('2020-07-14T18:30:00Z')).toBe('14 July 2020');
  });

  it('says a year alone as the year', () => {
    expect(humanDate('2005')).toBe('2005');
  });

  it('says a missing or blank date is unknown', () => {
    expect(humanDate(null)).toBe('date unknown');
    expect(humanDate(undefined)).toBe('date unknown');
    expect(humanDate('   ')).toBe('date unknown');
  });

  it('shows text that is not an ISO date as it is, cut short when long', () => {
    expect(humanDate('Spring 2019')).toBe('Spring 2019');
    expect(humanDate('x'.repeat(100))).toHaveLength(40);
  });

  it('does not turn an impossible month or day into a date', () => {
    expect(humanDate('2019-13')).toBe('2019-13');
    expect(humanDate('2019-02-30')).toBe('2019-02-30');
    expect(isoParts('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
  });
});

describe('coverage', () => {
  it('finds the earliest and latest dates across precisions and counts the undated', () => {
    expect(coverage(['2018-12-27', null, '2014-01', '2019', 'sometime'])).toEqual({
      first: '2014-01',
      last: '2019',
      undated: 2,
    });
  });

  it('words the span of a set of sources in one line', () => {
    expect(coverageLine(['2018-12-27', '2014-01-14', null])).toBe('Sources dated 14 January 2014 to 27 December 2018; 1 undated');
    expect(coverageLine(['2019-05', '2019-05'])).toBe('Sources dated May 2019');
    expect(coverageLine([null, null])).toBe('Sources undated (2)');
    expect(coverageLine([])).toBe('');
  });
});
