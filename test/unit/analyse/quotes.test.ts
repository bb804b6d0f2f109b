import { describe, expect, it } from 'vitest';
import { findQuoteSpans } from '../../../src/core/analyse/quotes.ts';
import { makeArticle } from './make-article.ts';

function quotedIn(...paragraphs: string[]): { text: string; closed: boolean }[] {
  const article = makeArticle(paragraphs);
  return findQuoteSpans(article.text, article.blocks).map((span) => ({ text: article.text.slice(span.start, span.end), closed: span.closed }));
}

describe('findQuoteSpans', () => {
  it('finds curly and straight double quotations, even mixed', () => {
    expect(quotedIn('She called it “a disgrace” and "a scandal”.').map((q) => q.text)).toEqual(['a disgrace', 'a scandal']);
  });

  it('tells an apostrophe from a closing single quote', () => {
    expect(quotedIn("It's the club's view that the '90s were rock 'n' roll, O'Brien said.")).toEqual([]);
    expect(quotedIn("The coach said the result was 'a disaster' for the team's season.").map((q) => q.text)).toEqual(['a disaster']);
  });

  it('keeps a plural possessive inside a single-quoted quotation', () => {
    expect(quotedIn("He said: 'The players' union will fight this.'").map((q) => q.text)).toEqual(["The players' union will fight this."]);
  });

  it('keeps a curly pair inside a transcript turn a straight mark opened as part of the turn', () => {
    expect(quotedIn('"PETROV: Well, look, my rival thinks this is an episode of “Quiz Night.” But this is serious.')).toEqual([
      { text: 'PETROV: Well, look, my rival thinks this is an episode of “Quiz Night.” But this is serious.', closed: false },
    ]);
    // Outside a transcript the straight mark opening a paragraph is a stray and the curly pair is the quotation.
    expect(quotedIn('"Petrov laughed it off, interjecting, “Only Rosie.” But Roe went on.').map((q) => q.text)).toContain('Only Rosie.');
  });

  it('leaves quotations nested inside another out of the list', () => {
    expect(quotedIn('He said: “We will sign ‘no spy’ deals.”').map((q) => q.text)).toEqual(['We will sign ‘no spy’ deals.']);
  });

  it('marks a paragraph that opens a quotation and never closes it', () => {
    expect(quotedIn('She said: "We will appeal.', '"And we will win."')).toEqual([
      { text: 'We will appeal.', closed: false },
      { text: 'And we will win.', closed: true },
    ]);
  });

  it('ends a quotation left open when another opens in the same paragraph', () => {
    expect(quotedIn('He said: "We doubled pay. "We will double it again."').map((q) => q.text)).toEqual(['We doubled pay.', 'We will double it again.']);
  });

  it('keeps a pair of the same marks nested inside an open quotation in it (sixth pass)', () => {
    expect(quotedIn('“I would rather live in what he calls “hell” than here.” ― Ana Ruiz').map((q) => q.text)).toEqual([
      'I would rather live in what he calls “hell” than here.',
    ]);
    expect(quotedIn('"We have heard him say "never" too often," she said.').map((q) => q.text)).toEqual(['We have heard him say "never" too often']);
  });

  it('opens a quotation with the mark that opens its paragraph, whatever its shape (sixth pass)', () => {
    expect(quotedIn('” … what I learned is that words matter,” she said.').map((q) => q.text)).toEqual(['… what I learned is that words matter']);
    expect(quotedIn('”Fortunately, we won.” ― Ana Ruiz').map((q) => q.text)).toEqual(['Fortunately, we won.']);
  });

  it('drops the comma before the closing mark from the quoted text', () => {
    expect(quotedIn('“We are ready,” she said.').map((q) => q.text)).toEqual(['We are ready']);
  });
});
