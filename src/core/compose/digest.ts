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
import { CitationList, type CitationJson } from './citations.ts';
import { pickDigestQuotes } from './digest-quotes.ts';
import { scopedStoryView } from './digest-scope.ts';

export interface DigestRequest {
  /** The new articles (ids), oldest first. */
  readonly articles: readonly string[];
  /** The channel's first digest: titled "the story so far". */
  readonly first: boolean;
  readonly topic: string | null;
  /**
   * Those of `articles` the channel was told about before, whose text has changed since (an
   * edited article a feed carried again): their points say "Updated:", never that they are new.
   */
  readonly updated?: readonly string[];
}

/** `digest now --json`: the `brief --json` shape, with who else reported each point and the new quotations. */
export type DigestJson = {
  readonly points: readonly {
    readonly text: string;
    readonly citations: readonly CitationJson[];
    readonly alsoReportedBy: readonly string[];
    readonly updated?: boolean;
  }[];
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
  const updated = new Set(request.first ? [] : (request.updated ?? []));
  const allUpdated = request.articles.length > 0 && request.articles.every((id) => updated.has(id));
  const title = request.first
    ? 'The story so far'
    : allUpdated
      ? 'Updated in the story'
      : updated.size > 0
        ? 'New and updated in the story'
        : 'New in the story';
  const titled = request.topic ? `${title}: ${request.topic}` : title;
  if (request.articles.length === 0) return emptyDigest(titled);
  const scoped = scopedStoryView(view, request.articles);
  const brief = await composeBrief(request.topic ? { topic: request.topic } : {}, scoped);
  const briefPoints = brief.data?.points ?? [];
  if (briefPoints.length === 0) return emptyDigest(titled);

  // The scoped view cites by reading the cited articles, not the whole story's list.
  const list = new CitationList(scoped, brief.citations);
  const citations = brief.citations;
  const parts: ReplyPart[] = [];
  const points: DigestJson['points'][number][] = [];
  let index = 0;
  for (const part of brief.parts) {
    if (part.kind !== 'text') continue;
    const json = briefPoints[index++];
    const others = alsoReportedBy(part, citations);
    // A point is an update when the article its words come from (its first citation) is one.
    const isUpdate = updated.has(citations[(part.cites[0] ?? 0) - 1]?.article ?? '');
    const text = `${isUpdate ? 'Updated: ' : ''}${part.text}${others.length > 0 ? ` — also reported by ${others.join(', ')}` : ''}`;
    parts.push({ ...part, text });
    points.push({ text: json?.text ?? part.text, citations: json?.citations ?? [], alsoReportedBy: others, updated: isUpdate });
  }

  const quotes = await pickDigestQuotes(
    request.articles,
    parts.map((p) => (p.kind === 'text' ? p.text : '')),
    view,
    request.topic,
  );
  const quoteJson: DigestJson['quotes'][number][] = [];
  if (quotes.length > 0) parts.push({ kind: 'heading', text: 'New quotations' });
  const quoteCites: number[][] = [];
  for (const quote of quotes) {
    // A quotation from an article a point already cites shares that article's number.
    const cites = await list.addAll(quote.sources);
    quoteCites.push(cites);
    parts.push({ kind: 'quote', text: quote.text, speaker: quote.speaker, role: null, cites });
  }
  const listed = list.json();
  quotes.forEach((quote, i) => quoteJson.push({ text: quote.text, speaker: quote.speaker, citations: quoteCites[i]!.map((n) => listed[n - 1]!) }));
  parts.push({ kind: 'lines', lines: [ASK_FOR_MORE] });
  const data: DigestJson = { points, quotes: quoteJson };
  const all = list.all();
  return {
    reply: { title: titled, parts, citations: all, mode: 'extractive', data: { ...data, mode: 'extractive' } },
    empty: false,
    cited: [...new Set(all.map((c) => c.article))],
  };
}

function emptyDigest(title: string): DigestContent {
  const data: DigestJson = { points: [], quotes: [] };
  return {
    reply: { title, parts: [{ kind: 'lines', lines: [NO_NEW_COVERAGE] }], citations: [], mode: 'extractive', data: { ...data, mode: 'extractive' } },
    empty: true,
    cited: [],
  };
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
