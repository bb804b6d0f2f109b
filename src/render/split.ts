/**
 * Splitting rendered text to fit a platform's limits. A cut goes at the best boundary the
 * window offers (a blank line, then a line break, then a sentence end, then a space) and
 * never inside a citation marker run (`[3][4]`), a grapheme cluster (an emoji with its skin
 * tone or joiners, a flag, a letter and its accents: so never inside a surrogate pair), or any
 * span the caller marks atomic (a link, an entity, a backslash escape). A marker run stays
 * with the sentence before it. Lengths are UTF-16 code units, which is never less than what
 * Slack or Discord count, so a chunk that fits here fits there.
 */
import { insideClusters } from '../core/graphemes.ts';

export interface SplitOptions {
  /** Spans that must stay whole, as global regexes: `/<[^<>\n]*>/g` for Slack links. */
  readonly atomic?: readonly RegExp[];
  /**
   * The share of the limit a chunk must reach before a blank line, a line break or a sentence
   * end is accepted as the cut; below it a later, weaker boundary is preferred. Default 0.3.
   */
  readonly minFill?: number;
  /**
   * Applied to every chunk after the first: a cut can bring text that was mid-line to the
   * start of a chunk, where a platform may read it as a quote, heading or list.
   */
  readonly repair?: (chunk: string) => string;
}

const MARKER_RUN = /(?:\[\d+\])+/g;
/** Spaces before a marker run: cutting there would orphan the markers from their sentence. */
const SPACE_BEFORE_MARKERS = /[ \t]+(?=\[\d+\])/g;

interface Boundary {
  readonly pattern: RegExp;
  /** Whether the cut goes after the match (a sentence end) or before it (a separator). */
  readonly after: boolean;
  readonly needsFill: boolean;
}

const BOUNDARIES: readonly Boundary[] = [
  { pattern: /\n[ \t]*\n/g, after: false, needsFill: true },
  { pattern: /\n/g, after: false, needsFill: true },
  {
    pattern: /[.!?…]+["'”’)\]]*(?:[ \t]*(?:\[\d+\])+)?(?=\s)/g,
    after: true,
    needsFill: true,
  },
  { pattern: /\s/g, after: false, needsFill: false },
];

/**
 * Cuts text into chunks of at most `limit` code units, in order, dropping only the whitespace
 * at each cut. Text that fits comes back as one chunk; empty text as none.
 *
 *   splitText('One. [1] Two. [2]', 10) → ['One. [1]', 'Two. [2]']
 */
export function splitText(text: string, limit: number, options: SplitOptions = {}): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`split limit must be ≥ 2, got ${limit}`);
  const minFill = options.minFill ?? 0.3;
  const chunks: string[] = [];
  const stop = text.trimEnd().length;
  let start = skipSpace(text, 0);
  // Worked out only when a cut is needed: most text fits.
  let blocked: Uint8Array | undefined;
  while (stop - start > limit) {
    blocked ??= blockedCuts(text, options.atomic ?? []);
    const cut = findCut(text, start, limit, blocked, minFill);
    const chunk = text.slice(start, cut).trimEnd();
    if (chunk !== '') chunks.push(chunk);
    start = skipSpace(text, cut);
  }
  const last = text.slice(start, stop);
  if (last !== '') chunks.push(last);
  const repair = options.repair;
  return repair === undefined ? chunks : chunks.map((chunk, i) => (i === 0 ? chunk : repair(chunk)));
}

/**
 * The first chunk of at most `limit` code units, cut where `splitText` would cut, and the rest
 * of the text (repaired, as a chunk start). For filling a space of varying size.
 *
 *   splitFirst('One. [1] Two. [2]', 10) → ['One. [1]', 'Two. [2]']
 */
export function splitFirst(text: string, limit: number, options: SplitOptions = {}): readonly [string, string] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`split limit must be ≥ 2, got ${limit}`);
  const stop = text.trimEnd().length;
  const start = skipSpace(text, 0);
  if (stop - start <= limit) return [text.slice(start, stop), ''];
  const cut = findCut(text, start, limit, blockedCuts(text, options.atomic ?? []), options.minFill ?? 0.3);
  const rest = text.slice(skipSpace(text, cut), stop);
  return [text.slice(start, cut).trimEnd(), rest === '' || options.repair === undefined ? rest : options.repair(rest)];
}

