/**
 * A quotation's words as two outlets' wordings are compared: each written word folded (case,
 * curly quotes), contractions opened ("we’ve" → we, have), stemmed ("acts" → act), and the
 * places where the outlet marked a cut with an ellipsis. Spans point into the text as written,
 * so a difference can be shown in the outlet's own words.
 */
import { isStopword, stem } from '../retrieve/terms.ts';

export interface WordToken {
  /** What is compared: the stem of the folded word ("acts" → "act"). */
  readonly key: string;
  /** The folded written word, to tell "acts" from "act" when describing a difference. */
  readonly surface: string;
  /** False for function words ("the", "we", "have"), which say little about which quotation it is. */
  readonly content: boolean;
  /** Span of the written word in the text (a contraction's two tokens share one span). */
  readonly start: number;
  readonly end: number;
  /** An ellipsis stands just before this word. */
  readonly afterCut: boolean;
}

export interface Wording {
  /** The quotation as written. */
  readonly text: string;
  readonly tokens: readonly WordToken[];
  /** An ellipsis ends the quotation ("… and so on …"). */
  readonly endsWithCut: boolean;
  /** Content stems, for a quick test before any alignment. */
  readonly stems: ReadonlySet<string>;
}

/** Words, or an ellipsis however it is typed: "…", "...", ". . .", "[…]", "(...)". */
const PIECE = /[[(]?(?:…|\.\s?\.\s?\.)[\])]?|[\p{L}\p{N}]+(?:['’‘\u02BC-][\p{L}\p{N}]+)*/gu;
const ELLIPSIS = /^[[(]?(?:…|\.\s?\.\s?\.)[\])]?$/u;

const NEGATED_BASE: Readonly<Record<string, string>> = { ca: 'can', wo: 'will', sha: 'shall', ai: 'am' };
const CONTRACTED: Readonly<Record<string, string>> = { ve: 'have', re: 'are', ll: 'will', m: 'am', d: 'would' };
/** Words after which "'s" is "is" rather than a possessive. */
const IS_HOSTS: ReadonlySet<string> = new Set(['it', 'that', 'there', 'here', 'what', 'who', 'where', 'he', 'she', 'this', 'everything', 'nothing']);

/**
 * The compared words of one written word.
 * `openWord("we’ve")` → ["we", "have"]; `openWord("don't")` → ["do", "not"]; `openWord("Acme's")` → ["acme"].
 */
export function openWord(written: string): string[] {
  const folded = written.toLowerCase().replace(/[’‘\u02BC]/g, "'");
  const negated = /^(.+)n't$/.exec(folded);
  if (negated?.[1]) return [NEGATED_BASE[negated[1]] ?? negated[1], 'not'];
  const contracted = /^(.+)'(ve|re|ll|m|d|s)$/.exec(folded);
  if (contracted?.[1] && contracted[2]) {
    const [, host, tail] = contracted;
    if (tail === 's') return IS_HOSTS.has(host) ? [host, 'is'] : [host];
    return [host, CONTRACTED[tail] ?? tail];
  }
  // "co-operate" and "cooperate" are one word; "O'Brien" keeps its letters.
  return [folded.replace(/['-]/g, '')];
}

/**
 * Reads a quotation for comparison.
 * `readWording("We have to recognise the fact … that")` → tokens we, have, to, recognis, fact,
 * that (the last with `afterCut`), each with its span in the text.
 */
export function readWording(text: string): Wording {
  const tokens: WordToken[] = [];
  const stems = new Set<string>();
  let cut = false;
  for (const match of text.matchAll(PIECE)) {
    const written = match[0];
    if (ELLIPSIS.test(written)) {
      cut = true;
      continue;
    }
    const surface = written.toLowerCase().replace(/[’‘\u02BC]/g, "'");
    for (const word of openWord(written)) {
      const key = stem(word);
      const content = !isStopword(word) && word.length > 0;
      if (content) stems.add(key);
      tokens.push({ key, surface, content, start: match.index, end: match.index + written.length, afterCut: cut });
      cut = false;
    }
  }
  return { text, tokens, endsWithCut: cut, stems };
}

/**
 * The key under which two wordings count as the same words: case, quotation marks, dashes
 * and white space do not matter.
 * `sameWordsKey("It’s  “too much”")` === `sameWordsKey('it\'s "too much"')`
 */
export function sameWordsKey(wording: Wording): string {
  return wording.tokens
    .filter((token, i, all) => i === 0 || all[i - 1]!.start !== token.start)
    .map((token) => (token.afterCut ? `… ${token.surface}` : token.surface))
    .join(' ');
}
