/**
 * Content lines grouped into paragraphs. Most files put a paragraph on one line (separated
 * by blank lines or by single newlines); some wrap paragraphs at a fixed width, and then
 * consecutive lines with no blank between them are one paragraph.
 */
import type { SourceLine } from './lines.ts';
import { endsSentence, startsLowerCase } from './shape.ts';

/** A paragraph-sized piece of the source: one line, or wrapped lines joined. */
export interface Unit extends SourceLine {
  /** Where a dateline prefix was cut off the front ("LONDON (Reuters) -"), if any. */
  readonly strippedPrefix?: string;
}

/**
 * The file is hard-wrapped: no long lines, and several lines near one width that mostly
 * stop mid-sentence. In such a file a paragraph's lines follow each other with no blank
 * between them. (Short paragraphs one per line end their lines with a full stop.)
 */
function isHardWrapped(lines: readonly SourceLine[]): boolean {
  let nearWidth = 0;
  let midSentence = 0;
  for (const line of lines) {
    if (line.text.length > 100) return false;
    if (line.text.length < 55) continue;
    nearWidth++;
    if (!endsSentence(line.text)) midSentence++;
  }
  return nearWidth >= 3 && midSentence * 2 >= nearWidth;
}

/** Whether `next` continues the paragraph that `previous` ends. */
function continues(previous: SourceLine, next: SourceLine, wrapped: boolean): boolean {
  if (next.blankBefore || next.bullet || next.heading > 0 || previous.heading > 0 || next.image || previous.image) return false;
  // A line broken mid-sentence: the next one starts in lower case.
  if (startsLowerCase(next.text) && !endsSentence(previous.text) && !previous.bullet) return previous.text.length >= 40;
  // A wrapped file's lines run to near the width; a short line ends its paragraph.
  return wrapped && previous.text.length >= 45 && !previous.bullet;
}

/**
 * Joins the kept lines into paragraphs. `keep[i]` says whether `lines[i]` is content;
 * lines set aside break paragraphs.
 *
 * Example (hard-wrapped file): "The council said on Monday that the\nbridge would close." →
 * one unit "The council said on Monday that the bridge would close."
 */
export function joinParagraphs(lines: readonly SourceLine[], keep: readonly boolean[]): Unit[] {
  const wrapped = isHardWrapped(lines);
  const units: Unit[] = [];
  // The previous physical line, while it is content: a set-aside line breaks a paragraph.
  let previous: SourceLine | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (!keep[i]) {
      previous = null;
      continue;
    }
    const last = units[units.length - 1];
    if (previous !== null && last !== undefined && continues(previous, line, wrapped)) {
      units[units.length - 1] = { ...last, text: `${last.text} ${line.text}` };
    } else {
      units.push(line);
    }
    previous = line;
  }
  return units;
}
