import { describe, expect, it } from 'vitest';
import { factsAgree, figuresChanged, sameClaim, sameDevelopment } from '../../../src/core/retrieve/similarity.ts';

describe('telling when two sentences make the same claim', () => {
  it('folds two outlets’ wording of the same report', () => {
    expect(
      sameClaim(
        'The transport minister has said she has serious concerns about the harbour expansion.',
        'Transport minister Maria Lopez has expressed serious concerns about the expansion of the harbour.',
      ),
    ).toBe(true);
  });

  it('keeps apart two sentences about the same people that say different things', () => {
    expect(sameClaim('Maria Lopez approved the harbour expansion on Monday.', 'Maria Lopez was sacked after the harbour vote was leaked.')).toBe(false);
  });
});

describe('never folding what differs', () => {
  it('keeps apart two reports of one event with different counts', () => {
    expect(sameClaim('The earthquake killed 12 people in the hill town.', 'The earthquake killed 45 people in the hill town.')).toBe(false);
  });

  it('keeps apart a sentence and its negation', () => {
    expect(sameClaim('The council has sold the harbour to Northway Shipping.', 'The council has not sold the harbour to Northway Shipping.')).toBe(false);
  });

  it('keeps apart the same words about different people or days', () => {
    expect(sameClaim('Maria Lopez resigned as transport minister on Monday.', 'Peter Hale resigned as transport minister on Monday.')).toBe(false);
    expect(sameClaim('The strike at Port Ellis began on Monday.', 'The strike at Port Ellis began on Thursday.')).toBe(false);
  });

  it('still folds a telling that adds who or when to the same figures', () => {
    expect(factsAgree('The dock cut 300 jobs.', 'Northway Shipping said the dock cut 300 jobs in March 2019.')).toBe(true);
    expect(sameClaim('The harbour handles 4 million tonnes of cargo a year.', 'The harbour handles 4m tonnes of cargo a year, its owners said.')).toBe(true);
  });

  it('does not fold a development whose figures changed, however alike the words', () => {
    expect(
      sameDevelopment(
        'Rescuers said the earthquake had killed 12 people and injured dozens more.',
        'Rescuers said the earthquake had killed 45 people and injured dozens more.',
      ),
    ).toBe(false);
  });

  it('says which figures changed between two reports of one thing', () => {
    expect(figuresChanged('The earthquake killed 12 people.', 'The earthquake killed 45 people.')).toEqual({ from: ['12'], to: ['45'] });
    expect(figuresChanged('The earthquake killed 12 people.', 'The earthquake killed 12 people.')).toBeNull();
    expect(figuresChanged('The earthquake killed 12 people.', 'The stadium holds 45,000 fans.')).toBeNull();
    expect(figuresChanged('Maria Lopez won 12 votes.', 'Peter Hale won 45 votes.')).toBeNull();
  });
});
