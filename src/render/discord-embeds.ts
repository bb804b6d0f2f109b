/**
 * A `Reply` as Discord messages with embeds: the answer in the embed description, sources
 * as linked fields (`[Outlet](url)` and the date), a footer with the dates the sources
 * cover. Long replies become several messages, each within Discord's limits (the packing is
 * in discord-packing.ts, which also declares the message shapes as plain JSON).
 */
import type { Citation, QuotePart, Reply, ReplyPart } from '../core/reply.ts';
import { coverageLine } from './dates.ts';
import { guardDiscordChunkStart, inertDiscord, inertDiscordLabel, inertDiscordPlain, safeUrl } from './inert.ts';
import { DISCORD_LIMITS, MessagePacker, QUOTE_CHUNK, type DiscordEmbedField, type DiscordMessage } from './discord-packing.ts';
import { splitText, truncateText, type SplitOptions } from './split.ts';
import { LLM_NOTE, citationMarkers, dateLabel, earlierLabel, oneLine, orderedCitations, outletLabel, speakerLine, titleLabel } from './source-facts.ts';

export type { DiscordActionRow, DiscordEmbed, DiscordEmbedField, DiscordMessage } from './discord-packing.ts';
export { DISCORD_LIMITS, EMBED_COLOR } from './discord-packing.ts';

/** Masked links, backslash escapes and our own bold or italic labels stay whole when cut. */
export const DISCORD_ATOMIC: SplitOptions = {
  atomic: [/\[(?:[^\]\\\n]|\\.)*\]\([^()\s]*\)/g, /\\[^\n]/g, /\*\*(?:[^*\\\n]|\\.){1,300}\*\*/g, /(?<!\*)\*(?:[^*\\\n]|\\.){1,300}\*(?!\*)/g],
  repair: guardDiscordChunkStart,
};

/**
 * The reply as one or more Discord messages, in order, each within every Discord limit
 * (4,096 per description, 256 per title and field name, 1,024 per field value, 25 fields
 * and 6,000 characters across the embeds of a message, 10 embeds). Every stored string is
 * escaped for Discord Markdown and every message carries `allowedMentions: { parse: [] }`.
 *
 *   renderDiscord({ parts: [{ kind: 'text', text: 'The UK barred Acme.', cites: [1] }], citations: [c1] })
 *   → [{ embeds: [{ description: 'The UK barred Acme. [1]',
 *        fields: [{ name: '[1] Acme devices dropped', value: '[Daily Courier](https://…) · 27 December 2018' }],
 *        footer: { text: 'Sources dated 27 December 2018' } }], allowedMentions: { parse: [] } }]
 */
export function renderDiscord(reply: Reply): DiscordMessage[] {
  const title = inertDiscordLabel(reply.title ?? '');
  const titleFits = title.length <= DISCORD_LIMITS.title;
  const pieces = [
    ...(titleFits || title === '' ? [] : [`**${inertDiscord(oneLine(reply.title ?? ''))}**`]),
    ...(oneLine(reply.notice ?? '') === '' ? [] : [`*${inertDiscord(oneLine(reply.notice ?? ''))}*`]),
    ...partPieces(reply.parts),
  ];
  const citations = orderedCitations(reply.citations);
  const footer = footerText(reply, citations);
  if (pieces.length === 0 && citations.length === 0 && title === '' && footer === '') pieces.push('Nothing to show.');
  const packer = new MessagePacker(DISCORD_ATOMIC);
  packer.addDescriptions(titleFits ? title : '', pieces);
  for (const citation of citations) packer.addField(sourceField(citation));
  if (footer !== '') packer.addFooter(footer);
  return packer.messages();
}

/** Prose runs, headings, fields and lines as Markdown paragraphs; quotations pre-cut to fit. */
function partPieces(parts: readonly ReplyPart[]): string[] {
  const pieces: string[] = [];
  let run: string[] = [];
  let runKind: 'text' | 'field' | null = null;
  const flush = (): void => {
    if (run.length > 0) pieces.push(run.join('\n'));
    run = [];
    runKind = null;
  };
  for (const part of parts) {
    if (part.kind !== runKind) flush();
    switch (part.kind) {
      case 'text': {
        const line = withMarkers(inertDiscord(part.text.trim()), part.cites);
        if (line !== '') run.push(line);
        if (part.earlier) run.push(withMarkers(`↳ ${inertDiscord(`${earlierLabel(part.earlier)} “${oneLine(part.earlier.text)}”`)}`, part.earlier.cites));
        runKind = 'text';
        break;
      }
      case 'field':
        run.push(`**${inertDiscord(oneLine(part.label))}:** ${inertDiscord(part.value.trim())}`);
        runKind = 'field';
        break;
      case 'heading':
        if (oneLine(part.text) !== '') pieces.push(`**${inertDiscord(oneLine(part.text))}**`);
        break;
      case 'lines':
        if (part.lines.some((line) => line.trim() !== '')) pieces.push(part.lines.map(inertDiscord).join('\n'));
        break;
      case 'quote':
        pieces.push(...quotePieces(part));
        break;
    }
  }
  flush();
  return pieces;
}

function withMarkers(text: string, cites: readonly number[]): string {
  const markers = citationMarkers(cites);
  return markers === '' ? text : text === '' ? markers : `${text} ${markers}`;
}

/**
 * A quotation as a Discord block quote, in chunks small enough to always fit whole in the
 * space a description is given, so no chunk is cut again and loses its quote marks.
 */
function quotePieces(part: QuotePart): string[] {
  const content = [
    withMarkers(`“${inertDiscord(part.text.trim())}”`, part.cites),
    `— **${inertDiscord(speakerLine(part))}**`,
    ...(part.variants ?? []).flatMap((variant) => [
      `Also reported as: ${withMarkers(`“${inertDiscord(variant.text.trim())}”`, variant.cites)}`,
      ...(variant.differs ? [`How it differs: ${inertDiscord(oneLine(variant.differs))}`] : []),
    ]),
  ].join('\n');
  const lineCount = content.split('\n').length;
  const budget = Math.max(QUOTE_CHUNK / 2, QUOTE_CHUNK - 2 * lineCount);
  return splitText(content, budget, DISCORD_ATOMIC).map((chunk) =>
    chunk
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n'),
  );
}

/** `[3] Title` over `[Outlet](url) · 27 December 2018`; no link when the url is unknown or unsafe. */
function sourceField(citation: Citation): DiscordEmbedField {
  const number = `[${citation.n}] `;
  const name = number + truncateText(inertDiscordLabel(titleLabel(citation)), DISCORD_LIMITS.fieldName - number.length);
  const outlet = truncateText(inertDiscord(outletLabel(citation)), 300, DISCORD_ATOMIC);
  const url = safeUrl(citation.url);
  const date = inertDiscord(dateLabel(citation));
  const value = url !== null && url.length <= 900 ? `[${outlet}](${url}) · ${date}` : `${outlet} · ${date}`;
  return { name, value, inline: false };
}

function footerText(reply: Reply, citations: readonly Citation[]): string {
  const notes = [coverageLine(citations.map((citation) => citation.published)), reply.mode === 'llm' ? LLM_NOTE : ''];
  return truncateText(inertDiscordPlain(notes.filter((note) => note !== '').join(' · ')), DISCORD_LIMITS.footer);
}
