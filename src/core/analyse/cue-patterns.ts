import { FUNCTION_WORDS, PREPOSITIONS, SUBORDINATORS, VERB_FILLERS } from './lexicon/function-words.ts';
import { documentHead, isFindingVerb } from './document-cues.ts';
import { INVERTING_VERBS, REPORTING_VERBS, SPEECH_NOUNS, WEAK_REPORTING_STEMS } from './lexicon/reporting-verbs.ts';
import type { Ref } from './references.ts';
import { APPOSITION_TOKENS, isAdverb, skipAsides, skipTimeBack } from './token-spans.ts';
import type { Token } from './tokens.ts';

/** A reporting cue found in a sentence: the verb (or ":" / "according to") and who it names. */
export interface Cue {
  readonly ref: Ref;
  readonly verb: string;
  readonly start: number;
  readonly end: number;
}

const IMPERSONAL = /^(?:believed|thought|understood|said|claimed|reported|expected|feared|alleged|known|suggested|rumoured|argued|estimated)$/;
const NOUN_MARKERS = new Set([
  'the',
  'a',
  'an',
  'any',
  'its',
  'his',
  'her',
  'their',
  'our',
  'these',
  'those',
  'such',
  'of',
  'over',
  'previous',
  'recent',
  'earlier',
  'new',
  'further',
  'her',
  'my',
  'your',
  'this',
  'that',
]);
const PARTICIPLE_OPENERS = new Set(['before', 'after', 'while', 'when', 'by', 'without', 'since', 'despite']);
const RELATIVE_WORDS = new Set(['who', 'which', 'where', 'whose', 'whom']);
const GOING_ON = new Set(['go', 'goes', 'going', 'went', 'gone']);
const PASSIVE = new Set(['been', 'being', 'be', 'is', 'was', 'are', 'were']);
const ARTICLES = new Set(['the', 'a', 'an']);
// Words that open a clause after a verb ("suggests that Phoenix …"): what follows is said, not who says it.
const CLAUSE_OPENERS = new Set(['that', 'whether', 'if', 'how', 'why', 'what']);
const TRAILING_MARKS = new Set([',', '—', '–', '―', '-', ';', '.', '?', '!', ')']);
const DASHES = new Set(['—', '–', '―', '-']);

function skipFillers(tokens: readonly Token[], from: number): number {
  let k = from;
  while (tokens[k] && VERB_FILLERS.has(tokens[k]?.lower ?? '')) k++;
  return k;
}

/** "as the memo put it", "as he puts it": the idiom reports words as a verb of speech does. */
export function putsIt(tokens: readonly Token[], k: number): boolean {
  return (tokens[k]?.lower === 'put' || tokens[k]?.lower === 'puts') && tokens[k + 1]?.lower === 'it';
}

/** "it is believed", "it was claimed": an impersonal "it" names no speaker. */
export function isImpersonal(tokens: readonly Token[], ref: Ref): boolean {
  if (ref.pronoun !== 'it') return false;
  const verb = tokens[ref.tokEnd]?.lower ?? '';
  const next = tokens[skipFillers(tokens, ref.tokEnd)]?.lower ?? '';
  return (verb === 'is' || verb === 'was' || verb === 'has' || verb === 'had') && IMPERSONAL.test(next);
}

/** Whether a token is a reporting verb, and a strong one (weak ones need the quote close by). */
export function reportingStrength(token: Token | undefined): 'strong' | 'weak' | null {
  const stem = token?.isWord ? REPORTING_VERBS.get(token.lower) : undefined;
  if (stem === undefined) return null;
  return WEAK_REPORTING_STEMS.has(stem) ? 'weak' : 'strong';
}

/**
 * The cue right after a quotation's closing mark: `," Jane Doe said`, `," said Doe`,
 * `," he told reporters`, `, according to the ministry`. `from` is the first token after
 * the mark; `limit` the first token that belongs to the next quotation.
 */
