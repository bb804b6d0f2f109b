import { describe, expect, it } from 'vitest';
import type { GoldQuote, GoldQuotes } from '../../scripts/eval/gold.ts';
import { scoreQuotes } from '../../scripts/eval/score-quotes.ts';
import { foldText } from '../../scripts/eval/text-match.ts';

const quote = (article: string, starts: string, speaker: string[]): GoldQuote => ({ article, starts, speaker, kind: 'full', cue: 'explicit' });

const gold: GoldQuotes = {
  quotes: [
    quote('a', 'We’re ready to act', ['Ann Lee']),
    quote('a', 'not a chance', ['Bo Chan', 'the minister']),
    quote('b', 'the plan is sound', ['Ann Lee']),
  ],
  not_quotes: [
    { article: 'a', text: 'too much', why: 'heading' },
    { article: 'b', text: 'game changer', why: 'scare quote' },
  ],
};

describe('foldText', () => {
  it('folds curly quotes and collapses white space', () => {
    expect(foldText('“It’s  here,”\n he said')).toBe(`"It's here," he said`);
  });
});

describe('scoreQuotes', () => {
  it('finds a quotation whose text contains the gold start, whatever the quote marks and spacing', () => {
    const score = scoreQuotes(gold, [{ article: 'a', text: "We're  ready to act now.", speaker: 'ann lee' }]);
    expect(score.quotes[0]).toMatchObject({ found: true, speakerRight: true });
    expect(score.found).toBe(1);
    expect(score.speakersRight).toBe(1);
  });

  it('accepts any listed speaker but not another one, nor none', () => {
    const score = scoreQuotes(gold, [
      { article: 'a', text: 'not a chance', speaker: 'The Minister' },
      { article: 'b', text: 'the plan is sound', speaker: 'Bo Chan' },
    ]);
    expect(score.quotes.map((v) => [v.found, v.speakerRight])).toEqual([
      [false, false],
      [true, true],
      [true, false],
    ]);
    expect(scoreQuotes(gold, [{ article: 'b', text: 'the plan is sound', speaker: null }]).quotes[2]).toMatchObject({ found: true, speakerRight: false });
  });

  it('only looks in the labelled article', () => {
    const score = scoreQuotes(gold, [{ article: 'b', text: "We're ready to act", speaker: 'Ann Lee' }]);
    expect(score.found).toBe(0);
  });

  it('counts a scare quote or heading attributed to someone', () => {
    const score = scoreQuotes(gold, [
      { article: 'a', text: 'too much', speaker: 'Bo Chan' },
      { article: 'b', text: 'game changer', speaker: null },
    ]);
    expect(score.notQuotesAttributed).toBe(1);
    expect(score.notQuoteVerdicts[0]!.attributedTo).toEqual(['Bo Chan']);
  });

  it('does not count a labelled quotation that happens to contain a not-quote’s words', () => {
    const score = scoreQuotes(gold, [{ article: 'a', text: 'not a chance: it is too much.', speaker: 'Bo Chan' }]);
    expect(score.notQuotesAttributed).toBe(0);
  });
});
