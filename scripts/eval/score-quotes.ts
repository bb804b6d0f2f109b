/**
 * Scores quotations against the gold: which labelled quotations were found, with the right
 * speaker, and whether any scare quote, headline or heading was attributed to someone.
 */
import type { GoldNotQuote, GoldQuote, GoldQuotes } from './gold.ts';
import { containsFolded, sameName } from './text-match.ts';

/** A quotation as the system stored it (the `quotes --json` shape). */
export interface SystemQuote {
  readonly article: string;
  readonly text: string;
  readonly speaker: string | null;
}

export interface QuoteVerdict {
  readonly gold: GoldQuote;
  readonly found: boolean;
  readonly speakerRight: boolean;
  /** Speakers of the matching system quotations, to show what went wrong. */
  readonly speakersGiven: readonly (string | null)[];
}

export interface NotQuoteVerdict {
  readonly gold: GoldNotQuote;
  /** The speakers it was wrongly given (empty when none). */
  readonly attributedTo: readonly string[];
}

export interface QuoteScore {
  readonly labelled: number;
  readonly found: number;
  readonly speakersRight: number;
  readonly notQuotes: number;
  readonly notQuotesAttributed: number;
  readonly quotes: readonly QuoteVerdict[];
  readonly notQuoteVerdicts: readonly NotQuoteVerdict[];
}

/**
 * A gold quotation is found when a system quotation of its article contains its `starts`;
 * its speaker is right when one such quotation names one of the gold speakers. A not-quote is
 * attributed when a quotation of its article with a speaker contains its text and is not
 * itself a labelled quotation (a real quote may contain the same words: "… is too much.").
 *
 * @example scoreQuotes({ quotes: [{ article: 'a', starts: 'We will', speaker: ['Ann Lee'], … }], not_quotes: [] },
 *   [{ article: 'a', text: 'We will win,', speaker: 'ann lee' }]) → { found: 1, speakersRight: 1, … }
 */
export function scoreQuotes(gold: GoldQuotes, system: readonly SystemQuote[]): QuoteScore {
  const inArticle = (article: string) => system.filter((q) => q.article === article);
  const quotes = gold.quotes.map((item): QuoteVerdict => {
    const matches = inArticle(item.article).filter((q) => containsFolded(q.text, item.starts));
    return {
      gold: item,
      found: matches.length > 0,
      speakerRight: matches.some((q) => q.speaker !== null && item.speaker.some((name) => sameName(name, q.speaker!))),
      speakersGiven: matches.map((q) => q.speaker),
    };
  });
  const labelled = (q: SystemQuote) => gold.quotes.some((item) => item.article === q.article && containsFolded(q.text, item.starts));
  const notQuoteVerdicts = gold.not_quotes.map(
    (item): NotQuoteVerdict => ({
      gold: item,
      attributedTo: inArticle(item.article)
        .filter((q) => q.speaker !== null && containsFolded(q.text, item.text) && !labelled(q))
        .map((q) => q.speaker!),
    }),
  );
  return {
    labelled: quotes.length,
    found: quotes.filter((v) => v.found).length,
    speakersRight: quotes.filter((v) => v.speakerRight).length,
    notQuotes: notQuoteVerdicts.length,
    notQuotesAttributed: notQuoteVerdicts.filter((v) => v.attributedTo.length > 0).length,
    quotes,
    notQuoteVerdicts,
  };
}
