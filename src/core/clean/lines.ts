/**
 * The source text as a list of non-blank lines, each with its 1-based line number, its text
 * with white space normalised, and the light markup a copied page may carry (Markdown
 * headings, images and links, list bullets). Everything later works on these lines.
 */

export interface SourceLine {
  /** 1-based line in the source where this unit starts. */
  readonly line: number;
  /** White space collapsed, Markdown link and emphasis markup unwrapped. */
  readonly text: string;
  /** A blank line separates it from the line before. */
  readonly blankBefore: boolean;
  /** Starts with a list bullet ("- ", "• ", "* "). */
  readonly bullet: boolean;
  /** Markdown ATX heading level (1 for "# …"), 0 when not a heading. */
  readonly heading: number;
  /** A Markdown image ("![alt](src)"): its text is the alt text. */
  readonly image: boolean;
}

// Only what needs changing: a run of two or more, or any white space that is not a plain space.
const SPACES = /[\t\u00a0\u2000-\u200a\u202f\u205f\u3000][ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]*| [ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const NEEDS_WORK = /[\t\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad]| {2}/;
const ATX_HEADING = /^(#{1,6})\s+(.*?)\s*#*$/;
const IMAGE = /^!\[([^\]]*)\]\([^)]*\)\s*(.*)$/;
const LINK = /\[([^\]]+)\]\((?:https?:|\/|#|mailto:)[^)\s]*(?:\s+"[^"]*")?\)/g;
const WHOLE_LINE_EMPHASIS = /^(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1$/;
// An em dash at the start is not a bullet: copy uses it for attributions and dialogue.
const BULLET = /^[-–•*·▪►●]\s+\S/;

/** Collapses runs of white space to one space and trims: "  a \t b " → "a b". */
export function normaliseSpace(text: string): string {
  // Most lines need nothing but a trim; one scan tells.
  if (!NEEDS_WORK.test(text)) return text.trim();
  return text.replace(INVISIBLE, '').replace(SPACES, ' ').trim();
}

/**
 * Splits text into its non-blank lines. `firstLine` is the source line number of the text's
 * first line (front matter removed above it shifts the numbering).
 *
 * Example: "Title\n\n## Cross-head\nBody." → [{line 1, "Title"}, {line 3, "Cross-head",
 * heading 2, blankBefore}, {line 4, "Body."}]
 */
export function splitLines(text: string, firstLine = 1): SourceLine[] {
  const out: SourceLine[] = [];
  const raw = text.split(/\r\n|\r|\n|\u2028|\u2029/);
  let blank = false;
  for (let i = 0; i < raw.length; i++) {
    let body = normaliseSpace(raw[i] ?? '');
    if (body === '' || /^(?:[-*_]\s*){3,}$/.test(body)) {
      // Horizontal rules separate like blank lines do.
      blank = true;
      continue;
    }
    let heading = 0;
    let image = false;
    const atx = ATX_HEADING.exec(body);
    if (atx) {
      heading = atx[1]!.length;
      body = atx[2]!;
    }
    const img = IMAGE.exec(body);
    if (img) {
      image = true;
      body = normaliseSpace(`${img[1]} ${img[2]}`);
    }
    if (body.includes('](')) body = body.replace(LINK, '$1');
    const emphasis = WHOLE_LINE_EMPHASIS.exec(body);
    if (emphasis) body = emphasis[2]!;
    if (body === '') continue; // an image with no alt text: nothing to show or set aside
    out.push({
      line: firstLine + i,
      text: body,
      blankBefore: blank || out.length === 0,
      bullet: BULLET.test(body),
      heading,
      image,
    });
    blank = false;
  }
  return out;
}
