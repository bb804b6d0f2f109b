/**
 * Splits what a user types in a chat into words, shell-like but forgiving: "double", 'single'
 * and curly “quotes” group words, an apostrophe inside a word is just an apostrophe, and a
 * quote that is never closed is taken literally rather than rejected. Each word keeps where it
 * stood in the text, so free text can be taken back exactly as typed.
 */

export interface ChatToken {
  /** The word with its grouping quotes removed. */
  readonly value: string;
  /** Span in the text, quotes included. */
  readonly start: number;
  readonly end: number;
  /** True when the whole word was one quoted run: `"Joan Smith"`. */
  readonly quoted: boolean;
}

/** Opening quote → the marks that may close it (phones type curly quotes, people straight ones). */
const CLOSERS: Readonly<Record<string, string>> = {
  '"': '"\u201D',
  '\u201C': '\u201D"',
  '\u201D': '\u201D"',
  '\u201E': '\u201C\u201D"',
  "'": "'\u2019",
  '\u2018': "\u2019'",
  '\u00AB': '\u00BB',
};

/**
 * Words of a chat line.
 *
 * @example tokenize('quote "Joan Smith" --article 003')
 *   → values ['quote', 'Joan Smith', '--article', '003']
 * @example tokenize("who's the CEO?") → values ["who's", 'the', 'CEO?']
 */
export function tokenize(text: string): ChatToken[] {
  const tokens: ChatToken[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && isSpace(text[i]!)) i++;
    if (i >= text.length) break;
    const start = i;
    let value = '';
    let quotedRuns = 0;
    let plain = false;
    while (i < text.length && !isSpace(text[i]!)) {
      const char = text[i]!;
      const closeAt = opensQuote(text, i, start) ? findCloser(text, i) : -1;
      if (closeAt > i) {
        value += text.slice(i + 1, closeAt);
        quotedRuns++;
        i = closeAt + 1;
      } else {
        value += char;
        plain = true;
        i++;
      }
    }
    tokens.push({ value, start, end: i, quoted: quotedRuns === 1 && !plain });
  }
  return tokens;
}

/** A quote mark groups words only at the start of a word or just after `=` (`--speaker="A B"`). */
function opensQuote(text: string, at: number, tokenStart: number): boolean {
  if (!(text[at]! in CLOSERS)) return false;
  return at === tokenStart || text[at - 1] === '=';
}

/**
 * Where the quote opened at `at` closes: the next closing mark that is not followed by a
 * letter or digit (so "Acme's" does not close a single quote), or -1 when none does.
 */
function findCloser(text: string, at: number): number {
  const closers = CLOSERS[text[at]!]!;
  for (let j = at + 1; j < text.length; j++) {
    if (!closers.includes(text[j]!)) continue;
    const next = text[j + 1];
    if (next === undefined || !/[\p{L}\p{N}]/u.test(next)) return j;
  }
  return -1;
}

function isSpace(char: string): boolean {
  return /\s/u.test(char);
}
