/**
 * Who a written sentence says spoke a quotation, when it names someone. Only the tight
 * patterns of news prose count, so a name elsewhere in the sentence is never mistaken for the
 * speaker:
 *
 *   Joan Smith said he had "serious concerns"   → Joan Smith
 *   "It is reckless," said Mr Smith                     → Smith
 *   "It is reckless," Smith told reporters              → Smith
 *   According to Acme, it "never" did                 → Acme
 *   The Defence Secretary said "…"                      → nobody named (a role only)
 *   He said "…"                                          → nobody named
 */
import { functionWords, honorifics, reportingVerbs, roleWords } from './function-words.ts';
import type { QuotedSpan } from './quotations.ts';
import { canonicalPlaces, nameKey, words, type Token } from './text-fold.ts';

// Words that may stand between a speaker and the verb: "Smith has also said".
const BETWEEN: ReadonlySet<string> = new Set('has had have also later previously recently then once publicly reportedly was were is are would will'.split(' '));

function isCapitalised(token: Token): boolean {
  return /^\p{Lu}/u.test(token.text);
}

/** True when only spaces (and at most one comma) separate two tokens. */
function adjacent(text: string, left: Token, right: Token, allowComma: boolean): boolean {
  const gap = text.slice(left.end, right.start);
  return allowComma ? /^\s*,?\s*$/.test(gap) : /^\s+$/.test(gap);
}

/** The capitalised run ending at `last` (inclusive), walking left. */
function runEndingAt(text: string, tokens: readonly Token[], last: number): Token[] {
  const run: Token[] = [];
  for (let j = last; j >= 0 && isCapitalised(tokens[j]!); j--) {
    if (run.length > 0 && !adjacent(text, tokens[j]!, run[0]!, false)) break;
    run.unshift(tokens[j]!);
  }
  return run;
}

/** The capitalised run starting at `first`, walking right. */
function runStartingAt(text: string, tokens: readonly Token[], first: number): Token[] {
  const run: Token[] = [];
  for (let j = first; j < tokens.length && isCapitalised(tokens[j]!); j++) {
    if (run.length > 0 && !adjacent(text, run[run.length - 1]!, tokens[j]!, false)) break;
    run.push(tokens[j]!);
  }
  return run;
}

/**
 * The person's words of a run: those after its last role word or possessive
 * ("Acme Chairman Chen Wei" → Chen Wei), without honorifics or pronouns. Empty when the
 * run is only a role ("The Defence Secretary") or a pronoun ("He").
 */
function personOf(run: readonly Token[]): string[] {
  let from = 0;
  run.forEach((token, i) => {
    const key = token.text.toLowerCase();
    if (roleWords.has(key) || /['’]s?$/.test(token.text)) from = i + 1;
  });
  return run
    .slice(from)
    .map((t) => t.text)
    .filter((w) => !honorifics.has(w.toLowerCase()) && !functionWords.has(w.toLowerCase()));
}

interface Attribution {
  readonly name: readonly string[];
  /** Where the reporting verb stands, to pick the attribution nearest a quotation. */
  readonly at: number;
}

function attributions(text: string, tokens: readonly Token[]): Attribution[] {
  const found: Attribution[] = [];
  tokens.forEach((token, i) => {
    const word = token.text.toLowerCase();
    if (word === 'according' && tokens[i + 1]?.text.toLowerCase() === 'to') {
      found.push({ name: personOf(runStartingAt(text, tokens, i + 2)), at: token.start });
      return;
    }
    if (!reportingVerbs.has(word) || word === 'according') return;
    let j = i - 1;
    while (j >= 0 && BETWEEN.has(tokens[j]!.text.toLowerCase()) && adjacent(text, tokens[j]!, tokens[j + 1]!, false)) j--;
    const left = j >= 0 && adjacent(text, tokens[j]!, tokens[j + 1]!, true) ? runEndingAt(text, tokens, j) : [];
    const right = tokens[i + 1] && adjacent(text, token, tokens[i + 1]!, false) ? runStartingAt(text, tokens, i + 1) : [];
    // "X said …" names X; "…," said X names X only when the verb follows a quotation.
    const name = left.length > 0 ? personOf(left) : /["”'’],?\s*$/.test(text.slice(0, token.start)) ? personOf(right) : [];
    found.push({ name, at: token.start });
  });
  return found;
}

/**
 * The name a sentence gives as the speaker of a quotation, or null when it names nobody.
 * Quotation text is masked first so words inside the quotation are never taken as the speaker.
 * @example namedSpeaker('"It is reckless," said Mr Smith.', span) // 'Smith'
 */
export function namedSpeaker(text: string, spans: readonly QuotedSpan[], quote: QuotedSpan): string | null {
  let masked = text;
  for (const s of spans) masked = masked.slice(0, s.start) + ' '.repeat(s.end - s.start) + masked.slice(s.end);
  const found = attributions(masked, words(masked)).filter((a) => a.name.length > 0);
  if (found.length === 0) return null;
  const distance = (a: Attribution) => (a.at < quote.start ? quote.start - a.at : a.at - quote.end);
  const nearest = found.reduce((best, a) => (distance(a) < distance(best) ? a : best));
  return nearest.name.join(' ');
}

/**
 * Whether a named speaker is the stored speaker: every word of the name is a word of the
 * stored name ("Smith" is "Joan Smith"; "U.S. officials" is "US officials").
 * @example isSameSpeaker('Ms Smith', 'Joan Smith') // true
 * @example isSameSpeaker('Sam Lee', 'Joan Smith') // false
 */
export function isSameSpeaker(named: string, stored: string | null): boolean {
  if (stored === null) return false;
  const keys = (name: string) =>
    words(canonicalPlaces(name))
      .map((t) => nameKey(t.text))
      .filter((w) => !honorifics.has(w));
  const storedKeys = new Set(keys(stored));
  const namedKeys = keys(named);
  return namedKeys.length > 0 && namedKeys.every((k) => storedKeys.has(k));
}
