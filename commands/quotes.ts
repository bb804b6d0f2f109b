/**
 * `quotes`: who said what. Quotations as analysis found them at ingest, each with its
 * speaker's canonical name across the story (or none), filtered by speaker or article.
 */
import { defineCommand } from '../src/core/define-command.ts';
import type { Citation, QuotePart } from '../src/core/reply.ts';
import { UserError } from '../src/core/errors.ts';
import { closeMatches } from '../src/core/close-matches.ts';
import type { Store, StoredQuote } from '../src/core/ports/store.ts';
import { nameKey } from '../src/core/name-key.ts';
import { missingArticle } from '../src/core/missing-article.ts';

/** The `quotes --json` contract: add fields freely, never rename these. */
export interface QuoteJson {
  readonly article: string;
  /** The speaker's canonical name across the story, or null when no speaker was found. */
  readonly speaker: string | null;
  /** The quotation without its marks. */
  readonly text: string;
  readonly cue: string | null;
  /** Span of `text` in the article's clean text. */
  readonly start: number;
  readonly end: number;
  readonly kind: StoredQuote['kind'];
  readonly cueKind: StoredQuote['cueKind'];
  /** The words that named the speaker where the cue is: "Ms Smith", "he", "the firm". */
  readonly speakerText: string | null;
  readonly sentence: number;
}

export const quotes = defineCommand({
  name: 'quotes',
  description: 'List quotations with their speakers, by speaker or by article',
  options: [
    { name: 'speaker', type: 'string', description: 'only quotations by this person or organisation (name or alias)', autocomplete: 'speaker', maxLength: 200 },
    { name: 'article', type: 'string', description: 'only quotations in this article (its id)', autocomplete: 'article', maxLength: 500 },
  ],
  examples: ['quotes', 'quotes --speaker "Joan Smith"', 'quotes --article politics/001'],
  surfaces: ['cli'],
  async run({ speaker, article }, { store }) {
    if (article !== undefined && !(await store.getArticle(article))) throw await missingArticle(store, article);
    const found = await store.listQuotes({ ...(speaker !== undefined ? { speaker } : {}), ...(article !== undefined ? { article } : {}) });
    if (found.length === 0 && speaker !== undefined) await checkSpeakerKnown(store, speaker);
    const { parts, citations } = await quoteParts(store, found);
    return {
      title: heading(found.length, speaker, article),
      parts,
      citations,
      ...(found.length === 0 ? { notice: 'No quotations found.' } : {}),
      data: { quotes: found.map(toJson) },
    };
  },
});

function toJson(quote: StoredQuote): QuoteJson {
  return {
    article: quote.article,
    speaker: quote.speakerName,
    text: quote.text,
    cue: quote.cue,
    start: quote.start,
    end: quote.end,
    kind: quote.kind,
    cueKind: quote.cueKind,
    speakerText: quote.speakerText,
    sentence: quote.sentence,
  };
}

function heading(count: number, speaker: string | undefined, article: string | undefined): string {
  const filters = [speaker !== undefined ? `by ${speaker}` : null, article !== undefined ? `in ${article}` : null].filter(Boolean);
  return [`${count} quotation${count === 1 ? '' : 's'}`, ...filters].join(' ');
}

/** Throws with close matches when no entity of the story has this name or alias. */
async function checkSpeakerKnown(store: Store, speaker: string): Promise<void> {
  const entities = await store.storyEntities();
  const wanted = nameKey(speaker);
  if (entities.some((e) => [e.name, ...e.aliases].some((name) => nameKey(name) === wanted))) return;
  const speakers = entities.filter((e) => e.quoteCount > 0);
  const near = closeMatches(
    speaker,
    speakers.flatMap((e) => [e.name, ...e.aliases]),
  );
  const names = near.length > 0 ? near : speakers.slice(0, 5).map((e) => e.name);
  throw new UserError(
    'unknown-speaker',
    `No speaker called "${speaker}" in the indexed articles.${names.length > 0 ? ` ${near.length > 0 ? 'Close matches' : 'Most quoted'}: ${names.join(', ')}.` : ''}`,
  );
}

async function quoteParts(store: Store, found: readonly StoredQuote[]) {
  // The articles cited, read by id, not the story's whole list.
  const articles = new Map((await store.articleSummaries([...new Set(found.map((quote) => quote.article))])).map((a) => [a.id, a]));
  const citations: Citation[] = [];
  const numberOf = new Map<string, number>();
  const parts: QuotePart[] = found.map((quote) => {
    let n = numberOf.get(quote.article);
    const summary = articles.get(quote.article);
    if (n === undefined && summary) {
      n = citations.length + 1;
      numberOf.set(quote.article, n);
      citations.push({
        n,
        article: quote.article,
        outlet: summary.meta.outlet,
        title: summary.meta.title ?? quote.article,
        published: summary.meta.published,
        url: summary.meta.url,
        text: quote.text,
      });
    }
    return { kind: 'quote', text: quote.text, speaker: quote.speakerName, role: null, cites: n === undefined ? [] : [n] };
  });
  return { parts, citations };
}
