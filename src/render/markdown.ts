/**
 * A `Reply` as CommonMark: the answer with [n] markers, then a "Sources" list giving each
 * citation's outlet, date, title, link and every sentence cited from it. For the CLI's `--markdown` and for
 * tests; it has no size limit. Every stored string is escaped, so article text cannot add
 * headings, links, HTML or code.
 */
import type { Citation, QuotePart, Reply, ReplyPart } from '../core/reply.ts';
import { inertMarkdown, safeUrl } from './inert.ts';
import { LLM_NOTE, citationMarkers, earlierLabel, oneLine, orderedCitations, outletAndDate, speakerLine, titleLabel } from './source-facts.ts';

/** What a missing link reads as. */
export const UNKNOWN_LINK = 'link unknown';

/**
 * The whole reply as one Markdown document ending in a newline.
 *
 *   { parts: [{ kind: 'text', text: 'The UK barred Acme.', cites: [1] }], citations: [c1] }
 *   → 'The UK barred Acme. [1]\n\n## Sources\n\n[1] Daily Courier, 27 December 2018 — "…" <https://…>\n> …\n'
 */
export function renderMarkdown(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.title !== undefined && oneLine(reply.title) !== '') blocks.push(`# ${inertMarkdown(oneLine(reply.title))}`);
  if (reply.notice !== undefined && reply.notice.trim() !== '') blocks.push(`_${inertMarkdown(oneLine(reply.notice))}_`);
  blocks.push(...partBlocks(reply.parts));
  if (reply.mode === 'llm') blocks.push(`_${LLM_NOTE}_`);
  const citations = orderedCitations(reply.citations);
  if (citations.length > 0) {
    blocks.push('## Sources');
    blocks.push(...citations.map(sourceEntry));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

/** One Markdown block per part; consecutive fields share one list. */
function partBlocks(parts: readonly ReplyPart[]): string[] {
  const blocks: string[] = [];
  let fields: string[] = [];
  const flushFields = (): void => {
    if (fields.length > 0) blocks.push(fields.join('\n'));
    fields = [];
  };
  for (const part of parts) {
    if (part.kind === 'field') {
      fields.push(`- **${inertMarkdown(oneLine(part.label))}:** ${inertMarkdown(oneLine(part.value))}`);
      continue;
    }
    flushFields();
    switch (part.kind) {
      case 'text':
        if (part.text.trim() !== '' || part.cites.length > 0) blocks.push(withMarkers(part.text, part.cites));
        if (part.earlier) blocks.push(withMarkers(`${earlierLabel(part.earlier)} “${oneLine(part.earlier.text)}”`, part.earlier.cites));
        break;
      case 'heading':
        blocks.push(`## ${inertMarkdown(oneLine(part.text))}`);
        break;
      case 'quote':
        blocks.push(quoteBlock(part));
        break;
      case 'lines':
        if (part.lines.length > 0) blocks.push(part.lines.map((line) => inertMarkdown(line)).join('  \n'));
        break;
    }
  }
  flushFields();
  return blocks;
}

function withMarkers(text: string, cites: readonly number[]): string {
  const markers = citationMarkers(cites);
  const body = inertMarkdown(text.trim());
  return markers === '' ? body : body === '' ? markers : `${body} ${markers}`;
}

/** A quotation as a blockquote: the words, who said them, then other outlets' wording. */
function quoteBlock(part: QuotePart): string {
  const paragraphs = [
    withMarkers(`“${part.text.trim()}”`, part.cites),
    `— ${inertMarkdown(speakerLine(part))}`,
    ...(part.variants ?? []).flatMap((variant) => [
      `Also reported as: ${withMarkers(`“${variant.text.trim()}”`, variant.cites)}`,
      ...(variant.differs ? [`How it differs: ${inertMarkdown(oneLine(variant.differs))}`] : []),
    ]),
  ];
  return paragraphs
    .map((paragraph) =>
      paragraph
        .split('\n')
        .map((line) => (line === '' ? '>' : `> ${line}`))
        .join('\n'),
    )
    .join('\n>\n');
}

function sourceEntry(citation: Citation): string {
  const url = safeUrl(citation.url);
  const head =
    `[${citation.n}] ${inertMarkdown(outletAndDate(citation))} — "${inertMarkdown(titleLabel(citation))}" ` + (url === null ? UNKNOWN_LINK : `<${url}>`);
  // Every sentence the reply cites from this article, each quoted on its own.
  const cited = (citation.texts ?? [citation.text]).map((text) => text.trim()).filter((text) => text !== '');
  if (cited.length === 0) return head;
  return `${head}\n${cited
    .map((text) =>
      inertMarkdown(text)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n'),
    )
    .join('\n>\n')}`;
}
