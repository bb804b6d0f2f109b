import { describe, expect, it } from 'vitest';
import { parseCitations } from '../../../src/llm/citation-markers.ts';
import { dateInWords } from '../../../src/llm/dates.ts';
import { isQuantityStated, quantities } from '../../../src/core/analyse/quantities.ts';
import { stem } from '../../../src/core/retrieve/terms.ts';
import { canonicalPlaces, foldTypography } from '../../../src/llm/text-fold.ts';

describe('citation markers', () => {
  it('separates the markers from the sentence, wherever the full stop stands', () => {
    expect(parseCitations('Huawei denied it [1][3].')).toEqual({ text: 'Huawei denied it.', cites: [1, 3] });
    expect(parseCitations('Huawei denied it. [2, 4]')).toEqual({ text: 'Huawei denied it.', cites: [2, 4] });
    expect(parseCitations('Huawei [2] denied it [2][5].')).toEqual({ text: 'Huawei denied it.', cites: [2, 5] });
  });

  it('expands a range and finds no citation in square brackets that hold words', () => {
    expect(parseCitations('Several outlets said so [2-4].').cites).toEqual([2, 3, 4]);
    expect(parseCitations('He said [the firm] denied it.').cites).toEqual([]);
  });
});

describe('quantities', () => {
  it('reads money with its currency and scale', () => {
    expect(quantities('GDP by £1.7bn in 2018')).toEqual([
      { text: '£1.7bn', value: 1.7e9, currency: '£', percent: false },
      { text: '2018', value: 2018, currency: null, percent: false },
    ]);
    expect(quantities('worth £125 million (HK$1.59 billion)').map((q) => [q.value, q.currency])).toEqual([
      [125e6, '£'],
      [1.59e9, 'HK$'],
    ]);
    expect(quantities('470 million pounds')[0]).toMatchObject({ value: 470e6, currency: '£' });
  });

  it('reads thousands separators, percentages and number words', () => {
    expect(quantities('more than 26,000 jobs')[0]?.value).toBe(26000);
    expect(quantities('a 12.5% rise and five per cent more').map((q) => [q.value, q.percent])).toEqual([
      [12.5, true],
      [5, true],
    ]);
  });

  it('does not read codes such as 5G or MI6 as numbers', () => {
    expect(quantities('5G networks, MI6 and the G7')).toEqual([]);
  });

  it('finds a quantity stated another way, and not a different one', () => {
    const stated = quantities('Huawei boosted GDP by £1.7bn and supports 26,000 jobs.');
    expect(isQuantityStated(quantities('£1.7 billion')[0]!, stated)).toBe(true);
    expect(isQuantityStated(quantities('26000')[0]!, stated)).toBe(true);
    expect(isQuantityStated(quantities('£1.8bn')[0]!, stated)).toBe(false);
    expect(isQuantityStated(quantities('€1.7bn')[0]!, stated)).toBe(false);
  });
});

describe('dates written out', () => {
  it('writes an ISO date as prose does, as precise as it is', () => {
    expect(dateInWords('2018-12-27')).toBe('Thursday 27 December 2018');
    expect(dateInWords('2014-01-14T02:11')).toBe('Tuesday 14 January 2014');
    expect(dateInWords('2019-05')).toBe('May 2019');
    expect(dateInWords('2019')).toBe('2019');
    expect(dateInWords(null)).toBe('');
  });
});

describe('stems', () => {
  it('gives inflected and derived forms one stem', () => {
    expect(new Set(['restricted', 'restriction', 'restricts', 'restricting'].map(stem))).toEqual(new Set(['restrict']));
    expect(stem('concerns')).toBe(stem('concerned'));
    expect(stem('banned')).toBe(stem('banning'));
    expect(stem('diplomats')).toBe(stem('diplomatic'));
  });

  it('keeps different words apart', () => {
    expect(stem('denied')).not.toBe(stem('decided'));
    expect(stem('safe')).not.toBe(stem('same'));
  });
});

describe('folding typography and country names', () => {
  it('folds curly quotes, dashes and white space', () => {
    expect(foldTypography('“It’s  grave,”\n he said – twice…')).toBe('"It\'s grave," he said - twice...');
  });

  it('writes each country under one key, never touching the pronoun "us"', () => {
    expect(canonicalPlaces('the U.S., the United States, USA and US')).toBe('the UnitedStates, the UnitedStates, UnitedStates and UnitedStates');
    expect(canonicalPlaces('Britain, the UK, the U.K. and British ministers')).toBe(
      'UnitedKingdom, the UnitedKingdom, the UnitedKingdom and UnitedKingdom ministers',
    );
    expect(canonicalPlaces('told us')).toBe('told us');
  });
});
