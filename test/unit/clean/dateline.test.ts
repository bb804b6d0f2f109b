import { describe, expect, it } from 'vitest';
import { readByline } from '../../../src/core/clean/byline.ts';
import { readDateline, splitDatelinePrefix } from '../../../src/core/clean/dateline.ts';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { normaliseDate } from '../../../src/core/clean/iso-date.ts';

describe('readDateline', () => {
  it.each([
    ['Published: 3 March 2020 14:05 GMT', { published: '2020-03-03T14:05' }],
    ['Last updated on 5 May 2019', { updated: '2019-05-05' }],
    ['First published on Thu 27 Dec 2018 10.32 GMT', { published: '2018-12-27T10:32' }],
    ['Posted: 02/03/2017', { published: '2017-03-02' }],
    ['Updated 5:30 PM ET, Mon May 20, 2019', { updated: '2019-05-20T17:30' }],
    ['Published 14 January 2014 | Updated 15 January 2014', { published: '2014-01-14', updated: '2014-01-15' }],
    ['27 December 2018', { published: '2018-12-27' }],
    ['Wednesday 4 March 2020', { published: '2020-03-04' }],
    ['Last updated 3 hours ago', { updated: null }],
  ])('reads %j', (line, facts) => {
    expect(readDateline(line)).toEqual(facts);
  });

  it.each([
    'On 14 January 2014 the firm said it would appeal against the ruling.',
    'Tuesday, 1 March',
    '2000 GMT',
    'Singapore growth at 8.1% in 2004',
    'Published by a small press in 2004, the memoir sold 10,000 copies.',
    'Updated figures show unemployment fell in May 2019.',
  ])('does not take %j for a dateline', (line) => {
    expect(readDateline(line)).toBeNull();
  });
});

describe('splitDatelinePrefix', () => {
  it('cuts a wire dateline off the first paragraph', () => {
    expect(splitDatelinePrefix('LONDON (Reuters) - Britain will review its telecoms supply chain.')).toEqual({
      prefix: 'LONDON (Reuters) -',
      rest: 'Britain will review its telecoms supply chain.',
    });
    expect(splitDatelinePrefix('WASHINGTON, May 5 (AP) — The Senate passed the bill.')?.rest).toBe('The Senate passed the bill.');
    expect(splitDatelinePrefix('HONG KONG — Protesters returned to the streets on Sunday.')?.prefix).toBe('HONG KONG —');
  });

  it('leaves paragraphs that only start with capitals alone', () => {
    expect(splitDatelinePrefix('UK - the market fell again on Monday.')).toBeNull();
    expect(splitDatelinePrefix('NATO - The alliance met in Brussels.')).toBeNull();
    expect(splitDatelinePrefix('BLACKBURN ROVERS against Bolton is part two of the derby.')).toBeNull();
  });
});

describe('readByline', () => {
  it.each([
    ['By Kate Holton', 'Kate Holton'],
    ['By JANE DOE, Political Editor', 'JANE DOE'],
    ['By Ann Lee and Raj Patel in Mumbai', 'Ann Lee and Raj Patel'],
    ['Words by Tom de Vries', 'Tom de Vries'],
    ['Reporting by Kate Holton; Editing by Alison Williams', ''],
  ])('reads %j', (line, name) => {
    expect(readByline(line)).toBe(name);
  });

  it.each([
    'By declaring their assets, people would be able to legalise their property.',
    'By Monday, March 3 the talks had collapsed.',
    'By 2007, Japan’s population is expected to peak.',
    'By Christmas Day the shops were empty.',
  ])('does not take %j for a byline', (line) => {
    expect(readByline(line)).toBeNull();
  });
});

describe('normaliseDate', () => {
  it('keeps ISO dates as precise as they are and reads others day first', () => {
    expect(normaliseDate('2019-05')).toBe('2019-05');
    expect(normaliseDate('2019-05-20T10:00:00Z')).toBe('2019-05-20T10:00:00Z');
    expect(normaliseDate('5 May 2019')).toBe('2019-05-05');
    expect(normaliseDate('05/06/2019')).toBe('2019-06-05');
    expect(normaliseDate('2019-13-01')).toBeNull();
    expect(normaliseDate('next week')).toBeNull();
  });
});

describe('datelines in an article', () => {
  it('reads published and updated dates from dateline lines in British day order', () => {
    const text = [
      'Minister resigns over expenses',
      '',
      'PUBLISHED : Monday, 3 February, 2020, 9:05pm',
      'UPDATED : Tuesday, 4 February, 2020, 10:40am',
      '',
      'The minister resigned on Monday night. On 1 March 2019 she had promised to repay the money.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.dateline).toEqual({ published: '2020-02-03T21:05', updated: '2020-02-04T10:40' });
    expect(clean.setAside.map((item) => item.reason)).toEqual(['dateline', 'dateline']);
  });

  it('never reads a date out of a body sentence', () => {
    const clean = cleanArticle('Bridge reopens\n\nThe bridge reopened on 14 January 2014 after a year of repairs costing £4m.');
    expect(clean.dateline).toEqual({ published: null, updated: null });
    expect(clean.setAside).toEqual([]);
  });

  it('cuts a Reuters dateline and keeps the rest of the paragraph, with the byline set aside', () => {
    const text = [
      'Britain to review telecoms supply chain after outage',
      '',
      'By Kate Holton',
      '',
      'LONDON (Reuters) - Britain will review the security of its telecoms supply chain, the digital minister said on Monday.',
      '',
      'Reporting by Kate Holton; Editing by Alison Williams',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.byline).toBe('Kate Holton');
    expect(clean.text).toBe('Britain will review the security of its telecoms supply chain, the digital minister said on Monday.');
    expect(clean.setAside.map((item) => [item.line, item.reason, item.text])).toEqual([
      [3, 'byline', 'By Kate Holton'],
      [5, 'dateline', 'LONDON (Reuters) -'],
      [7, 'byline', 'Reporting by Kate Holton; Editing by Alison Williams'],
    ]);
  });

  it('reads a date printed on the line after a bare "Published" label', () => {
    const clean = cleanArticle(
      'Storm closes schools\n\nPublished\n12 November 2021\n\nSchools across the county were closed on Friday as the storm brought down trees.',
    );
    expect(clean.dateline.published).toBe('2021-11-12');
    expect(clean.setAside.map((item) => item.line)).toEqual([3, 4]);
  });
});

describe('dates inside the story', () => {
  it('keeps a date alone on its line between paragraphs as a timeline entry', () => {
    const text = [
      'How the crisis unfolded',
      '',
      'The crisis began with a leaked memo and ended with the resignation of the chief executive.',
      '',
      '14 January 2014',
      '',
      'The memo is published by a newspaper, and the board calls an emergency meeting that evening.',
      '',
      '20 January 2014',
      '',
      'The chief executive resigns, saying he takes full responsibility for what has happened.',
    ].join('\n');
    const clean = cleanArticle(text);
    expect(clean.setAside).toEqual([]);
    expect(clean.dateline.published).toBeNull();
    expect(clean.text).toContain('14 January 2014\n\nThe memo is published');
  });
});
