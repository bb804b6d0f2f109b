/**
 * The article's content as blocks: a standfirst under the headline, body paragraphs and
 * cross-heads, with the clean text they make when joined by blank lines and each block's
 * offsets into it.
 */
import type { Block, BlockKind } from '../article.ts';
import { firstSentence } from './made-title.ts';
import { endsPunctuated, endsSentence, finalMark, hasDoubleQuotes, isProse, startsLowerCase } from './shape.ts';
import type { Unit } from './units.ts';
import { contentWords, echoed, wordCount } from './words.ts';

/** Joins blocks in the clean text. */
export const BLOCK_SEPARATOR = '\n\n';

/** How many characters after a standfirst candidate are searched for its words. */
const ECHO_WINDOW = 800;

/**
 * A standfirst: one sentence right under the headline that summarises what follows, so the
 * next paragraphs repeat most of its words. A lede that opens the story (and quotes
 * someone) is a paragraph.
 */
function isStandfirst(unit: Unit, following: readonly Unit[]): boolean {
  const { text } = unit;
  if (unit.bullet || text.length > 250 || hasDoubleQuotes(text) || following.length === 0) return false;
  const words = wordCount(text);
  if (words < 8 || words > 45 || firstSentence(text) !== text) return false;
  // A sentence with no full stop under a headline is a summary set in display type.
  if (!endsPunctuated(text)) return true;
  // A summary is echoed early; the opening of what follows is enough to tell.
  const next = contentWords(
    following
      .slice(0, 2)
      .map((u) => u.text)
      .join(' ')
      .slice(0, ECHO_WINDOW),
  );
  return echoed(text, next) >= 0.55;
}

/**
 * A cross-head: a short line inside the body with no closing punctuation (a question may
 * end in "?") and no quoted sentence inside, followed by a paragraph of prose.
 */
function isCrossHead(unit: Unit, next: Unit | undefined): boolean {
  const { text } = unit;
  if (next === undefined || unit.bullet || text.length > 80 || startsLowerCase(text)) return false;
  const words = wordCount(text);
  const mark = finalMark(text);
  if (words > 12 || (mark === '?' ? words > 10 : /[.!:;,…\-–—]/.test(mark))) return false;
  // `“We are late.” ― Jane Doe`: a quoted sentence signed by its speaker is a vox pop, no cross-head.
  if (/[.!?]["”’]\s/.test(text)) return false;
  return !next.bullet && (isProse(next.text) || (endsSentence(next.text) && wordCount(next.text) >= 6));
}

/**
 * Builds blocks from the content units that follow the headline. `standfirstAllowed` is
 * false when the file had no headline (the first paragraph then opens the story).
 *
 * Example: ["A one-line summary …", "Body paragraph …", "Growing unease", "More body …"] →
 * standfirst, paragraph, heading, paragraph.
 */
export function buildBlocks(units: readonly Unit[], standfirstAllowed: boolean): { text: string; blocks: Block[] } {
  const blocks: Block[] = [];
  let text = '';
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    let kind: BlockKind = 'paragraph';
    if (unit.heading > 0) kind = 'heading';
    else if (i === 0 && standfirstAllowed && isStandfirst(unit, units.slice(1))) kind = 'standfirst';
    else if (i > 0 && isCrossHead(unit, units[i + 1])) kind = 'heading';
    if (blocks.length > 0) text += BLOCK_SEPARATOR;
    const start = text.length;
    text += unit.text;
    blocks.push({ kind, text: unit.text, line: unit.line, start, end: text.length });
  }
  return { text, blocks };
}
