import { describe, expect, it } from 'vitest';
import { parseQuestion } from '../../../src/core/retrieve/query.ts';
import { scoreCandidates } from '../../../src/core/retrieve/rank.ts';
import { harbourStory } from './fixtures.ts';

const sentences = [
  'PortCo was founded in 1998 by a former harbour pilot.',
  'PortCo said the harbour would stay open.',
  'The harbour employs 2,000 people and paid £4m in fees last year.',
  'Union leaders said the strike would go ahead.',
];
const candidates = sentences.map((text, sentence) => ({ article: 'a', sentence, text, bm25: 1 }));
// Every sentence here names the firm; "harbour" is in most; the rest are rare.
const frequency = (form: string) => (/portco/i.test(form) ? 4 : /harbour/i.test(form) ? 3 : 1);

describe('scoring candidate sentences', () => {
  it('ranks first the sentence that covers the question, found through a synonym', () => {
    const [best] = scoreCandidates(parseQuestion('Who set up PortCo?', harbourStory), candidates, 4, frequency);
    expect(best?.candidate.sentence).toBe(0);
    expect(best?.matched).toContain('set up');
  });

  it('weighs rare words above the story’s ever-present subject', () => {
    const scored = scoreCandidates(parseQuestion('Did PortCo pay fees?', harbourStory), candidates, 4, frequency);
    expect(scored[0]?.candidate.sentence).toBe(2);
    const subjectOnly = scored.find((s) => s.candidate.sentence === 1)!;
    expect(subjectOnly.coverage).toBeLessThan(0.3);
    expect(subjectOnly.informative).toBe(0);
  });

  it('adds a bonus to a sentence with a sum when the question asks how much', () => {
    const scored = scoreCandidates(parseQuestion('How much does the harbour employ?', harbourStory), candidates, 4, frequency);
    const withNumber = scored.find((s) => s.candidate.sentence === 2)!;
    expect(withNumber.relevance).toBeGreaterThan(withNumber.coverage);
  });

  it('counts a concept a sentence carries without naming it', () => {
    const plan = parseQuestion('What did union leaders say about the strike?', harbourStory);
    const quoteOnly = [{ article: 'b', sentence: 0, text: '"We will not back down," she said of the strike.', bm25: 1 }];
    const without = scoreCandidates(plan, quoteOnly, 4, frequency)[0]!;
    const carried = scoreCandidates(plan, quoteOnly, 4, frequency, (_c, concept) => concept.entity?.id === 'group:union-leaders')[0]!;
    expect(carried.coverage).toBeGreaterThan(without.coverage);
  });

  describe('with each sentence’s article as context', () => {
    const ferry = [
      'The Northern Ferries yard at Kelby will close, the union said.',
      'The closure would mean the loss of 300 jobs.',
      'Shares in the group rose.',
    ].map((text, sentence) => ({ article: 'ferry', sentence, text, bm25: 1 }));
    const other = [{ article: 'other', sentence: 0, text: 'Jobs at risk are a worry for every union.', bm25: 1 }];
    const rare = () => 1;

    it('finds the sentence that names only the fact asked for, through the names around it', () => {
      const plan = parseQuestion('How many jobs will go when the Kelby yard of Northern Ferries closes?', harbourStory);
      const [best] = scoreCandidates(plan, [...ferry, ...other], 1000, rare, undefined, { context: {} });
      expect(best?.candidate.text).toBe('The closure would mean the loss of 300 jobs.');
      // Alone, the sentence that repeats the question's names wins.
      const [alone] = scoreCandidates(plan, [...ferry, ...other], 1000, rare);
      expect(alone?.candidate.text).toBe('The Northern Ferries yard at Kelby will close, the union said.');
    });

    it('counts the headline as part of the article', () => {
      const plan = parseQuestion('Why is Kelby in the news?', harbourStory);
      const without = scoreCandidates(plan, other, 1000, rare, undefined, { context: {} })[0]!;
      const headed = scoreCandidates(plan, other, 1000, rare, undefined, { context: { about: () => 'Kelby yard to close' } })[0]!;
      expect(headed.relevance).toBeGreaterThan(without.relevance);
    });

    it('rules out a sentence whose article never states a number the question states', () => {
      const plan = parseQuestion('How many jobs went in 2010?', harbourStory);
      const scored = scoreCandidates(plan, ferry, 1000, rare, undefined, { context: {} });
      expect(scored.every((s) => s.relevance === 0)).toBe(true);
    });
  });
});
