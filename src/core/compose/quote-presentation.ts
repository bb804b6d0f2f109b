/**
 * One quotation as a reply shows it: its wording, who said it, the sentence it starts in
 * cited, and every other outlet's wording of it with how that wording differs. A partial
 * quotation ("some decisions") means little alone, so it is shown in its reporter's sentence.
 */
import type { ArticleSummary, SentenceHit, StoredQuote } from '../ports/store.ts';
import type { QuotePart, ReplyPart, TextPart } from '../reply.ts';
import type { CitationList } from './citations.ts';
import { differences } from './quote-differences.ts';
import type { QuoteGroup } from './quote-groups.ts';
import { align } from './quote-variants.ts';
import { sameWordsKey, type Wording } from './quote-wording.ts';

/** Another outlet's wording in the `quote --json` contract. */
export interface VariantJson {
  readonly text: string;
  readonly article: string;
  readonly outlet: string | null;
  readonly published: string | null;
  readonly cite: number;
  /** How this wording differs from the quotation's `text`; null when the words are the same. */
  readonly differs: string | null;
}

/** A quotation in the `quote --json` contract (fields may be added, never renamed). */
export interface QuoteJson {
  readonly speaker: string | null;
  readonly role: string | null;
  readonly text: string;
  /** `full`: a quoted sentence or more; `partial`: a quoted phrase in the reporter's sentence. */
  readonly kind: 'full' | 'partial';
  readonly article: string;
  readonly outlet: string | null;
  readonly title: string;
  readonly published: string | null;
  /** Number of the citation of the sentence the quotation starts in. */
  readonly cite: number;
  /** That sentence, verbatim. */
  readonly sentence: string;
  /** Every other article's wording of the same quotation. */
  readonly variants: readonly VariantJson[];
}

export interface PresentContext {
  readonly citations: CitationList;
  /** Sentences by `article#sentence`, read in one batch. */
  readonly sentences: ReadonlyMap<string, SentenceHit>;
  /** At least the articles of the groups shown. */
  readonly articles: ReadonlyMap<string, ArticleSummary>;
  /** The compared form of a quotation's wording (`QuoteIndex` or `StoryQuotes`). */
  readonly index: { wording(quote: StoredQuote): Wording };
}

export const sentenceKey = (quote: Pick<StoredQuote, 'article' | 'sentence'>) => `${quote.article}#${quote.sentence}`;

/** Earliest published first; undated after the dated, then by id, so output is stable. */
function byDate(articles: ReadonlyMap<string, ArticleSummary>) {
  const date = (quote: StoredQuote) => articles.get(quote.article)?.meta.published ?? '\uffff';
  return (a: StoredQuote, b: StoredQuote) => date(a).localeCompare(date(b)) || a.article.localeCompare(b.article);
}

/**
 * The reply part and JSON of one quotation, led by `lead` (the fullest wording, or the
 * wording of the article asked about), or null when its sentence is no longer stored.
 */
export async function presentGroup(
  group: QuoteGroup,
  lead: StoredQuote,
  speaker: { readonly name: string | null; readonly role: string | null },
  context: PresentContext,
): Promise<{ part: ReplyPart; json: QuoteJson } | null> {
  const { citations, sentences, articles, index } = context;
  const leadSentence = sentences.get(sentenceKey(lead));
  if (!leadSentence) return null;
  const leadWording = index.wording(lead);
  const cites = [await citations.add(leadSentence)];
  const shown = new Map<string, { text: string; cites: number[]; differs: string }>();
  const variants: VariantJson[] = [];
  for (const other of group.members.filter((m) => m !== lead).sort(byDate(articles))) {
    const sentence = sentences.get(sentenceKey(other));
    if (!sentence) continue;
    const cite = await citations.add(sentence);
    const wording = index.wording(other);
    const same = sameWordsKey(wording) === sameWordsKey(leadWording);
    const differs = same ? null : differences(leadWording, wording, align(leadWording, wording));
    const meta = articles.get(other.article)?.meta;
    variants.push({ text: other.text, article: other.article, outlet: meta?.outlet ?? null, published: meta?.published ?? null, cite, differs });
    if (differs === null) {
      if (!cites.includes(cite)) cites.push(cite);
      continue;
    }
    const key = sameWordsKey(wording);
    const known = shown.get(key);
    if (known) known.cites.push(cite);
    else shown.set(key, { text: other.text, cites: [cite], differs });
  }

  const meta = articles.get(lead.article)?.meta;
  const json: QuoteJson = {
    speaker: speaker.name,
    role: speaker.role,
    text: lead.text,
    kind: lead.kind,
    article: lead.article,
    outlet: meta?.outlet ?? null,
    title: meta?.title ?? lead.article,
    published: meta?.published ?? null,
    cite: cites[0] as number,
    sentence: leadSentence.text,
    variants,
  };
  if (lead.kind === 'partial' && shown.size === 0) {
    const part: TextPart = { kind: 'text', text: leadSentence.text, cites };
    return { part, json };
  }
  const part: QuotePart = {
    kind: 'quote',
    text: lead.text,
    speaker: speaker.name,
    role: speaker.role,
    cites,
    ...(shown.size > 0 ? { variants: [...shown.values()] } : {}),
  };
  return { part, json };
}