export function cueAfter(tokens: readonly Token[], refs: readonly Ref[], from: number, limit: number): Cue | null {
  const dash = tokens[from];
  if (dash && DASHES.has(dash.text)) {
    // `"…" — Jane Doe`: a name alone after a dash signs the quotation, as letters and vox pops do.
    const signed = refs.find((r) => r.tokStart === from + 1 && r.type !== 'pronoun');
    if (signed && tokens.slice(signed.tokEnd, limit).every((token) => !token.isWord)) return { ref: signed, verb: dash.text, start: dash.start, end: dash.end };
  }
  let i = from;
  while (i < limit && !tokens[i]?.isWord && TRAILING_MARKS.has(tokens[i]?.text ?? '')) i++;
  if (i >= limit) return null;
  const startsAt = (at: number): Ref | undefined => refs.find((r) => r.tokStart === at || (r.tokStart === at + 1 && ARTICLES.has(tokens[at]?.lower ?? '')));
  // The speaker may come after a longer description ("marketing manager Jane Doe said") and
  // before an apposition ("Jane Doe, chief executive of Acme, said").
  // "Doe's niece, state Del. Jo Kay (D-Va.), said": a possessive description in apposition before the name.
  let comma = -1;
  for (let n = i + 1; n <= i + 4 && n < limit; n++)
    if (tokens[n]?.text === ',') {
      comma = n;
      break;
    }
  const lead = tokens.slice(i, comma);
  const described = comma > i && lead.some((token) => token.possessive) && lead.every((token) => token.isWord && !FUNCTION_WORDS.has(token.lower));
  // ("Doe's daughter, Jane Doe, said": the name, not the description, is who speaks.)
  const named = described && refs.some((r) => r.type === 'name' && r.tokStart > comma && r.tokStart <= comma + 3);
  for (const ref of refs) {
    if (named && ref.tokStart < comma) continue;
    const at = described && ref.tokStart > comma ? comma + 1 : i;
    if (ref.tokStart < at || ref.tokStart > at + 6 || ref.tokEnd > limit || isImpersonal(tokens, ref)) continue;
    // Only a description may stand before the name: no punctuation, no clause ("where some …").
    // ("said Ohio state archivist Jane Doe": past a reporting verb the speaker comes after it;
    // a bare form such as "state" in `," state Sen. Jane Doe said` is no verb of this quotation.)
    const verbOfSpeech = (token: Token): boolean => reportingStrength(token) !== null && REPORTING_VERBS.get(token.lower) !== token.lower;
    if (
      tokens
        .slice(at, ref.tokStart)
        .some((token, n) => !token.isWord || verbOfSpeech(token) || (FUNCTION_WORDS.has(token.lower) && !(n === 0 && ARTICLES.has(token.lower))))
    )
      break;
    // "a Donald Trump tweet attacking …": a name after "a" qualifies a noun, which no verb follows.
    if (ref.type === 'name' && (tokens[at]?.lower === 'a' || tokens[at]?.lower === 'an')) break;
    // "Jane Doe (D-Va.) said", "Jane Doe, 45, a nurse, said": past a parenthesis or an apposition.
    let k = skipAsides(tokens, ref.tokEnd);
    // (The comma that closes the description's apposition: "Doe's niece, Jo Kay (D-Va.), said".)
    if (at !== i && tokens[k]?.text === ',') k++;
    k = skipFillers(tokens, k);
    if (['from', 'of', 'at'].includes(tokens[k]?.lower ?? '')) {
      const owner = refs.find((r) => r.tokStart === k + 1 || (r.tokStart === k + 2 && ARTICLES.has(tokens[k + 1]?.lower ?? '')));
      if (owner) k = skipFillers(tokens, owner.tokEnd); // "Jane Doe from Acme said"
    }
    // "Jane Doe is quoted as saying": the one quoted says it.
    if (tokens[k]?.lower === 'quoted' && tokens[k + 1]?.lower === 'as' && reportingStrength(tokens[k + 2])) k += 2;
    const verb = tokens[k];
    if (k < limit && verb && reportingStrength(verb)) return { ref, verb: verb.text, start: verb.start, end: verb.end };
  }
  const verb = tokens[i];
  if (verb && INVERTING_VERBS.has(verb.lower)) {
    // "said Jane Doe", "said team-mate Jane Doe": the speaker within a few words of the verb.
    let after =
      startsAt(i + 1) ??
      // ("said at a Washington event": a name after a preposition is a setting, not the speaker;
      // "suggests that Phoenix …" opens a clause. "said 9/11 widow Jane Doe": a slash joins words.)
      refs.find(
        (r) =>
          r.tokStart > i + 1 &&
          r.tokStart <= i + 4 + tokens.slice(i + 1, r.tokStart).filter((t) => t.text === '/').length * 2 &&
          r.type === 'name' &&
          !r.afterPreposition &&
          tokens.slice(i + 1, r.tokStart).every((t) => (t.isWord || t.text === '/') && !PREPOSITIONS.has(t.lower) && !CLAUSE_OPENERS.has(t.lower)),
      );
    // "said NBC's Dante Chinni": the outlet's person speaks, not the outlet.
    const owned = after && tokens[after.tokEnd - 1]?.possessive ? refs.find((r) => r.tokStart === after?.tokEnd && r.type === 'name') : undefined;
    if (owned) after = owned;
    // "said Kent man Jane Doe": a name before more description only qualifies the speaker.
    // ("said Jane Doe of Acme" is not this: "of", "at", "who" start something else.)
    const from = after?.tokEnd ?? 0;
    const describing = (t: Token | undefined): boolean => t !== undefined && t.isWord && !t.capitalised && !FUNCTION_WORDS.has(t.lower);
    if (after?.type === 'name' && tokens[from] && describing(tokens[from])) {
      let k = from;
      while (k < from + 5 && describing(tokens[k])) k++;
      // A speaker named after the description ("director Jane Doe" counts from "director"),
      // or none we know: never the qualifier itself.
      if (tokens[k]?.capitalised) after = refs.find((r) => r.type === 'name' && r.tokStart >= from && r.tokStart <= k && r.tokEnd > k);
    }
    if (after && after.type !== 'pronoun') return { ref: after, verb: verb.text, start: verb.start, end: verb.end };
  }
  if (verb?.lower === 'according' && tokens[i + 1]?.lower === 'to') {
    // "according to campaign manager Jane Doe": a name past a few lower-case describing words.
    const described = (r: Ref): boolean =>
      r.type === 'name' &&
      r.tokStart > i + 2 &&
      r.tokStart <= i + 6 &&
      tokens
        .slice(i + 2, r.tokStart)
        .every((t, n) => (n === 0 && ARTICLES.has(t.lower)) || (t.isWord && !t.capitalised && !FUNCTION_WORDS.has(t.lower) && reportingStrength(t) === null));
    const after = startsAt(i + 2) ?? refs.find(described);
    const to = tokens[i + 1];
    if (after && to) return { ref: after, verb: 'according to', start: verb.start, end: to.end };
  }
  return null;
}

