/**
 * Text for a terminal: untrusted text made unable to drive the terminal, display widths that
 * count a CJK character or an emoji as two columns and a combining mark as none, word
 * wrapping with a hanging indent, and the few ANSI styles the renderer uses.
 */
import { boundaryAfter, boundaryAtOrBefore } from '../core/graphemes.ts';

/**
 * Terminal escape sequences (CSI such as colours and cursor moves, OSC such as window titles
 * and hyperlinks, DCS/PM/APC strings, two-character escapes), matched whole so that no
 * "[31m" remains once the escape character is gone.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching terminal escapes is the point: ESC, BEL and CSI are what is removed.
const ESCAPE_SEQUENCES = /\u001B(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001B\n]*(?:\u0007|\u001B\\)?|[ -/]*[0-~]?)|\u009B[0-?]*[ -/]*[@-~]?/g;
/** C0 controls except tab and newline, DEL, C1 controls. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this strips from untrusted text.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
/** Bidi embeddings, overrides and isolates: they can make text display in another order than it reads. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** Our own styles: the only escape sequences left in rendered text. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: our own colour codes start with ESC; this finds them.
const SGR = /\u001B\[[0-9;]*m/g;

/**
 * Text that reads as itself in a terminal: escape sequences, control characters (a bell, a
 * backspace, a carriage return that would overwrite the line) and bidi overrides removed;
 * line breaks normalised to "\n", a tab to two spaces.
 *
 * @example terminalSafe('Acme \u001B[31mbanned\u001B[0m\u0007') === 'Acme banned'
 * @example terminalSafe('a\r\nb') === 'a\nb'
 */
export function terminalSafe(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(ESCAPE_SEQUENCES, '')
    .replace(CONTROLS, '')
    .replace(BIDI_CONTROLS, '')
    .replace(/\t/g, '  ');
}

/** Terminal text on one line: every run of white space, line breaks included, becomes one space. */
export function terminalLine(text: string): string {
  return terminalSafe(text).replace(/\s+/g, ' ').trim();
}

/** Columns a code point takes: 0 for combining and zero-width marks, 2 for wide East Asian and emoji. */
function codePointWidth(cp: number, char: string): number {
  if (cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff) return 0;
  if ((cp >= 0xfe00 && cp <= 0xfe0f) || /\p{M}/u.test(char)) return 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf && cp !== 0x303f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  ) {
    return 2;
  }
  return 1;
}

/**
 * Columns the text takes on screen, our own style codes not counted.
 *
 * @example displayWidth('naïve') === 5
 * @example displayWidth('华为') === 4
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text.replace(SGR, '')) width += codePointWidth(char.codePointAt(0)!, char);
  return width;
}

export interface WrapOptions {
  /** Put before the first line. */
  readonly indent?: string;
  /** Put before every following line; defaults to `indent`. */
  readonly hanging?: string;
}

/**
 * Lines of at most `width` columns, broken at spaces; each "\n" of the text starts a new line.
 * A word longer than a line is cut, except a link, which is left whole so it stays clickable.
 * No width (undefined) means no wrapping, only the indents.
 *
 * @example wrapText('The harbour board approved it.', 16) → ['The harbour', 'board approved', 'it.']
 * @example wrapText('one two', 20, { indent: '  — ', hanging: '    ' }) → ['  — one two']
 */
export function wrapText(text: string, width: number | undefined, options: WrapOptions = {}): string[] {
  const indent = options.indent ?? '';
  const hanging = options.hanging ?? indent;
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    const lead = out.length === 0 ? indent : hanging;
    if (width === undefined) {
      out.push(`${lead}${paragraph}`.trimEnd());
      continue;
    }
    out.push(...wrapParagraph(paragraph, width, lead, hanging));
  }
  return out;
}

function wrapParagraph(paragraph: string, width: number, lead: string, hanging: string): string[] {
  // The paragraph's own leading spaces indent its continuation lines too (a list's sub-lines).
  const own = /^ */.exec(paragraph)![0];
  const words = keepMarkersWithWords(
    paragraph
      .slice(own.length)
      .split(/ +/)
      .filter((word) => word !== ''),
  );
  const lines: string[] = [];
  let line = `${lead}${own}`;
  let empty = true;
  const next = `${hanging}${own}`;
  for (const word of words) {
    const room = width - displayWidth(line) - (empty ? 0 : 1);
    if (displayWidth(word) <= room) {
      line = empty ? `${line}${word}` : `${line} ${word}`;
      empty = false;
      continue;
    }
    if (!empty) {
      lines.push(line);
      line = next;
      empty = true;
    }
    let rest = word;
    while (rest !== '' && displayWidth(rest) > width - displayWidth(line) && !/^<?https?:\/\//.test(rest.replace(SGR, ''))) {
      const [head, tail] = cutAt(rest, Math.max(1, width - displayWidth(line)));
      lines.push(`${line}${head}`);
      line = next;
      rest = tail;
    }
    line = `${line}${rest}`;
    empty = false;
  }
  lines.push(line.trimEnd());
  return lines;
}

/** A run of citation markers travels with the word before it, never alone on a line. */
function keepMarkersWithWords(words: readonly string[]): string[] {
  const out: string[] = [];
  for (const word of words) {
    const isMarkers = /^(?:\[\d+\])+[.,;:]?$/.test(word.replace(SGR, ''));
    if (isMarkers && out.length > 0) out[out.length - 1] += ` ${word}`;
    else out.push(word);
  }
  return out;
}

/** The first `columns` columns of a word and the rest, never splitting a style code or a grapheme cluster. */
function cutAt(word: string, columns: number): readonly [string, string] {
  let used = 0;
  let index = 0;
  while (index < word.length) {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: a colour code starts with ESC; it takes no width and is stepped over.
    const style = /^\u001B\[[0-9;]*m/.exec(word.slice(index));
    if (style) {
      index += style[0].length;
      continue;
    }
    const char = String.fromCodePoint(word.codePointAt(index)!);
    const w = codePointWidth(char.codePointAt(0)!, char);
    if (used + w > columns && used > 0) break;
    used += w;
    index += char.length;
  }
  // Back to the start of the cluster the cut fell in (an emoji's skin tone or joiner, an
  // accent); when that would leave nothing on the line, the whole first cluster goes.
  const cluster = boundaryAtOrBefore(word, index);
  index = cluster > 0 ? cluster : boundaryAfter(word, 0);
  return [word.slice(0, index), word.slice(index)];
}

export interface Styles {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly cyan: (text: string) => string;
  readonly yellow: (text: string) => string;
}

const plain = (text: string): string => text;

/** ANSI styles when `color`, else functions that return the text unchanged. */
export function styles(color: boolean): Styles {
  if (!color) return { bold: plain, dim: plain, cyan: plain, yellow: plain };
  const sgr = (on: number, off: number) => (text: string) => (text === '' ? text : `\u001B[${on}m${text}\u001B[${off}m`);
  return { bold: sgr(1, 22), dim: sgr(2, 22), cyan: sgr(36, 39), yellow: sgr(33, 39) };
}

/**
 * The width to wrap to for a terminal of `columns` columns: the whole width up to 100, since
 * longer lines are hard to read; 80 when the terminal does not say.
 */
export function wrapWidth(columns: number | undefined): number {
  if (columns === undefined || !Number.isFinite(columns) || columns <= 0) return 80;
  return Math.max(20, Math.min(100, Math.floor(columns)));
}
