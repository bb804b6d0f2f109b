import { describe, expect, it } from 'vitest';
import { compareDates, dateLabel, eventDate, readDate } from '../../../src/core/compose/timeline-dates.ts';

describe('timeline dates', () => {
  it('reads a date only as precisely as it is written, dropping the time of day', () => {
    expect(readDate('2014-01-14T02:11')).toEqual({ iso: '2014-01-14', precision: 'day' });
    expect(readDate('2019-05')).toEqual({ iso: '2019-05', precision: 'month' });
    expect(readDate('2005')).toEqual({ iso: '2005', precision: 'year' });
    expect(readDate(null)).toBeNull();
    expect(readDate('soon')).toBeNull();
  });

  it('labels a date with its own precision', () => {
    expect(dateLabel({ iso: '2019-05', precision: 'month' })).toBe('May 2019');
    expect(dateLabel({ iso: '2005', precision: 'year' })).toBe('2005');
    expect(dateLabel({ iso: '2014-01-04', precision: 'day' })).toBe('4 January 2014');
  });

  it('sorts a month or a year at the start of its period', () => {
    const dates = ['2019-05-02', '2019-05', '2019', '2018-12-27', '2019-01-01'].map((d) => readDate(d)!);
    expect(dates.sort(compareDates).map((d) => d.iso)).toEqual(['2018-12-27', '2019', '2019-01-01', '2019-05', '2019-05-02']);
  });

  it('keeps a relative date resolved within the precision of its article’s date', () => {
    expect(eventDate('2019-04', 'Last month', '2019-05')).toEqual({ iso: '2019-04', precision: 'month' });
    expect(eventDate('2014-01-13', 'yesterday', '2014-01-14T02:11')).toEqual({ iso: '2014-01-13', precision: 'day' });
  });

  it('dates “last week” in an article known only to a month to that month, not to a guessed day', () => {
    expect(eventDate('2023-02-22', 'Last week', '2023-03')).toEqual({ iso: '2023-03', precision: 'month' });
    expect(eventDate('2019-05-01', 'this week', '2019-05')).toEqual({ iso: '2019-05', precision: 'month' });
  });

  it('keeps a date the text states in full, whatever the article’s date', () => {
    expect(eventDate('2009-05', 'May 2009', '2023')).toEqual({ iso: '2009-05', precision: 'month' });
    expect(eventDate('2005', 'since 2005', null)).toEqual({ iso: '2005', precision: 'year' });
  });
});
