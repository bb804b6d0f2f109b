import { describe, expect, it } from 'vitest';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { makeArticle } from './make-article.ts';

describe('analysing awkward text', () => {
  it('returns nothing for an empty article', () => {
    expect(analyseArticle(makeArticle([]), { published: null })).toEqual({ sentences: [], entities: [], mentions: [], quotes: [], events: [] });
  });

  it('survives unbalanced marks, stray apostrophes and shouting', () => {
    const analysis = analyseArticle(makeArticle(['"', "''' ” “ ‘", 'SIGN UP FOR OUR NEWSLETTER NOW', 'He said "yes and', '"']), { published: '2020' });
    expect(analysis.sentences.length).toBeGreaterThan(0);
    for (const quote of analysis.quotes) expect(quote.end).toBeGreaterThan(quote.start);
  });

  it('keeps every offset inside the text it points into', () => {
    const article = makeArticle([
      'Dr. A. B. Cole, of Acme Inc., said: "It’s done… really." He left at 5 p.m. on 3 Jan. 2005.',
      '## A “heading”',
      'Rock ’n’ roll fans cheered.',
    ]);
    const analysis = analyseArticle(article, { published: '2005-01-04' });
    for (const span of [...analysis.sentences, ...analysis.mentions, ...analysis.quotes]) {
      expect(span.start).toBeGreaterThanOrEqual(0);
      expect(span.end).toBeLessThanOrEqual(article.text.length);
    }
    for (const sentence of analysis.sentences) expect(article.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
    for (const quote of analysis.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  });

  it('analyses a paragraph of 2,000 quotations, each with its speaker', () => {
    const paragraph = Array.from({ length: 2000 }, (_, n) => `"Point ${n} stands," Jane Roe said of Acme Ltd.`).join(' ');
    const analysis = analyseArticle(makeArticle([paragraph]), { published: null });
    expect(analysis.quotes).toHaveLength(2000);
    expect(new Set(analysis.quotes.map((quote) => quote.speakerText))).toEqual(new Set(['Jane Roe']));
  });
});
