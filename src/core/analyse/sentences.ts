import type { Block, Sentence } from '../article.ts';
import { NEVER_FINAL } from './lexicon/abbreviations.ts';
import { FUNCTION_WORDS } from './lexicon/function-words.ts';

// Abbreviations that end a sentence only before a word that could not follow them mid-sentence.
const MONTHS_SHORT = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const NUMBER_PREFIXES = new Set(['no', 'nos', 'p', 'pp', 'para', 'art', 'vol', 'fig', 'ch', 'sec', 'op']);
const TERMINATORS = '.!?…';
const STOPS = /[.!?…]/g;
const CLOSERS = '"”’\')]»';

function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\u00a0';
}

function wordBefore(text: string, dot: number, floor: number): string {
  let i = dot;
  while (i > floor && /[\p{L}\p{N}.]/u.test(text[i - 1] ?? '')) i--;
  return text.slice(i, dot);
}

function wordAfter(text: string, from: number, limit: number): string {
  let i = from;
  while (i < limit && /[\p{L}\p{N}'’-]/u.test(text[i] ?? '')) i++;
  return text.slice(from, i);
}

/** Whether a stop at `dot` followed by `next` (first word after the spaces) ends a sentence. */
function stopEndsSentence(text: string, dot: number, blockStart: number, nextStart: number, limit: number): boolean {
  const before = wordBefore(text, dot, blockStart);
  const lower = before.toLowerCase();
  const nextChar = text[nextStart] ?? '';
  const next = wordAfter(text, nextStart, limit);
  const nextIsFunctionWord = FUNCTION_WORDS.has(next.toLowerCase()) && /^\p{Lu}/u.test(next);
  if (NEVER_FINAL.has(lower)) return false;
  if (/^\d/.test(nextChar) && (NUMBER_PREFIXES.has(lower) || MONTHS_SHORT.has(lower))) return false;
  // An initial ("J. R. Smith") or a dotted acronym ("U.S. officials") goes on unless a word
  // that only opens a sentence follows.
  if (/^\p{Lu}$/u.test(before) || /^(?:[A-Za-z]\.)+[A-Za-z]$/.test(before)) return nextIsFunctionWord;
  return true;
}

/**
 * Splits each block of the clean text into sentences with offsets; never across blocks.
 * Headings are one sentence each. Robust to abbreviations, initials, numbers and money,
 * and to quotations: a stop inside a quotation followed by its attribution does not split.
 * Example: `"Why should we trust them?" asked Mr Smith. He left.` → two sentences.
 */
export function splitSentences(text: string, blocks: readonly Block[]): Sentence[] {
  const sentences: Sentence[] = [];
  const push = (start: number, end: number, block: number, kind: Block['kind']): void => {
    while (start < end && isSpace(text[start])) start++;
    while (end > start && isSpace(text[end - 1])) end--;
    if (end > start) sentences.push({ index: sentences.length, start, end, text: text.slice(start, end), block, kind });
  };
  blocks.forEach((block, blockIndex) => {
    if (block.kind === 'heading') {
      push(block.start, block.end, blockIndex, block.kind);
      return;
    }
    let sentenceStart = block.start;
    STOPS.lastIndex = block.start;
    for (let found = STOPS.exec(text); found && found.index < block.end; found = STOPS.exec(text)) {
      const i = found.index;
      let j = i;
      while (j + 1 < block.end && TERMINATORS.includes(text[j + 1] ?? '')) j++;
      let k = j + 1;
      while (k < block.end && CLOSERS.includes(text[k] ?? '')) k++;
      if (k >= block.end) break;
      if (!isSpace(text[k])) {
        STOPS.lastIndex = j + 1;
        continue;
      }
      let n = k;
      while (n < block.end && isSpace(text[n])) n++;
      const nextChar = text[n] ?? '';
      const ends =
        !/^\p{Ll}/u.test(nextChar) &&
        // `…about.” — Jane Doe`: a dash after a quotation signs it; it opens no sentence.
        !/[,;:)\]—―–]/.test(nextChar) &&
        (text[i] !== '.' || j > i || stopEndsSentence(text, i, block.start, n, block.end));
      if (ends) {
        push(sentenceStart, k, blockIndex, block.kind);
        sentenceStart = n;
      }
      STOPS.lastIndex = j + 1;
    }
    push(sentenceStart, block.end, blockIndex, block.kind);
  });
  return sentences;
}