/**
 * Text cut to at most `limit` code units at a safe boundary, with '…' where it was cut.
 * For labels and notification previews, never for the answer itself.
 *
 *   truncateText('Acme faces a ban in the UK', 16) → 'Acme faces a…'
 */
export function truncateText(text: string, limit: number, options: SplitOptions = {}): string {
  if (text.length <= limit) return text;
  const head = splitText(text, Math.max(2, limit - 1), { ...options, minFill: 0.5 })[0] ?? '';
  return `${head}…`;
}

/**
 * Pieces joined by `separator` into as few chunks of at most `limit` as order allows; a piece
 * longer than the limit is split on its own. Used to fill Slack sections and Discord
 * descriptions with whole paragraphs.
 *
 *   packPieces(['a', 'b', 'c'], 4, '\n') → ['a\nb', 'c']
 */
export function packPieces(pieces: readonly string[], limit: number, separator: string, options: SplitOptions = {}): string[] {
  const out: string[] = [];
  let current = '';
  for (const piece of pieces) {
    for (const part of piece.length > limit ? splitText(piece, limit, options) : [piece]) {
      if (part === '') continue;
      if (current === '') current = part;
      else if (current.length + separator.length + part.length <= limit) current += separator + part;
      else {
        out.push(current);
        current = part;
      }
    }
  }
  if (current !== '') out.push(current);
  return out;
}

/** How bad a cut before index p is: free, soft (between the markers of a run) or hard. */
const FREE = 0;
const SOFT = 1;
const HARD = 2;

function blockedCuts(text: string, atomic: readonly RegExp[]): Uint8Array {
  const blocked = new Uint8Array(text.length + 1);
  const mark = (from: number, to: number, level: number): void => {
    for (let p = from; p <= to; p++) blocked[p] = Math.max(blocked[p] ?? FREE, level);
  };
  for (const match of text.matchAll(MARKER_RUN)) {
    mark(match.index + 1, match.index + match[0].length - 1, SOFT);
    for (const marker of match[0].matchAll(/\[\d+\]/g)) {
      const start = match.index + marker.index;
      mark(start + 1, start + marker[0].length - 1, HARD);
    }
  }
  for (const match of text.matchAll(SPACE_BEFORE_MARKERS)) mark(match.index, match.index + match[0].length, SOFT);
  for (const pattern of atomic) {
    for (const match of text.matchAll(globalCopy(pattern))) mark(match.index + 1, match.index + match[0].length - 1, HARD);
  }
  // Inside a grapheme cluster is worse than anything: cut there and a reader sees half an emoji,
  // or a platform refuses half a surrogate pair.
  for (const p of insideClusters(text)) blocked[p] = HARD + 1;
  return blocked;
}

function findCut(text: string, start: number, limit: number, blocked: Uint8Array, minFill: number): number {
  const end = start + limit;
  // A few characters past the window, so a sentence end at the very edge can see its space.
  const window = text.slice(start, end + 2);
  const earliest = start + Math.floor(limit * minFill);
  for (const boundary of BOUNDARIES) {
    let best = -1;
    for (const match of window.matchAll(boundary.pattern)) {
      const p = start + match.index + (boundary.after ? match[0].length : 0);
      if (p <= start || p > end || blocked[p] !== FREE) continue;
      if (boundary.needsFill && p < earliest) continue;
      best = p;
    }
    if (best > 0) return best;
  }
  // No boundary: the window is one unbroken run. Cut between markers before cutting inside
  // an atomic span, and never inside a grapheme cluster.
  for (const worst of [FREE, SOFT, HARD]) {
    for (let p = end; p > start; p--) if ((blocked[p] ?? FREE) <= worst) return p;
  }
  // One cluster longer than the whole window (a long run of combining marks) must be cut
  // somewhere: at least never between the halves of a surrogate pair.
  return isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end;
}

function skipSpace(text: string, from: number): number {
  let p = from;
  while (p < text.length && /\s/.test(text.charAt(p))) p++;
  return p;
}

function globalCopy(pattern: RegExp): RegExp {
  return pattern.global ? new RegExp(pattern.source, pattern.flags) : new RegExp(pattern.source, `${pattern.flags}g`);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
