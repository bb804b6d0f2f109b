/**
 * The facts of a citation as every renderer words them, so an unknown outlet or date reads
 * the same in Slack, Discord and Markdown. Plain text out: each renderer escapes for its
 * platform.
 */
import type { Citation, EarlierReport, QuotePart } from '../core/reply.ts';
import { humanDate } from './dates.ts';

export const UNKNOWN_OUTLET = 'outlet unknown';
export const UNTITLED = 'untitled';
export const UNKNOWN_SPEAKER = 'speaker unknown';
/** Said under an answer the language model wrote. */
export const LLM_NOTE = 'Written by a language model from the cited sources; each sentence was checked against them.';

/** The outlet's name, or 'outlet unknown'. Whitespace runs fold to one space. */
export function outletLabel(citation: Citation): string {
  return oneLine(citation.outlet ?? '') || UNKNOWN_OUTLET;
}

/** The article's title on one line, or 'untitled'. */
export function titleLabel(citation: Citation): string {
  return oneLine(citation.title) || UNTITLED;
}

/** The publication date as a reader says it: '27 December 2018', 'May 2019', 'date unknown'. */
export function dateLabel(citation: Citation): string {
  return humanDate(citation.published);
}

/** "Outlet, date": 'Daily Courier, 27 December 2018', 'outlet unknown, date unknown'. */
export function outletAndDate(citation: Citation): string {
  return `${outletLabel(citation)}, ${dateLabel(citation)}`;
}

/** Text folded onto one line: labels, titles and headings never carry line breaks. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Citations in number order, each number once (a reply may list a citation twice by mistake). */
export function orderedCitations(citations: readonly Citation[]): readonly Citation[] {
  const seen = new Set<number>();
  return [...citations]
    .sort((a, b) => a.n - b.n)
    .filter((citation) => {
      if (seen.has(citation.n)) return false;
      seen.add(citation.n);
      return true;
    });
}

/** The markers for a list of citation numbers, each once: [1, 3, 1] → '[1][3]'; [] → ''. */
export function citationMarkers(cites: readonly number[]): string {
  return [...new Set(cites)].map((n) => `[${n}]`).join('');
}

/** "Speaker, role" on one line: 'Joan Smith, defence secretary'; 'speaker unknown'. */
export function speakerLine(part: Pick<QuotePart, 'speaker' | 'role'>): string {
  const speaker = oneLine(part.speaker ?? '') || UNKNOWN_SPEAKER;
  const role = oneLine(part.role ?? '');
  return role === '' ? speaker : `${speaker}, ${role}`;
}

/**
 * How an earlier report a sentence updates is introduced, the same on every surface.
 * @example earlierLabel({ text: '…', cites: [1], change: '12 → 45' }) // 'Updates an earlier report (12 → 45):'
 */
export function earlierLabel(earlier: EarlierReport): string {
  return `Updates an earlier report (${oneLine(earlier.change)}):`;
}
