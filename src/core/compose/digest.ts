/**
 * A digest: what the story's new articles add, in the brief's shape. The points are the
 * brief's (at most seven cited developments, one outlet's report folded with the others'
 * reports of the same development: "… — also reported by Metro Times"), chosen among the new
 * articles only; then up to three new notable quotations with their speakers; then how to ask
 * for more. The first digest of a channel is "the story so far".
 */
import type { Citation, Reply, ReplyPart, TextPart } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { composeBrief } from './brief.ts';
import type { CitationJson } from './citations.ts';
import { pickDigestQuotes, type DigestQuote } from './digest-quotes.ts';
import { scopedStoryView } from './digest-scope.ts';

export interface DigestRequest {
  /** The new articles (ids), oldest first. */
  readonly articles: readonly string[];
  /** The channel's first digest: titled "the story so far". */
  readonly first: boolean;
  readonly topic: string | null;
}

/** `digest now --json`: the `brief --json` shape, with who else reported each point and the new quotations. */
export type DigestJson = {
  readonly points: readonly { readonly text: string; readonly citations: readonly CitationJson[]; readonly alsoReportedBy: readonly string[] }[];
  readonly quotes: readonly { readonly text: string; readonly speaker: string; readonly citations: readonly CitationJson[] }[];
};

export interface DigestContent {
  readonly reply: Reply;
  /** Nothing new (on the topic): the reply is the one-line "no new coverage". */
  readonly empty: boolean;
  /** Articles the digest cites. */
  readonly cited: readonly string[];
}

export const NO_NEW_COVERAGE = 'No new coverage since the last digest.';
export const ASK_FOR_MORE = 'For more: ask a question in plain words (ask what did the minister say?), or brief TOPIC for a topic in full.';

/**
 * Composes the digest of the given new articles.
 *
 * @example await composeDigest({ articles: ['004'], first: false, topic: null }, view)
 *   → { reply: { title: 'New in the story', parts: [point, …, heading 'New quotations', quote, …, lines] }, empty: false, … }
 */
export async function composeDigest(request: DigestRequest, view: StoryView): Promise<DigestContent> {
  const title = request.first ? 'The story so far' : 'New in the story';
  const titled = request.topic ? `${title}: ${request.topic}` : title;
  if (request.articles.length === 0) return emptyDigest(titled);
  const scoped = scopedStoryView(view, request.articles);
  const brief = await composeBrief(request.topic ? { topic: request.topic } : {}, scoped);
  const briefPoints = brief.data?.points ?? [];
  if (briefPoints.length === 0) return emptyDigest(titled);

  const citations: Citation[] = [...brief.citations];
  const parts: ReplyPart[] = [];
  const points: DigestJson['points'][number][] = [];
  let index = 0;
  for (const part of brief.parts) {
    if (part.kind !== 'text') continue;
    const json = briefPoints[index++];
    const others = alsoReportedBy(part, citations);
    parts.push({ ...part, text: others.length > 0 ? `${part.text} — also reported by ${others.join(', ')}` : part.text });
    points.push({ text: json?.text ?? part.text, citations: json?.citations ?? [], alsoReportedBy: others });
  }

  const quotes = await pickDigestQuotes(request.articles, parts.map((p) => (p.kind === 'text' ? p.text : '')), view, request.topic);
  const quoteJson: DigestJson['quotes'][number][] = [];
  if (quotes.length > 0) parts.push({ kind: 'heading', text: 'New quotations' });
  for (const quote of quotes) {
    const cites = await citeQuote(quote, citations, view);
    parts.push({ kind: 'quote', text: quote.text, speaker: quote.speaker, role: null, cites });
    quoteJson.push({ text: quote.text, speaker: quote.speaker, citations: cites.map((n) => citationJson(citations[n - 1]!)) });
  }
  parts.push({ kind: 'lines', lines: [ASK_FOR_MORE] });
  const data: DigestJson = { points, quotes: quoteJson };
  return {
    reply: { title: titled, parts, citations, mode: 'extractive', data: { ...data, mode: 'extractive' } },
    empty: false,
    cited: [...new Set(citations.map((c) => c.article))],
  };
}

function emptyDigest(title: string): DigestContent {
  const data: DigestJson = { points: [], quotes: [] };
  return { reply: { title, parts: [{ kind: 'lines', lines: [NO_NEW_COVERAGE] }], citations: [], mode: 'extractive', data: { ...data, mode: 'extractive' } }, empty: true, cited: [] };
}

/** The outlets of a point's citations after its first (the point's own words), each once. */
function alsoReportedBy(part: TextPart, citations: readonly Citation[]): string[] {
  return otherSources(part.cites.map((n) => citations[n - 1]).filter((c): c is Citation => c !== undefined));
}

/**
 * The sources of citations after the first, each once, leaving out the first's own.
 * `otherSources([courier, metroTimes, courierAgain])` → ['Metro Times']
 */
export function otherSources(cited: readonly Citation[]): string[] {
  const [lead, ...rest] = cited;
  const leadName = lead ? sourceName(lead) : null;
  return [...new Set(rest.map(sourceName))].filter((name) => name !== leadName);
}

/** An outlet's name, or the article's title in quotation marks when the outlet is unknown. */
function sourceName(citation: Citation): string {
  return citation.outlet ?? `“${citation.title}”`;
}

async function citeQuote(quote: DigestQuote, citations: Citation[], view: StoryView): Promise<number[]> {
  const numbers: number[] = [];
  for (const source of quote.sources) {
    const known = citations.find((c) => c.article === source.article && c.sentence === source.sentence);
    if (known) {
      numbers.push(known.n);
      continue;
    }
    const n = citations.length + 1;
    citations.push(await view.cite(n, source));
    numbers.push(n);
  }
  return numbers;
}

function citationJson({ n, article, outlet, title, published, url, text }: Citation): CitationJson {
  return { n, article, outlet, title, published, url, text };
}
