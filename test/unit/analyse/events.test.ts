import { describe, expect, it } from 'vitest';
import { findDatedEvents } from '../../../src/core/analyse/events.ts';
import type { Sentence } from '../../../src/core/article.ts';

function sentence(text: string, kind: Sentence['kind'] = 'paragraph'): Sentence {
  return { index: 0, start: 0, end: text.length, text, block: 0, kind };
}

function datesOf(text: string, published: string | null): string[] {
  return findDatedEvents([sentence(text)], published).map((event) => event.date);
}

describe('findDatedEvents', () => {
  it('finds bare years after a preposition', () => {
    expect(datesOf('The club was founded in 1878 and has been in the league since 1992.', null)).toEqual(['1878', '1992']);
  });

  it('resolves full dates without a publication date', () => {
    expect(datesOf('The deal was signed on 3 March 2011 in Geneva.', null)).toEqual(['2011-03-03']);
  });

  it('reads day-month order the British way', () => {
    expect(datesOf('The report was dated 01/02/2014.', null)).toEqual(['2014-02-01']);
  });

  it('resolves relative dates against the publication date, as precisely as the text says', () => {
    expect(datesOf('Sales fell last month after a strong last year.', '2019-05-10')).toEqual(['2019-04', '2018']);
    expect(datesOf('The minister resigned yesterday.', '2014-01-14')).toEqual(['2014-01-13']);
    expect(datesOf('The summit took place in December.', '2019-05')).toEqual(['2018-12']);
  });

  it('takes a bare weekday as the one just past', () => {
    expect(datesOf('He was arrested on Monday.', '2019-05-10')).toEqual(['2019-05-06']);
  });

  it('ignores relative dates when the publication date is unknown', () => {
    expect(datesOf('Sales fell last month and again on Monday, yesterday and in December.', null)).toEqual([]);
  });

  it('does not read years out of money or counts', () => {
    expect(datesOf('The firm employs 2000 people and made 2015 sales.', null)).toEqual([]);
  });

  it('does not take a newspaper or a person for a date', () => {
    expect(datesOf('The Sunday Times reported that Theresa May would resign.', '2019-05-10')).toEqual([]);
  });

  it('looks ahead when the sentence does', () => {
    expect(datesOf('The board will meet on Monday and again in March.', '2019-05-10')).toEqual(['2019-05-13', '2020-03']);
  });

  it('skips headings', () => {
    expect(findDatedEvents([sentence('Record sales in 2004', 'heading')], null)).toEqual([]);
  });
});
