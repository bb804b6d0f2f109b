/**
 * A Reply as plain terminal text: title, parts in order, then the numbered sources. Minimal
 * for now (no colour, no wrapping); the terminal chat will extend it.
 */
import type { Citation, Reply, ReplyPart } from '../core/reply.ts';

/**
 * Lines of text ending in a newline.
 *
 * @example renderTerminal({ title: 'Sources', parts: [{ kind: 'field', label: 'Outlet', value: 'unknown' }], citations: [] })
 *   === 'Sources\n\nOutlet: unknown\n'
 */
export function renderTerminal(reply: Reply): string {
  const blocks: string[] = [];
  if (reply.title) blocks.push(reply.title);
  if (reply.notice) blocks.push(reply.notice);
  let fields: string[] = [];
  const flushFields = () => {
    if (fields.length > 0) blocks.push(fields.join('\n'));
    fields = [];
  };
  for (const part of reply.parts) {
    if (part.kind === 'field') {
      fields.push(`${part.label}: ${part.value}`);
      continue;
    }
    flushFields();
    blocks.push(renderPart(part));
  }
  flushFields();
  if (reply.citations.length > 0) blocks.push(['Sources:', ...reply.citations.map(renderCitation)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function renderPart(part: Exclude<ReplyPart, { kind: 'field' }>): string {
  switch (part.kind) {
    case 'heading':
      return part.text.toUpperCase();
    case 'text':
      return `${part.text}${marks(part.cites)}`;
    case 'quote':
      return `“${part.text}”\n  — ${part.speaker ?? 'speaker unknown'}${part.role ? `, ${part.role}` : ''}${marks(part.cites)}`;
    case 'lines':
      return part.lines.join('\n');
  }
}

function marks(cites: readonly number[]): string {
  return cites.length > 0 ? ` ${cites.map((n) => `[${n}]`).join('')}` : '';
}

function renderCitation(citation: Citation): string {
  const facts = [citation.outlet ?? 'outlet unknown', citation.published ?? 'date unknown'].join(', ');
  return `[${citation.n}] ${citation.title} (${facts}; ${citation.article})`;
}
