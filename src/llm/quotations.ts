/**
 * Quotations in a written sentence, and whether their words are in the stored text verbatim.
 * A quotation is text between double quotes (straight or curly), or between single quotes
 * when they open and close around words rather than serve as apostrophes ("Britain's",
 * "the firms' staff").
 */
import { foldTypography } from './text-fold.ts';

/** The words inside one pair of quotation marks; `start`/`end` span them, marks excluded. */
export interface QuotedSpan {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

export interface QuotationScan {
  readonly spans: readonly QuotedSpan[];
  /** A quotation mark opened and never closed. */
  readonly unbalanced: boolean;
}

const OPENS_AFTER = /[\s([{\u2014\u2013-]|^$/u;
const LETTER = /[\p{L}\p{N}]/u;

function doubleSpans(text: string): { spans: QuotedSpan[]; unbalanced: boolean } {
  const spans: QuotedSpan[] = [];
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const opening = ch === '\u201C' || (ch === '"' && open < 0);
    const closing = ch === '\u201D' || (ch === '"' && open >= 0);
    if (closing && open >= 0) {
      spans.push({ text: text.slice(open + 1, i), start: open + 1, end: i });
      open = -1;
    } else if (opening && open < 0) {
      open = i;
    }
  }
  return { spans, unbalanced: open >= 0 };
}

function singleSpans(text: string, inside: readonly QuotedSpan[]): QuotedSpan[] {
  const spans: QuotedSpan[] = [];
  const covered = (i: number) => inside.some((s) => i >= s.start - 1 && i <= s.end);
  let open = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if ((ch !== "'" && ch !== '\u2018' && ch !== '\u2019') || covered(i)) continue;
    const before = i > 0 ? text[i - 1]! : '';
    const after = i + 1 < text.length ? text[i + 1]! : '';
    const canOpen = ch !== '\u2019' && OPENS_AFTER.test(before) && LETTER.test(after);
    const canClose = ch !== '\u2018' && before !== '' && /\S/.test(before) && !LETTER.test(after);
    if (open >= 0 && canClose) {
      spans.push({ text: text.slice(open + 1, i), start: open + 1, end: i });
      open = -1;
    } else if (open < 0 && canOpen) {
      open = i;
    }
  }
  // A lone opening single quote is more likely an apostrophe ("'90s") than a broken quotation.
  return spans;
}

/**
 * Finds the quotations in a sentence.
 * @example findQuotations('He said it was “nothing short of reckless” [2].').spans[0].text // 'nothing short of reckless'
 * @example findQuotations("a 'no strike' deal with Britain's government").spans.map((s) => s.text) // ['no strike']
 */
export function findQuotations(text: string): QuotationScan {
  const doubles = doubleSpans(text);
  const singles = singleSpans(text, doubles.spans);
  const spans = [...doubles.spans, ...singles].filter((s) => s.text.trim() !== '').sort((a, b) => a.start - b.start);
  return { spans, unbalanced: doubles.unbalanced };
}

/** Quoted words as compared: typography folded, edge punctuation dropped, split at ellipses. */
function segments(quoted: string): string[] {
  return foldTypography(quoted)
    .split(/\s*\.\.\.\s*|\s*\[\.\.\.\]\s*/)
    .map((s) => s.replace(/^[\s,.;:!?"'-]+|[\s,.;:!?"'-]+$/g, ''))
    .filter((s) => s !== '');
}

function findAt(haystack: string, needle: string, from: number): number {
  const variants = [needle, needle[0]!.toLowerCase() + needle.slice(1), needle[0]!.toUpperCase() + needle.slice(1)];
  let best = -1;
  for (const variant of variants) {
    let at = haystack.indexOf(variant, from);
    while (at >= 0) {
      const before = at > 0 ? haystack[at - 1]! : ' ';
      const after = haystack[at + variant.length] ?? ' ';
      if (!LETTER.test(before) && !LETTER.test(after)) break;
      at = haystack.indexOf(variant, at + 1);
    }
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

/**
 * Whether quoted words stand verbatim in a stored text: the same words in the same order,
 * after folding curly quotes and white space; the first letter's case may differ, and an
 * ellipsis may stand for words left out (each part must then be found, in order).
 * @example isVerbatimIn('grave, serious concerns', '“I have grave, serious concerns about Acme…”') // true
 * @example isVerbatimIn('a threat to every home', 'I have grave, serious concerns') // false
 */
export function isVerbatimIn(quoted: string, stored: string): boolean {
  const parts = segments(quoted);
  if (parts.length === 0) return true;
  const haystack = foldTypography(stored);
  let from = 0;
  for (const part of parts) {
    const at = findAt(haystack, part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}
