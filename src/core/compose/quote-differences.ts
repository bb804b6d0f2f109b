/**
 * Says how one outlet's wording of a quotation differs from another's, in their own words:
 * what it quotes only part of, what it cuts (and whether an ellipsis marks the cut), what it
 * words differently and what it adds. Case, quotation marks and white space do not count.
 */
import type { Alignment } from './quote-variants.ts';
import type { Wording } from './quote-wording.ts';
import { boundaryAtOrBefore } from '../graphemes.ts';

interface Hunk {
  /** Token positions of the first wording (the one compared against) and of the variant. */
  readonly a: number[];
  readonly b: number[];
  /** The variant marks this cut with an ellipsis. */
  marked: boolean;
}

/** At most this many differences are spelt out; the rest are counted. */
const MAX_LISTED = 4;
const MAX_PHRASE = 60;

/** The written words of some tokens, from the first to the last, outer punctuation trimmed. */
function phrase(wording: Wording, positions: readonly number[]): string {
  if (positions.length === 0) return '';
  const tokens = positions.map((p) => wording.tokens[p]!);
  const start = Math.min(...tokens.map((t) => t.start));
  const end = Math.max(...tokens.map((t) => t.end));
  const text = wording.text.slice(start, end).replace(/\s+/g, ' ').trim();
  if (text.length <= MAX_PHRASE) return text;
  const cut = text.slice(0, boundaryAtOrBefore(text, MAX_PHRASE));
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), boundaryAtOrBefore(cut, 20)))}…`;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}

function describe(hunk: Hunk, a: Wording, b: Wording): string {
  const was = phrase(a, hunk.a);
  const now = phrase(b, hunk.b);
  if (now === '') return hunk.marked ? `cuts “${was}” (marked …)` : `leaves out “${was}”`;
  if (was === '') return `adds “${now}”`;
  return `“${now}” for “${was}”`;
}

/**
 * How `b` differs from `a`, given their alignment (pairs of token positions, `a` first), or
 * null when the words are the same.
 *
 * @example differences(read('the Chinese state does sometimes act in a malign way'),
 *   read('the Chinese government sometimes acts maliciously'), alignment)
 *   → '“government sometimes acts maliciously” for “state does sometimes act in a malign way”'
 * @example differences(read('I have serious concerns'), read('deep concerns'), alignment)
 *   → 'Quotes part of it, word for word'
 */
export function differences(a: Wording, b: Wording, alignment: Alignment): string | null {
  const first = alignment[0];
  const last = alignment[alignment.length - 1];
  if (!first || !last) return 'Worded differently throughout';
  const notes: string[] = [];
  const hunks: Hunk[] = [];
  let partial = false;
  let fuller = false;
  let current: Hunk | null = null;
  let sameSince: number[][] = [];
  const change = (aPart: number[], bPart: number[], marked: boolean) => {
    // Two changes one unchanged word apart read better as one ("state does sometimes act").
    if (current && !current.marked && !marked && sameSince.length <= 1) {
      current.a.push(...(sameSince[0]?.slice(0, 1) ?? []), ...aPart);
      current.b.push(...(sameSince[0]?.slice(1) ?? []), ...bPart);
    } else {
      current = { a: [...aPart], b: [...bPart], marked };
      hunks.push(current);
    }
    sameSince = [];
  };
  // The ends: words of one outside the aligned stretch mean the other quotes only part of it.
  const ends = (aSpan: number[], bSpan: number[]) => {
    if (aSpan.length > bSpan.length + 3 || (aSpan.length > 0 && bSpan.length === 0)) {
      partial = true;
      if (bSpan.length > 0) change([], bSpan, false);
    } else if (bSpan.length > aSpan.length + 3) {
      fuller = true;
      if (aSpan.length > 0) change(aSpan, [], false);
    } else if (aSpan.length > 0 || bSpan.length > 0) change(aSpan, bSpan, false);
  };

  ends(range(0, first[0]), range(0, first[1]));
  alignment.forEach(([i, j], k) => {
    if (k > 0) {
      const [pi, pj] = alignment[k - 1]!;
      const aGap = range(pi + 1, i);
      const bGap = range(pj + 1, j);
      if (aGap.length > 0 || bGap.length > 0) change(aGap, bGap, bGap.length === 0 && b.tokens[j]!.afterCut);
    }
    if (a.tokens[i]!.surface === b.tokens[j]!.surface) sameSince.push([i, j]);
    else change([i], [j], false);
  });
  ends(range(last[0] + 1, a.tokens.length), range(last[1] + 1, b.tokens.length));

  if (partial) notes.push(hunks.length === 0 && !fuller ? 'quotes part of it, word for word' : 'quotes only part of it');
  if (fuller) notes.push(hunks.length === 0 && !partial ? 'quotes more of it, word for word' : 'quotes more of it');
  const listed = hunks.slice(0, MAX_LISTED).map((hunk) => describe(hunk, a, b));
  notes.push(...listed);
  if (hunks.length > MAX_LISTED) notes.push(`and ${hunks.length - MAX_LISTED} more change${hunks.length - MAX_LISTED === 1 ? '' : 's'}`);
  if (notes.length === 0) return null;
  const text = notes.join('; ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}`;
}