// Prepositions that open a phrase of setting between a subject and its verb: "Doe in a statement said".
const SETTING_OPENERS = new Set(['in', 'at', 'on', 'during', 'after', 'before', 'for']);
// How many words such a phrase may have.
const SETTING_WORDS = 6;

/**
 * The subject before a short phrase of setting that ends at token `k`: `Jane Doe in an interview
 * on Monday said` → Jane Doe. Only words, no verb of speech, and the phrase opens with a
 * preposition of setting; `endingAt` gives the reference ending at a token.
 */
function settingSubject(tokens: readonly Token[], k: number, endingAt: (end: number) => Ref | undefined): Ref | null {
  for (let p = k; p >= 0 && p > k - SETTING_WORDS; p--) {
    const token = tokens[p];
    if (!token?.isWord || reportingStrength(token) !== null) return null;
    if (!SETTING_OPENERS.has(token.lower) || p === k) continue;
    const subject = endingAt(p);
    if (subject && !subject.afterPreposition && subject.type !== 'pronoun') return subject;
  }
  return null;
}

/**
 * The subject of the reporting verb at token `v`: the reference right before it (past
 * adverbs and auxiliaries: "has also said"), across an apposition ("Jane Doe, the chief
 * executive, said"), before "who", or — after "and" or for "saying"/"telling" — the
 * subject of the clause the verb continues.
 */
