import { reportingStrength, subjectOf } from './cue-patterns.ts';
import type { SentenceContext } from './entities.ts';
import { FUNCTION_WORDS } from './lexicon/function-words.ts';
import { INVERTING_VERBS } from './lexicon/reporting-verbs.ts';
import type { Ref } from './references.ts';
import type { Token } from './tokens.ts';

const ARTICLES = new Set(['the', 'a', 'an']);
const COORDINATORS = new Set(['but', 'and', 'while', 'whereas', 'yet']);

function tokenBefore(tokens: readonly Token[], ref: Ref): Token | undefined {
  let k = ref.tokStart - 1;
  while (ARTICLES.has(tokens[k]?.lower ?? '')) k--;
  return tokens[k];
}

/**
 * Whether a mark opens the clause `ref` starts, past a few describing words: "…, Acme's
 * chief Jane Doe said" (not "…" as Mr Doe believed").
 */
function opensClause(tokens: readonly Token[], ref: Ref): boolean {
  let k = ref.tokStart - 1;
  while (k >= 0 && tokens[k]?.isWord && !FUNCTION_WORDS.has(tokens[k]?.lower ?? '') && ref.tokStart - k <= 6) k--;
  while (ARTICLES.has(tokens[k]?.lower ?? '')) k--;
  return k >= 0 && tokens[k]?.isWord === false;
}

/** "but Doe rejected …", "…, and Acme's Jane Doe said": a reference that opens a coordinated clause. */
function coordinated(tokens: readonly Token[], refs: readonly Ref[], ref: Ref): boolean {
  const at = refs.indexOf(ref);
  const possessor = refs[at - 1];
  // "but Acme's Jane Doe rejected …": past a possessor.
  const viaPossessor = possessor && possessor.tokEnd === ref.tokStart && tokens[possessor.tokEnd - 1]?.possessive ? tokenBefore(tokens, possessor) : undefined;
  return [tokenBefore(tokens, ref), viaPossessor].some((token) => {
    if (!token || token === tokens[0] || !COORDINATORS.has(token.lower)) return false;
    // "Jane Doe and John Roe said": "and" between names lists them; a clause needs a comma.
    return token.lower !== 'and' || tokens[tokens.indexOf(token) - 1]?.text === ',';
  });
}

/** `"…," said Jane Doe` / `…, noted Acme's Jane Doe`: the speaker after an inverted verb that follows a mark. */
function invertedSubject(tokens: readonly Token[], refs: readonly Ref[], v: number): Ref | null {
  if (!INVERTING_VERBS.has(tokens[v]?.lower ?? '') || tokens[v - 1]?.isWord !== false) return null;
  const after = refs.filter((r) => r.tokStart > v && r.tokStart <= v + 3 && r.type !== 'pronoun' && tokens.slice(v + 1, r.tokStart).every((t) => t.isWord));
  // "noted Acme's Jane Doe": past a possessor to the person it qualifies.
  return after.find((r) => !tokens[r.tokEnd - 1]?.possessive) ?? null;
}

/**
 * Who a sentence reports, for a pronoun after it: the subject of its first reporting verb
 * ("Mr Doe denied Mr Roe said …" → Mr Doe), unless it ends "…, the spokesman said" (→ the
 * spokesman), or a later clause after "but" or ", and" reports someone else ("Roe said
 * so, but Doe rejected it" → Doe); with no such verb, the source after "according to". `quoted` tells the words inside quotations, which
 * never report. Null when no reporting verb has a subject.
 */
export function mainSpeaker(context: SentenceContext, quoted: (token: Token) => boolean): Ref | null {
  const { tokens, refs } = context;
  if (refs.length === 0) return null;
  let first: Ref | null = null;
  let joined: Ref | null = null;
  let last: Ref | null = null;
  let lastVerb = -1;
  tokens.forEach((token, v) => {
    if (!reportingStrength(token) || quoted(token)) return;
    const subject = subjectOf(tokens, refs, v) ?? invertedSubject(tokens, refs, v);
    // "e-mailed Mr Roe pointing out …": an object is not who reports.
    if (!subject || subject.afterVerb) return;
    first ??= subject;
    if (subject !== first && coordinated(tokens, refs, subject)) joined = subject;
    last = subject;
    lastVerb = v;
  });
  const closing = last as Ref | null;
  // "…, the spokesman said." or "…, she told reporters.": the reporting clause closes the sentence.
  const strong = reportingStrength(tokens[lastVerb]) === 'strong';
  if (closing && strong && opensClause(tokens, closing) && tokens.slice(lastVerb + 1).filter((token) => token.isWord).length <= 3) return closing;
  // "According to Doe, the administration has …": no verb reports, the source still does.
  const according = refs.find((r) => {
    let k = r.tokStart - 1;
    while (ARTICLES.has(tokens[k]?.lower ?? '')) k--;
    return tokens[k]?.lower === 'to' && tokens[k - 1]?.lower === 'according';
  });
  return joined ?? first ?? according ?? null;
}
