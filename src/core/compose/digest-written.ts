/**
 * A digest written by the LLM writer. The writer is given the extractive digest's key points
 * (their citations, numbered) and writes the points anew; every sentence it writes has passed
 * the checker. What is not prose stays extractive: the new quotations (verbatim, with their
 * speakers) and the line on how to ask for more. "Also reported by" is kept only where the
 * extractive digest folded two outlets' reports into one development and the written
 * sentence cites both. When the writer fails or too little passes, the extractive digest is
 * posted whole, with the note `ask` and `brief` give.
 */
import type { Logger } from '../logger.ts';
import type { ProseWriter } from '../ports/writer.ts';
import type { Citation, QuotePart, Reply, ReplyPart, TextPart } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { citationJson } from './citations.ts';
import { ASK_FOR_MORE, otherSources, type DigestContent, type DigestJson } from './digest.ts';
import { writeWithReport } from './written.ts';
import { fallbackReply } from './written-reply.ts';

export interface DigestWritingContext {
  readonly writer: ProseWriter;
  readonly view: StoryView;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}

/** Citations are numbered once per article, so an article stands for its citation. */
const keyOf = (c: Pick<Citation, 'article'>): string => c.article;

const json = citationJson;

/**
 * The digest in the writer's words, or the extractive digest (with a note) when the writer
 * fails. An empty digest is returned as it is, and the writer is not asked.
 * `since` tells the writer the period: "Monday 9 March", or null for the story so far.
 *
 * @example await writeDigest(content, 'Monday 9 March', { writer, view, log })
 *   → { reply: { mode: 'llm', parts: [written points…, heading 'New quotations', quote…, lines] }, … }
 *     or { reply: { mode: 'extractive', notice: 'Written digest unavailable (timeout); showing quoted sentences.', … } }
 */
export async function writeDigest(content: DigestContent, since: string | null, context: DigestWritingContext): Promise<DigestContent> {
  if (content.empty) return content;
  const extractive = content.reply;
  const points = extractive.parts.filter((part): part is TextPart => part.kind === 'text');
  const pointCites = new Set(points.flatMap((part) => part.cites));
  // The writer writes the key points only, from the points' citations: an article's
  // citation also holds the quotations cited from it below the points, which stay quoted.
  const quoted = new Set(extractive.parts.flatMap((part) => (part.kind === 'quote' ? [part.text] : [])));
  const pointCitations = extractive.citations
    .filter((c) => pointCites.has(c.n))
    .map((c) => ({ ...c, texts: (c.texts ?? [c.text]).filter((text) => text === c.text || !quoted.has(text)) }));
  const pointsOnly: Reply = { ...extractive, parts: points, citations: pointCitations };
  const task = { kind: 'digest', since } as const;
  const {
    reply: written,
    fallback,
    outcome,
  } = await writeWithReport(
    pointsOnly,
    { task },
    {
      writer: context.writer,
      view: context.view,
      log: context.log,
      ...(context.signal ? { signal: context.signal } : {}),
    },
  );
  if (outcome === null) return content;
  if (fallback !== null) return { ...content, reply: fallbackReply(extractive, task, fallback) };
  return assemble(extractive, points, written);
}

/** The written points with the extractive quotations and closing line, renumbered as one reply. */
function assemble(extractive: Reply, points: readonly TextPart[], written: Reply): DigestContent {
  const citations: Citation[] = [...written.citations];
  const byOldNumber = new Map(extractive.citations.map((c) => [c.n, c] as const));
  // Which extractive point each cited passage stood in: two passages of one point are one development.
  const pointOf = new Map<string, number>();
  points.forEach((part, index) => {
    for (const n of part.cites) {
      const citation = byOldNumber.get(n);
      if (citation && !pointOf.has(keyOf(citation))) pointOf.set(keyOf(citation), index);
    }
  });

  const parts: ReplyPart[] = [];
  const pointJson: DigestJson['points'][number][] = [];
  const writtenTexts: string[] = [];
  for (const part of written.parts) {
    if (part.kind !== 'text') continue;
    const cited = part.cites.map((n) => citations[n - 1]).filter((c): c is Citation => c !== undefined);
    const others = alsoReportedBy(cited, pointOf);
    writtenTexts.push(part.text);
    parts.push({ ...part, text: others.length > 0 ? `${part.text} — also reported by ${others.join(', ')}` : part.text });
    pointJson.push({ text: part.text, citations: cited.map(json), alsoReportedBy: others });
  }

  const quoteJson: DigestJson['quotes'][number][] = [];
  const quotes: QuotePart[] = [];
  for (const part of extractive.parts) {
    // A quotation the written points already carry word for word is not repeated below them.
    if (part.kind !== 'quote' || writtenTexts.some((text) => text.includes(part.text))) continue;
    const cites = part.cites
      .map((n) => byOldNumber.get(n))
      .filter((c): c is Citation => c !== undefined)
      .map((c) => citeIn(citations, c));
    quotes.push({ ...part, cites });
    quoteJson.push({ text: part.text, speaker: part.speaker ?? '', citations: cites.map((n) => json(citations[n - 1]!)) });
  }
  if (quotes.length > 0) parts.push({ kind: 'heading', text: 'New quotations' }, ...quotes);
  parts.push({ kind: 'lines', lines: [ASK_FOR_MORE] });

  const data: DigestJson = { points: pointJson, quotes: quoteJson };
  return {
    reply: { ...(extractive.title !== undefined ? { title: extractive.title } : {}), parts, citations, mode: 'llm', data: { ...data, mode: 'llm' } },
    empty: false,
    cited: [...new Set(citations.map((c) => c.article))],
  };
}

/**
 * Outlets a written point may say "also reported by": those of its citations that the
 * extractive digest folded into one development with another of its citations, less the
 * outlet of its first citation. A sentence citing two unrelated passages names no one.
 */
function alsoReportedBy(cited: readonly Citation[], pointOf: ReadonlyMap<string, number>): string[] {
  const [lead] = cited;
  if (!lead) return [];
  const folded = cited.filter((c) => {
    const point = pointOf.get(keyOf(c));
    return point !== undefined && cited.some((other) => other !== c && pointOf.get(keyOf(other)) === point);
  });
  return otherSources([lead, ...folded.filter((c) => c !== lead)]);
}

/** The number of `citation`'s article in `citations`, added at the end when it is not there yet. */
function citeIn(citations: Citation[], citation: Citation): number {
  const at = citations.findIndex((c) => keyOf(c) === keyOf(citation));
  if (at < 0) {
    citations.push({ ...citation, n: citations.length + 1 });
    return citations.length;
  }
  const known = citations[at]!;
  const texts = [...(known.texts ?? [known.text])];
  for (const text of citation.texts ?? [citation.text]) if (!texts.includes(text)) texts.push(text);
  citations[at] = { ...known, texts };
  return known.n;
}
