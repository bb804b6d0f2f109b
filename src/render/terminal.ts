/**
 * A `Reply` as terminal text, for the terminal chat and the CLI: the title, the answer with
 * numbered citation markers [1][2], quotations with speaker and role, fields, then a
 * "Sources" footer worded as on every other surface (`[1] Daily Courier, 27 December 2018 —
 * "Title" <url>`). Stored text is untrusted: it is stripped of escape sequences and control
 * characters before anything else, so only our own styles reach the terminal. Colour and
 * bold only when asked (a TTY with NO_COLOR unset); wrapped only when given a width.
 */
import type { Citation, QuotePart, Reply, ReplyPart } from '../core/reply.ts';
import { safeUrl } from './inert.ts';
import { UNKNOWN_LINK } from './markdown.ts';
import { LLM_NOTE, citationMarkers, earlierLabel, orderedCitations, outletAndDate, speakerLine, titleLabel } from './source-facts.ts';
import { styles, terminalLine, terminalSafe, wrapText, type Styles } from './terminal-text.ts';

export interface TerminalOptions {
  /** ANSI bold and colour: only for a TTY with NO_COLOR unset. Default: none. */
  readonly color?: boolean;
  /** Wrap lines to this many columns. Default: no wrapping (piped output, files, scripts). */
  readonly width?: number;
}

/** Said, discreetly, under an answer whose sentences are quoted as published. */
export const EXTRACTIVE_NOTE = 'Extractive answer: each sentence is quoted from the cited articles as published.';

/**
 * The reply as lines of text ending in a newline ('' for an empty reply).
 *
 *   { parts: [{ kind: 'text', text: 'The board approved it.', cites: [1] }], citations: [c1] }
 *   → 'The board approved it. [1]\n\nSources\n[1] Calderbay Courier, 9 March 2021 — "Harbour board…" <https://…>\n'
 */
export function renderTerminal(reply: Reply, options: TerminalOptions = {}): string {
  const style = styles(options.color ?? false);
  const width = options.width;
  const blocks: string[][] = [];
  const title = terminalLine(reply.title ?? '');
  if (title !== '') blocks.push(wrapText(title, width).map(style.bold));
  const notice = terminalLine(reply.notice ?? '');
  if (notice !== '') blocks.push(wrapText(notice, width).map(style.yellow));
  blocks.push(...partBlocks(reply.parts, width, style));
  if (reply.mode !== undefined && reply.parts.length > 0) {
    blocks.push(wrapText(reply.mode === 'llm' ? LLM_NOTE : EXTRACTIVE_NOTE, width).map(style.dim));
  }
  const citations = orderedCitations(reply.citations);
  if (citations.length > 0) blocks.push([style.bold('Sources'), ...citations.flatMap((c) => sourceLines(c, width, style))]);
  const nonEmpty = blocks.filter((block) => block.length > 0);
  return nonEmpty.length === 0 ? '' : `${nonEmpty.map((block) => block.join('\n')).join('\n\n')}\n`;
}

/** One block of lines per part; consecutive fields share a block, their values aligned. */
function partBlocks(parts: readonly ReplyPart[], width: number | undefined, style: Styles): string[][] {
  const blocks: string[][] = [];
  let fields: { label: string; value: string }[] = [];
  const flushFields = (): void => {
    if (fields.length > 0) blocks.push(fieldLines(fields, width, style));
    fields = [];
  };
  for (const part of parts) {
    if (part.kind === 'field') {
      fields.push({ label: terminalLine(part.label), value: terminalLine(part.value) });
      continue;
    }
    flushFields();
    switch (part.kind) {
      case 'heading':
        blocks.push(wrapText(terminalLine(part.text).toUpperCase(), width).map(style.bold));
        break;
      case 'text': {
        const text = withMarkers(terminalSafe(part.text).trim(), part.cites, style);
        const earlier = part.earlier
          ? wrapText(withMarkers(`${earlierLabel(part.earlier)} “${terminalLine(part.earlier.text)}”`, part.earlier.cites, style), width, {
              indent: '  ',
              hanging: '  ',
            })
          : [];
        if (text !== '') blocks.push([...wrapText(text, width), ...earlier]);
        break;
      }
      case 'quote':
        blocks.push(quoteLines(part, width, style));
        break;
      case 'lines':
        // A wrapped line continues two columns in, so a list's items stay apart.
        if (part.lines.length > 0) {
          const lines = part.lines.flatMap((line) => terminalSafe(line).split('\n'));
          blocks.push(lines.flatMap((line) => wrapText(line.trimEnd(), width, { hanging: '  ' })));
        }
        break;
    }
  }
  flushFields();
  return blocks;
}

function fieldLines(fields: readonly { label: string; value: string }[], width: number | undefined, style: Styles): string[] {
  const labelWidth = Math.max(...fields.map((f) => f.label.length)) + 1;
  return fields.flatMap(({ label, value }) => {
    const head = `${label}:`.padEnd(labelWidth);
    const lines = wrapText(value, width, { indent: `${head} `, hanging: ' '.repeat(labelWidth + 1) });
    return lines.map((line, i) => (i === 0 ? `${style.bold(head)}${line.slice(head.length)}` : line));
  });
}

/** The words, who said them, then other outlets' wording and how it differs, set in by two spaces. */
function quoteLines(part: QuotePart, width: number | undefined, style: Styles): string[] {
  const quoted = (text: string, cites: readonly number[]) => withMarkers(`“${terminalLine(text)}”`, cites, style);
  return [
    ...wrapText(quoted(part.text, part.cites), width, { indent: '  ', hanging: '   ' }),
    ...wrapText(`— ${style.bold(terminalLine(speakerLine(part)))}`, width, { indent: '    ', hanging: '      ' }),
    ...(part.variants ?? []).flatMap((variant) => [
      ...wrapText(`also reported as ${quoted(variant.text, variant.cites)}`, width, { indent: '    ', hanging: '      ' }),
      ...(variant.differs ? wrapText(terminalLine(variant.differs), width, { indent: '      ' }).map(style.dim) : []),
    ]),
  ];
}

function withMarkers(text: string, cites: readonly number[], style: Styles): string {
  const markers = citationMarkers(cites);
  if (markers === '') return text;
  return text === '' ? style.cyan(markers) : `${text} ${style.cyan(markers)}`;
}

/** `[1] Outlet, 27 December 2018 — "Title" <url>`, continuation lines set under the outlet. */
function sourceLines(citation: Citation, width: number | undefined, style: Styles): string[] {
  const marker = `[${citation.n}]`;
  const url = safeUrl(citation.url);
  const facts = `${terminalLine(outletAndDate(citation))} — "${terminalLine(titleLabel(citation))}"`;
  const link = url === null ? style.dim(`(${UNKNOWN_LINK})`) : style.dim(`<${url}>`);
  const lines = wrapText(`${facts} ${link}`, width, { indent: `${marker} `, hanging: ' '.repeat(marker.length + 1) });
  return lines.map((line, i) => (i === 0 ? `${style.cyan(marker)}${line.slice(marker.length)}` : line));
}