export function subjectOf(tokens: readonly Token[], refs: readonly Ref[], v: number, quoted: (token: Token) => boolean = () => false): Ref | null {
  // "It has been called …", "was described as …": a passive names no speaker.
  if (PASSIVE.has(tokens[v - 1]?.lower ?? '') && /ed$/.test(tokens[v]?.lower ?? '')) return null;
  // "Doe said, going on to say that …", "Doe went on to call …": whoever goes on speaks.
  if (v >= 3 && tokens[v - 1]?.lower === 'to' && tokens[v - 2]?.lower === 'on' && GOING_ON.has(tokens[v - 3]?.lower ?? ''))
    return subjectOf(tokens, refs, v - 3, quoted);
  // "A Government Accountability Office report found", "Jane Doe's brief said": the body or
  // person behind the document speaks; a document with no owner speaks as its own phrase.
  const head = documentHead(tokens, v);
  if (head !== null) {
    // ("a letter from the American Legion": the body after "from", "of" or "by" owns it too.)
    const after = ['from', 'of', 'by'].includes(tokens[head + 1]?.lower ?? '') ? head + 2 + (ARTICLES.has(tokens[head + 2]?.lower ?? '') ? 1 : 0) : -1;
    const owner = refs.find((r) => (r.tokEnd === head || r.tokStart === after) && r.type === 'name' && !quoted(tokens[r.tokStart] as Token));
    const phrase = refs.find((r) => r.tokStart <= head && head < r.tokEnd && r.type !== 'pronoun');
    if (owner ?? phrase) return owner ?? phrase ?? null;
    if (isFindingVerb(tokens, v)) return null;
  }
  const k0 = v - 1;
  let k = skipTimeBack(tokens, k0);
  // A time word counts only when a reference or "who" stands right before it ("Doe on Monday
  // said", "Doe, who in 2010 said").
  if (k !== k0 && !refs.some((r) => r.tokEnd === k + 1) && tokens[k]?.lower !== 'who') {
    k = k0;
    while (k >= 0 && isAdverb(tokens[k])) k--;
  }
  // "Jane Doe (D-Va.) said": the name before the parenthesis.
  if (tokens[k]?.text === ')') {
    let open = k - 1;
    while (open >= 0 && open > k - 12 && tokens[open]?.text !== '(') open--;
    if (tokens[open]?.text === '(') k = open - 1;
  }
  const endingAt = (end: number): Ref | undefined => refs.find((r) => r.tokEnd === end && !isImpersonal(tokens, r) && !quoted(tokens[r.tokStart] as Token));
  const direct = endingAt(k + 1);
  if (direct && !direct.afterPreposition) return direct;
  // "Jane Doe in an interview said", "Doe at the time said": a short phrase of setting between subject and verb.
  const beforeSetting = settingSubject(tokens, k, endingAt);
  if (beforeSetting) return beforeSetting;
  if (direct && tokens[k + 1]?.text !== "'s") {
    // "Stacy Baker of Columbia, South Carolina, says": the person from the place, not the place.
    let p = direct.tokStart - 1;
    while (p > direct.tokStart - 6 && (tokens[p]?.capitalised || tokens[p]?.text === ',')) p--;
    const from = tokens[p]?.lower === 'of' || tokens[p]?.lower === 'from' ? endingAt(p) : undefined;
    if (from?.type === 'name' && !from.afterPreposition) return from;
  }
  const verb = tokens[v]?.lower ?? '';
  // "footage of Jane Doe saying": a participle right after a name is that person's.
  if (direct && direct.type === 'name' && verb.endsWith('ing') && k === v - 1) return direct;
  const token = tokens[k];
  // "wary of Norway's form": a possessive is not a subject; nor is a name inside a quotation.
  const candidates = refs.filter(
    (r) => r.tokEnd <= v && !r.afterPreposition && !isImpersonal(tokens, r) && !tokens[r.tokEnd - 1]?.possessive && !quoted(tokens[r.tokStart] as Token),
  );
  // "after she …", "much like he did …": a pronoun a preposition or subordinator stands before
  // opens a clause of its own; the sentence's subject is the first reference outside one.
  const opener = (r: Ref): boolean =>
    r.type === 'pronoun' && (SUBORDINATORS.has(tokens[r.tokStart - 1]?.lower ?? '') || PREPOSITIONS.has(tokens[r.tokStart - 1]?.lower ?? ''));
  const lead = candidates.find((r) => r.type !== 'pronoun' || !PREPOSITIONS.has(tokens[r.tokStart - 1]?.lower ?? ''));
  // "She spoke about the deaths in Tulsa, Oklahoma, arguing …": the clause's subject, its
  // first reference, before any apposition the comma may seem to close.
  if (verb.endsWith('ing') && token?.text === ',' && lead) return lead;
  // "An Acme statement said", "a Treasury report says": the body behind the document speaks.
  if (token?.isWord && SPEECH_NOUNS.has(token.lower)) {
    const owner = endingAt(k);
    if (owner && owner.type === 'name') return owner;
  }
  // "Jane Doe — a teacher from Leeds — says": an aside between dashes, as between commas.
  if (token && DASHES.has(token.text) && !quoted(token)) {
    let c = k - 1;
    while (c >= 0 && c > k - APPOSITION_TOKENS && tokens[c]?.text !== token.text) c--;
    const before = tokens[c]?.text === token.text ? endingAt(c) : undefined;
    if (before && !before.afterPreposition) return before;
  }
  if (token?.text === ',') {
    let c = k - 1;
    while (c >= 0 && c > k - APPOSITION_TOKENS && tokens[c]?.text !== ',') c--;
    if (tokens[c]?.text === ',') {
      // "…, Gov. Jane Doe (R-OH), said": the name between the commas, before its parenthesis.
      let end = k;
      if (tokens[k - 1]?.text === ')') while (end > c + 1 && tokens[end]?.text !== '(') end--;
      const inside = refs.find((r) => r.tokStart === c + 1 && (r.tokEnd === k || r.tokEnd === end) && r.type === 'name');
      if (inside) return inside;
      const before = endingAt(c);
      if (before) return before;
    }
  }
  if (token?.lower === 'who') {
    if (tokens[k - 1]?.text !== ',') return endingAt(k) ?? null;
    // "Jane Doe, who …" and "Jane Doe, 49, who …": the name before the apposition.
    let c = k - 2;
    while (c >= 0 && c > k - 10 && tokens[c]?.text !== ',') c--;
    return endingAt(k - 1) ?? (tokens[c]?.text === ',' ? (endingAt(c) ?? null) : null);
  }
  if (token?.lower === 'and' || token?.lower === 'but') {
    // "Doe described Roe as a "disgrace" after she attacked … and blamed …": the verb goes on
    // from the clause a pronoun opens when that is the last subject before it; otherwise from
    // the sentence's subject ("much like he did …, Doe cast … and emphasized").
    const last = candidates.filter((r) => !r.afterVerb).pop();
    if (last && opener(last)) return last;
    return candidates.find((r) => !opener(r)) ?? lead ?? null;
  }
  // "Jane Doe was quoted by the paper as saying …": the one quoted, never the paper.
  if (token?.lower === 'as' && verb.endsWith('ing')) return lead ?? null;
  // "Doe sang to the crowd before asking it, …", "while saying": a participle after a
  // conjunction of time or manner is the clause's subject's act.
  // (Never a name inside a relative clause: "marched past the stadium where the Panthers play while chanting".)
  if (verb.endsWith('ing') && PARTICIPLE_OPENERS.has(token?.lower ?? '')) {
    const first = lead;
    return first && !tokens.slice(0, first.tokStart).some((t) => RELATIVE_WORDS.has(t.lower)) ? first : null;
  }
  // "She said the plan would work, adding …": the clause's subject, its first reference.
  if (verb.endsWith('ing') && token?.text === ',') return lead ?? null;
  return null;
}

/** The nearest reporting verb before token `before` (skipping tokens `skip` says are quoted). */
export function governingVerb(tokens: readonly Token[], before: number, skip: (token: Token) => boolean): number | null {
  let words = 0;
  for (let v = before - 1; v >= 0; v--) {
    const token = tokens[v];
    if (!token || skip(token)) continue;
    if (token.isWord) words++;
    if (NOUN_MARKERS.has(tokens[v - 1]?.lower ?? '') || tokens[v - 1]?.possessive) continue; // "the claims", "his comments"
    // "the United States should": a capitalised word after another word is part of a name.
    if (token.capitalised && tokens[v - 1]?.isWord) continue;
    const strength = reportingStrength(token) ?? (isFindingVerb(tokens, v) ? 'strong' : null);
    if (strength === 'strong' || (strength === 'weak' && words <= 7)) return v;
  }
  return null;
}
