import type { Block } from '../article.ts';

/** A quotation's marks and span as found in the text, before anyone is credited with it. */
export interface QuoteSpan {
  /** Span of the quoted words, inside the marks, trimmed. */
  readonly start: number;
  readonly end: number;
  /** Offset of the opening mark. */
  readonly open: number;
  /** Offset just past the closing mark; the block's end when the paragraph never closes it. */
  readonly close: number;
  readonly closed: boolean;
  readonly block: number;
  readonly double: boolean;
}

const OPENERS_BEFORE = ' \n\t\u00a0([{—–-/:;"“‘\'«';
// After an opening single mark these begin an elision, not a quotation: 'n', 'em, '90s.
const ELISION = /^(?:\d0s|\d\d\b|n[’']|em\b|til\b|cause\b|tis\b|twas\b|bout\b|round\b|nuff\b)/iu;

const WORD_CHAR = /[\p{L}\p{N}]/u;
// A speaker's label opening a transcript turn: "WALLACE: …", "SEN. DOE: …".
const TRANSCRIPT_TURN = /^[A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}:\s/;
const DOUBLE_FINDER = /["“”„«»]/g;
const OPENING_DOUBLES = '“„«';
const SINGLE_FINDER = /['‘’‚]/g;

function isWordChar(ch: string | undefined): boolean {
  return ch !== undefined && WORD_CHAR.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

interface Mark {
  readonly at: number;
  readonly canOpen: boolean;
  readonly canClose: boolean;
  readonly ch: string;
}

function marksOf(text: string, block: Block, finder: RegExp): Mark[] {
  const marks: Mark[] = [];
  finder.lastIndex = block.start;
  for (let match = finder.exec(text); match && match.index < block.end; match = finder.exec(text)) {
    const i = match.index;
    const prev = i > block.start ? text[i - 1] : undefined;
    const next = i + 1 < block.end ? text[i + 1] : undefined;
    // An apostrophe inside a word ("it's", "O'Brien") can neither open nor close.
    if (isWordChar(prev) && isWordChar(next)) continue;
    // A mark that opens its paragraph opens a quotation whatever its shape, even before a space
    // (`” … what I learned is this,” he said`: a typed closing mark and an elision).
    const canOpen = prev === undefined ? next !== undefined : OPENERS_BEFORE.includes(prev) && next !== undefined && !isSpace(next);
    const canClose = prev !== undefined && !isSpace(prev) && (next === undefined || !isWordChar(next));
    marks.push({ at: i, canOpen, canClose, ch: match[0] });
  }
  return marks;
}

function makeSpan(text: string, open: number, close: number, closed: boolean, block: number, double: boolean): QuoteSpan | null {
  let start = open + 1;
  let end = closed ? close - 1 : close;
  while (start < end && isSpace(text[start])) start++;
  while (end > start && /[\s,;:]/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end, open, close, closed, block, double } : null;
}

function doubleQuotes(text: string, block: Block, index: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  let open: number | null = null;
  const finish = (close: number, closed: boolean): void => {
    if (open === null) return;
    const span = makeSpan(text, open, close, closed, index, true);
    if (span) spans.push(span);
    open = null;
  };
  const marks = marksOf(text, block, DOUBLE_FINDER);
  const closes = (mark: Mark | undefined): boolean => mark !== undefined && mark.canClose && !(OPENING_DOUBLES.includes(mark.ch) && mark.canOpen);
  for (let m = 0; m < marks.length; m++) {
    const mark = marks[m] as Mark;
    const prefersOpen = OPENING_DOUBLES.includes(mark.ch);
    const prefersClose = mark.ch === '”' || mark.ch === '»';
    if (open === null) {
      if (mark.canOpen || (prefersOpen && !mark.canClose)) open = mark.at;
      continue;
    }
    const typed = text[open];
    if (mark.canClose && !(prefersOpen && mark.canOpen)) finish(mark.at + 1, true);
    else if (typed === '"' && mark.ch === '“' && marks[m + 1]?.ch === '”' && closes(marks[m + 1]) && TRANSCRIPT_TURN.test(text.slice(open + 1, open + 40))) {
      // `"PENCE: Hillary thinks this is an episode of “Shark Tank.” But …`: a curly pair inside a
      // transcript turn a straight mark opened is a quotation nested in it (the turn may never
      // close). Elsewhere a straight mark opening a paragraph is often a stray
      // (`"Doe laughed it off, interjecting, “Only Rosie.” But …`) and the curly pair is the quotation.
      m++;
    } else if (
      mark.canOpen &&
      !mark.canClose &&
      closes(marks[m + 1]) &&
      closes(marks[m + 2]) &&
      !text.slice(marks[m + 1]?.at, marks[m + 2]?.at).includes('\n')
    ) {
      // `"I'd rather live in what he calls "hell" than here."`: a pair of the same marks inside
      // an open quotation, then its own close, is a quotation nested in it, not a new one.
      m++;
    } else if (mark.canOpen) {
      // A new opening before any close: the quotation before it ran on without its mark.
      let end = mark.at;
      while (end > open && isSpace(text[end - 1])) end--;
      finish(end, false);
      open = mark.at;
    } else if (prefersClose) finish(mark.at + 1, true);
  }
  finish(block.end, false);
  return spans;
}

function singleQuotes(text: string, block: Block, index: number): QuoteSpan[] {
  const spans: QuoteSpan[] = [];
  const marks = marksOf(text, block, SINGLE_FINDER);
  let i = 0;
  while (i < marks.length) {
    const mark = marks[i];
    i++;
    if (!mark?.canOpen) continue;
    if (ELISION.test(text.slice(mark.at + 1, mark.at + 6))) continue;
    const closers = marks.slice(i).filter((m) => m.canClose && m.ch !== '‘');
    // "the workers' rights'": a plural possessive before a lower-case word gives way to a later close.
    const chosen = closers.find((m, n) => {
      const possessiveLike = text[m.at - 1] === 's' && /^\s\p{Ll}/u.test(text.slice(m.at + 1, m.at + 3));
      return !possessiveLike || n === closers.length - 1;
    });
    // An opening mark that never closes runs to the paragraph's end when it opens the
    // paragraph, or follows "said:" as a curly opening mark (‘), which is never an apostrophe.
    const atBlockStart =
      text.slice(block.start, mark.at).trim() === '' || (mark.ch === '‘' && /[:,]\s*$/.test(text.slice(Math.max(block.start, mark.at - 3), mark.at)));
    if (chosen) {
      const span = makeSpan(text, mark.at, chosen.at + 1, true, index, false);
      if (span) spans.push(span);
      i = marks.indexOf(chosen) + 1;
    } else if (atBlockStart) {
      const span = makeSpan(text, mark.at, block.end, false, index, false);
      if (span) spans.push(span);
      break;
    }
  }
  return spans;
}

/**
 * Finds the quotations of every block: curly or straight, double or single, with
 * apostrophes told apart ("it's", "the firm's", "'90s", "rock 'n' roll").
 * Quotations nested in another are left out; a paragraph that opens a quotation and never
 * closes it yields a span with `closed: false` ending at the paragraph's end.
 * Example: `He said: "We're 'ready'."` → one span, `We're 'ready'.`
 */
export function findQuoteSpans(text: string, blocks: readonly Block[]): QuoteSpan[] {
  const all: QuoteSpan[] = [];
  blocks.forEach((block, index) => {
    const doubles = doubleQuotes(text, block, index);
    const singles = singleQuotes(text, block, index);
    const outer = (span: QuoteSpan, others: readonly QuoteSpan[]): boolean =>
      !others.some((other) => other !== span && other.open < span.open && span.open < other.close);
    for (const span of doubles) if (outer(span, singles)) all.push(span);
    for (const span of singles) if (outer(span, doubles)) all.push(span);
  });
  return all.sort((a, b) => a.open - b.open);
}
