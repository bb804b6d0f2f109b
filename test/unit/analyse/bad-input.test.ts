/**
 * The bad input: text that breaks the shapes attribution expects must be analysed
 * without error, every offset valid, and a quotation whose speaker the text does not give
 * left without one rather than credited to the wrong person.
 */
import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../../src/core/article.ts';
import { analyseArticle } from '../../../src/core/analyse/index.ts';
import { makeArticle } from './make-article.ts';

function analyse(article: CleanArticle) {
  const analysis = analyseArticle(article, { published: '2020-01-01' });
  for (const quote of analysis.quotes) {
    expect(quote.start).toBeGreaterThanOrEqual(0);
    expect(quote.end).toBeLessThanOrEqual(article.text.length);
    expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
  }
  return analysis;
}

function speakerNames(article: CleanArticle): (string | null)[] {
  const analysis = analyse(article);
  const names = new Map(analysis.entities.map((entity) => [entity.key, entity.name]));
  return analysis.quotes.map((quote) => (quote.speaker ? (names.get(quote.speaker) ?? '?') : null));
}

const words = (count: number): string => Array.from({ length: count }, (_, n) => (n % 12 === 11 ? 'growth.' : `word${n % 97}`)).join(' ');

describe('attribution on bad input', () => {
  it('credits no one for quotations that never close and name no speaker', () => {
    const article = makeArticle(['Ruth Okafor chaired the meeting.', '“The figures were wrong and', '“Nobody checked them', 'The vote was delayed.']);
    const names = speakerNames(article);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((speaker) => speaker === null)).toBe(true);
  });

  it('indexes a quotation of 5,000 words and credits its speaker', () => {
    const article = makeArticle([`“${words(5000)}” said Maria Lopez.`]);
    const analysis = analyse(article);
    expect(analysis.quotes).toHaveLength(1);
    expect(speakerNames(article)).toEqual(['Maria Lopez']);
  });

  it('indexes 200 quotations in one article, each with its own speaker or none', () => {
    const paragraphs = Array.from({ length: 200 }, (_, n) =>
      n % 2 === 0 ? `“Point ${n} stands,” said Maria Lopez.` : `Critics called it “idea ${n}”, and “another, ${n}”, in one breath, with more words.`,
    );
    const names = speakerNames(makeArticle(paragraphs));
    expect(names.length).toBeGreaterThanOrEqual(200);
    expect(names.filter((name) => name === 'Maria Lopez')).toHaveLength(100);
  });

  it('survives nested and mismatched marks without crediting a wrong speaker', () => {
    const article = makeArticle(['The meeting ended early.', '“She said ‘no’ and ”then“ left ‘', '”«Why?» he wrote „yes“ ‚no‘', '"It is \'fine" she said\'']);
    const names = speakerNames(article);
    expect(names.length).toBeGreaterThan(0);
    expect(names.every((speaker) => speaker === null)).toBe(true);
  });

  it('keeps each signed line of a vox pop with its signer when marks are mismatched or nested', () => {
    const article = makeArticle([
      '”Fortunately, the vote is close.” ― Ana Ruiz',
      '“He calls it “hell” and we call it home.” ― Ben Okafor',
      '” … and we will vote early,” ― Carla Mendes',
    ]);
    expect(speakerNames(article)).toEqual(['Ana Ruiz', 'Ben Okafor', 'Carla Mendes']);
  });

  it('indexes right-to-left text and mixed directions, with no invented speaker', () => {
    const article = makeArticle(['قال المتحدث: "نحن مستعدون للحوار"', 'הוא אמר: “זה לא נכון”', '\u202Bمرحبا\u202C “Hello” said ‏Ahmed Saleh‏.']);
    const names = speakerNames(article);
    expect(names.slice(0, 2)).toEqual([null, null]);
  });

  it('handles one sentence packed with quotations and commas in time', () => {
    const sentence = Array.from({ length: 200 }, (_, n) => `“part ${n},” and, then, more, words`).join(', ') + ', said Maria Lopez.';
    const analysis = analyse(makeArticle([sentence]));
    expect(analysis.quotes).toHaveLength(200);
  });
});
