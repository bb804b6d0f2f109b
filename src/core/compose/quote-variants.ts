/**
 * Whether two outlets carry the same quotation, and how their wordings differ. A reporter
 * quotes part of a sentence, cuts a clause (with or without an ellipsis), or tidies the
 * grammar; the words that remain stand in the same order. So the test is a local alignment of
 * the two wordings' words, in order, with explicit cuts free: a partial quotation contained
 * in a full one is the same quotation, and so is a paraphrase that keeps most of its words.
 *
 * "the Chinese state does sometimes act in a malign way" vs "the Chinese government sometimes
 * acts maliciously" → the same quotation; “government sometimes acts maliciously” for “state
 * does sometimes act in a malign way”.
 */
import { readWording, type WordToken, type Wording } from './quote-wording.ts';

/** Pairs of token positions (in the first and second wording) that the alignment matched. */
export type Alignment = readonly (readonly [number, number])[];

/** A shorter wording must keep this share of its content words, in order, to be the same quotation. */
const MIN_KEPT = 0.6;
/** … and at least this many of them, unless it is a short phrase found whole. */
const MIN_KEPT_WORDS = 3;
/** A phrase with at most this many content words counts only when found whole, word for word. */
const SHORT_PHRASE = 3;
/** Quotations longer than this (in words) are compared on their first words only. */
const MAX_TOKENS = 400;

const GAP = 0.5;

// Grouping a large story aligns thousands of pairs: one buffer, grown as needed, is reused.
let buffers = { score: new Float32Array(4096), from: new Uint8Array(4096) };
function scratch(size: number): { score: Float32Array; from: Uint8Array } {
  if (buffers.score.length < size) buffers = { score: new Float32Array(size * 2), from: new Uint8Array(size * 2) };
  // Row 0 and column 0 are read before they are written: they must start at 0.
  buffers.score.fill(0, 0, size);
  // 0 stop, 1 diagonal (match), 2 up (skip a word of a), 3 left (skip a word of b)
  buffers.from.fill(0, 0, size);
  return buffers;
}

/**
 * The best local alignment of two wordings' words: matching content words score 2, function
 * words 1, each word skipped costs 0.5, except where the other wording marks a cut with an
 * ellipsis (the words cut there are free).
 */
export function align(a: Wording, b: Wording): Alignment {
  const x = a.tokens.slice(0, MAX_TOKENS);
  const y = b.tokens.slice(0, MAX_TOKENS);
  const n = x.length;
  const m = y.length;
  if (n === 0 || m === 0) return [];
  const width = m + 1;
  const { score, from } = scratch((n + 1) * width);
  let best = 0;
  let bestAt = 0;
  for (let i = 1; i <= n; i++) {
    const xi = x[i - 1] as WordToken;
    for (let j = 1; j <= m; j++) {
      const yj = y[j - 1] as WordToken;
      const here = i * width + j;
      let value = 0;
      let move = 0;
      if (xi.key === yj.key) {
        const diagonal = (score[here - width - 1] as number) + (xi.content ? 2 : 1);
        if (diagonal > value) {
          value = diagonal;
          move = 1;
        }
      }
      // Words one wording cut where the other shows an ellipsis (before its next word) cost nothing.
      const cutInB = j < m && (y[j] as WordToken).afterCut;
      const up = (score[here - width] as number) - (cutInB ? 0 : GAP);
      if (up > value) {
        value = up;
        move = 2;
      }
      const cutInA = i < n && (x[i] as WordToken).afterCut;
      const left = (score[here - 1] as number) - (cutInA ? 0 : GAP);
      if (left > value) {
        value = left;
        move = 3;
      }
      score[here] = value;
      from[here] = move;
      if (value > best) {
        best = value;
        bestAt = here;
      }
    }
  }
  const pairs: [number, number][] = [];
  let at = bestAt;
  while (at > 0 && (score[at] as number) > 0) {
    const i = Math.floor(at / width);
    const j = at % width;
    const move = from[at];
    if (move === 1) {
      pairs.push([i - 1, j - 1]);
      at -= width + 1;
    } else if (move === 2) at -= width;
    else if (move === 3) at -= 1;
    else break;
  }
  return pairs.reverse();
}

export interface Comparison {
  /** The two wordings are one quotation. */
  readonly same: boolean;
  /** Share of the shorter wording's content words kept, in order, by the other (0–1). */
  readonly kept: number;
  readonly alignment: Alignment;
}

/** Content words quick test: can `b` be a wording of `a` at all? */
function sharesEnough(a: Wording, b: Wording): boolean {
  const [small, large] = a.stems.size <= b.stems.size ? [a.stems, b.stems] : [b.stems, a.stems];
  if (small.size === 0) return false;
  let shared = 0;
  for (const stem of small) if (large.has(stem)) shared += 1;
  return small.size <= SHORT_PHRASE ? shared === small.size : shared >= Math.ceil(small.size * MIN_KEPT);
}

/**
 * Compares two wordings (of the same speaker). The shorter must keep most of its content
 * words in the same order and close together in the longer; a phrase of up to three content
 * words must stand in it whole ("deep concerns" in "I have grave, serious concerns").
 * `compareWordings(read('deep concerns'), read('I have serious concerns about it')).same` === true
 */
export function compareWordings(a: Wording, b: Wording): Comparison {
  if (!sharesEnough(a, b)) return { same: false, kept: 0, alignment: [] };
  const alignment = align(a, b);
  const shortIndex = a.tokens.length <= b.tokens.length ? 0 : 1;
  const longIndex = 1 - shortIndex;
  const short = shortIndex === 0 ? a : b;
  const content = short.tokens.filter((token) => token.content).length;
  const keptContent = alignment.filter((pair) => (short.tokens[pair[shortIndex] as number] as WordToken).content).length;
  const kept = content === 0 ? 0 : keptContent / content;
  const first = alignment[0];
  const last = alignment[alignment.length - 1];
  if (!first || !last) return { same: false, kept, alignment };
  const span = (last[longIndex] as number) - (first[longIndex] as number) + 1;
  const compact = span <= 2 * short.tokens.length + 6;
  const whole = alignment.length === short.tokens.length && short.tokens.length >= 2;
  const same =
    content <= SHORT_PHRASE
      ? whole && span <= short.tokens.length + (short.tokens.some((t) => t.afterCut) ? 6 : 1)
      : compact && kept >= MIN_KEPT && keptContent >= MIN_KEPT_WORDS;
  return { same, kept, alignment };
}

/** `compareWordings` on raw texts. */
export function sameQuotation(a: string, b: string): boolean {
  return compareWordings(readWording(a), readWording(b)).same;
}
