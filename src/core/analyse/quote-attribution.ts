import type { Block, CueKind, Quote, Sentence } from '../article.ts';
import { accordingToCue, closingCue, putItCue, subjectCue } from './clause-cues.ts';
import { cueAfter, governingVerb, reportingStrength, subjectOf, type Cue } from './cue-patterns.ts';
import type { EntityTable, SentenceContext } from './entities.ts';
import { isNickname, isScareQuote, isTermMention, isTitleOfWork, quoteKind } from './quote-shape.ts';
import type { QuoteSpan } from './quotes.ts';
import type { Ref } from './references.ts';
import { PronounResolver } from './pronouns.ts';
import { parenthesisEnd, skipAsides } from './token-spans.ts';
import type { Token } from './tokens.ts';
import { INVERTING_VERBS } from './lexicon/reporting-verbs.ts';
import { PREPOSITIONS } from './lexicon/function-words.ts';

const SIGNING_DASHES = new Set(['—', '―', '–', '-']);
const CLOSING_MARKS = new Set(['"', '”', '’', "'"]);

interface Work {
  readonly span: QuoteSpan;
  readonly sentence: number;
  readonly closeSentence: number;
  readonly kind: 'full' | 'partial';
  readonly credited: boolean;
  readonly scare: boolean;
  /** A cue follows the quotation but names no one we know: not a continuation either. */
  blocked: boolean;
  speaker: string | null;
  speakerText: string | null;
  cue: string | null;
  cueKind: CueKind;
  cueStart: number | null;
  cueEnd: number | null;
}

/** Whether `offset` lies inside one of the (sorted, non-overlapping) quotation spans. */
function insideSpan(spans: readonly QuoteSpan[], offset: number): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid] as QuoteSpan;
    if (offset < span.open) high = mid - 1;
    else if (offset >= span.close) low = mid + 1;
    else return true;
  }
  return false;
}

function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((sentences[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

function tokenAt(tokens: readonly Token[], offset: number): number {
  const index = tokens.findIndex((token) => token.start >= offset);
  return index < 0 ? tokens.length : index;
}

// A reporting clause typed as a sentence of its own after a quotation: how long a phrase of setting may
// follow its verb (where the verb stands is left to the clause's shape: "X's niece, Del. Y (D-Va.), shouted").
const NEXT_CUE_SETTING = 12;

function cueKindOf(ref: Ref): CueKind {
  if (ref.type === 'pronoun') return 'pronoun';
  if (ref.type === 'role') return 'role';
  if (ref.type === 'org-noun') return 'organisation';
  if (ref.type === 'descriptor') return 'descriptor';
  return 'explicit';
}

/**
 * Credits each quotation to its speaker by the cues news text uses: `X said`, `said X`,
 * `X told Y`, `according to X`, `X: "…"`, a governing verb before a partial quote, "he
 * said" (the right person before), "the chairman said" (who holds that role), "the firm
 * said", a statement announced in the paragraph before, and continuations (a quotation
 * running over paragraphs, or a quoted paragraph after the speaker's last one). Scare
 * quotes and quotations in headings are credited to no one.
 * Example: `"We will win," the coach said.` → speaker the person introduced as coach.
 */
export function attributeQuotes(text: string, blocks: readonly Block[], spans: readonly QuoteSpan[], table: EntityTable): Quote[] {
  const { contexts } = table;
  const sentences = contexts.map((context) => context.sentence);
  if (sentences.length === 0) return [];
  const quoted = (token: Token): boolean => insideSpan(spans, token.start);
  const pronouns = new PronounResolver(contexts, table, quoted);
  const resolve = (ref: Ref): string | null => pronouns.resolve(ref);

  // Titles of works and programmes, nicknames inside names and words named as words are no one's words: not quotations at all.
  const kept = spans.filter((span) => {
    const context = contexts[sentenceAt(sentences, span.open)] as SentenceContext;
    const words = text.slice(span.start, span.end);
    return !isTitleOfWork(span, words, context.tokens) && !isNickname(span, words, context.tokens) && !isTermMention(span, words, context.tokens);
  });
  const works: Work[] = kept.map((span) => {
    const sentence = sentenceAt(sentences, span.open);
    const context = contexts[sentence] as SentenceContext;
    const openToken = tokenAt(context.tokens, span.open);
    const before = context.tokens[openToken - 1];
    const closeContext = contexts[sentenceAt(sentences, Math.max(span.open, span.close - 1))] as SentenceContext;
    const after = closeContext.tokens[tokenAt(closeContext.tokens, span.close)];
    const words = text.slice(span.start, span.end);
    return {
      span,
      sentence,
      closeSentence: closeContext.sentence.index,
      kind: quoteKind(words, before),
      credited: blocks[span.block]?.kind !== 'heading',
      scare: isScareQuote(span, words, before, after),
      blocked: false,
      speaker: null,
      speakerText: null,
      cue: null,
      cueKind: 'none',
      cueStart: null,
      cueEnd: null,
    };
  });

  const credit = (work: Work, cue: Cue, kind?: CueKind): void => {
    const speaker = resolve(cue.ref);
    // A cue whose speaker cannot be found still says the quote is not a continuation.
    if (!speaker) {
      work.blocked = true;
      return;
    }
    work.speaker = speaker;
    work.speakerText = text.slice(cue.ref.start, cue.ref.end);
    work.cue = cue.verb;
    work.cueKind = kind ?? cueKindOf(cue.ref);
    work.cueStart = cue.start;
    work.cueEnd = cue.end;
  };

  /**
   * `"We will appeal." Jane Doe said.`: a quotation that ends its sentence, followed in the
   * paragraph by a short sentence that is nothing but a reporting clause (a full stop typed
   * where a comma belongs). That sentence must quote nothing itself. Its length does not
   * matter, its shape does: the speaker (with any apposition or parenthesis) opens it, and
   * the verb ends it within a few words (`Doe's niece, state Del. Jo Kay (D-Va.), shouted
   * to the crowd.`).
   */
  const cueInNextSentence = (work: Work, index: number): Cue | null => {
    const closing = contexts[work.closeSentence] as SentenceContext;
    const next = contexts[work.closeSentence + 1];
    if (!next || next.sentence.block !== closing.sentence.block) return null;
    if (closing.tokens.slice(tokenAt(closing.tokens, work.span.close)).some((token) => token.isWord)) return null;
    if (!/^[\s"”’'»]*$/.test(text.slice(work.span.close, next.sentence.start))) return null;
    const following = works[index + 1];
    if (following && following.span.open < next.sentence.end) return null;
    const cue = cueAfter(next.tokens, next.refs, 0, next.tokens.length);
    if (!cue) return null;
    const verb = next.tokens.findIndex((token) => token.start === cue.start);
    // `Doe said, looking out at the crowd.`: a participle after the comma goes on describing the speaking.
    if (next.tokens[verb + 1]?.text === ',' && next.tokens[verb + 2]?.lower.endsWith('ing')) return cue;
    const rest = next.tokens.slice(verb + 1);
    const tail = rest.filter((token) => token.isWord).length;
    // After the verb only a few words, or a phrase of setting ("tweeted on Friday with a photo of the rally"):
    // never a clause of its own ("Jane Doe said the phones were cheap").
    const setting = PREPOSITIONS.has(rest[0]?.lower ?? '') && rest[0]?.lower !== 'that';
    return (tail <= 6 || (setting && tail <= NEXT_CUE_SETTING)) && !rest.some((token) => token.text === ',' || token.lower === 'that') ? cue : null;
  };

  /**
   * A phrase shaped like a scare quote inside reported speech is the reported speaker's word:
   * `Doe said that the firm had done an "awful" job` → Doe. Only a strong reporting verb
   * with a subject and a "that" clause counts; `a "back door" route` stays no one's.
   */
  const reportedScare = (work: Work): Cue | null => {
    const opening = contexts[work.sentence] as SentenceContext;
    const v = governingVerb(opening.tokens, tokenAt(opening.tokens, work.span.open), quoted);
    const verb = v === null ? undefined : opening.tokens[v];
    if (v === null || !verb || reportingStrength(verb) !== 'strong') return null;
    // Only in a "that" clause, the mark of reported speech ("said it would sign a 'no strike' deal" is a term).
    // (", saying the rule was a "manufactured" issue": a participle of saying opens such a clause too.)
    if (opening.tokens[v + 1]?.lower !== 'that' && opening.tokens[v + 2]?.lower !== 'that' && !verb.lower.endsWith('ing')) return null;
    const subject = subjectOf(opening.tokens, opening.refs, v, quoted);
    return subject ? { ref: subject, verb: verb.text, start: verb.start, end: verb.end } : null;
  };

  /** The source of a whole sentence, by "according to" opening or closing it: `…, according to the Acme Institute.` */
  const sourcedSentence = (work: Work): Cue | null => {
    const opening = contexts[work.sentence] as SentenceContext;
    const closing = contexts[work.closeSentence] as SentenceContext;
    const cue = closingCue(closing.tokens, closing.refs, tokenAt(closing.tokens, work.span.close), quoted);
    return (cue?.verb === 'according to' ? cue : null) ?? accordingToCue(opening.tokens, opening.refs);
  };

  /**
   * Reported speech inside reported speech: `Doe said that Roe once described the deal as
   * "the gold standard"` → Doe, who reports Roe's words. Only when the verb nearest the
   * quotation is a weak one (describe, call, cite …) inside a strong verb's "that" clause.
   */
  const outerReport = (opening: SentenceContext, v: number): Cue | null => {
    if (reportingStrength(opening.tokens[v]) !== 'weak') return null;
    for (let k = v - 1; k >= 0; k--) {
      const token = opening.tokens[k];
      if (!token || quoted(token) || reportingStrength(token) !== 'strong') continue;
      // "said that", "said during a Friday evening rally in Ohio that": the clause opens within nine words.
      const clause = opening.tokens.slice(k + 1, Math.min(v, k + 10));
      const that = clause.findIndex((t) => t.lower === 'that');
      if (that < 0 || clause.slice(0, that).some((t) => !t.isWord)) continue;
      const subject = subjectOf(opening.tokens, opening.refs, k, quoted);
      return subject ? { ref: subject, verb: token.text, start: token.start, end: token.end } : null;
    }
    return null;
  };

  /**
   * `Jane Doe said the spate of shootings demands that all engage in "more listening"`: the
   * verb nearest the quotation has no subject the text names, so the words are the report of
   * whoever speaks the clause around it, the subject of a strong verb of speech before.
   */
  const reporterBefore = (opening: SentenceContext, v: number): Cue | null => {
    for (let k = v - 1; k >= 0; k--) {
      const token = opening.tokens[k];
      if (!token || quoted(token) || reportingStrength(token) !== 'strong') continue;
      const subject = subjectOf(opening.tokens, opening.refs, k, quoted);
      return subject ? { ref: subject, verb: token.text, start: token.start, end: token.end } : null;
    }
    return null;
  };

  /**
   * `… doesn't surprise pollster Jane Doe: "…"`: a named person just before the colon that
   * opens the quotation introduces it, when nothing in the sentence reports anyone else.
   */
  const introducedBefore = (opening: SentenceContext, openToken: number): Cue | null => {
    const colon = opening.tokens[openToken - 1];
    if (colon?.text !== ':') return null;
    if (opening.tokens.slice(0, openToken).some((token) => !quoted(token) && reportingStrength(token) !== null)) return null;
    const ref = opening.refs.find((r) => r.tokEnd === openToken - 1 && (r.type === 'name' || r.type === 'role'));
    return ref && table.kindOf(ref.entity ?? '') === 'person' ? { ref, verb: ':', start: colon.start, end: colon.end } : null;
  };

  const ownCue = (work: Work, index: number): Cue | null => {
    const closing = contexts[work.closeSentence] as SentenceContext;
    if (work.span.closed) {
      const next = works[index + 1];
      const limit = next && next.sentence === work.closeSentence ? tokenAt(closing.tokens, next.span.open) : closing.tokens.length;
      const from = tokenAt(closing.tokens, work.span.close);
      const cue = cueAfter(closing.tokens, closing.refs, from, limit) ?? (limit === closing.tokens.length ? cueInNextSentence(work, index) : null);
      if (cue) return cue;
      work.blocked = closing.tokens.slice(from, Math.min(limit, from + 7)).some((token) => reportingStrength(token) === 'strong');
    }
    // A phrase shaped like a scare quote in a sentence whose every word is attributed ("…, according to
    // the organisers", "According to the report, …") is the source's word like the rest.
    if (work.scare) return reportedScare(work) ?? sourcedSentence(work);
    const turn = transcriptTurn(work.span.start, work.span.end, contexts, text);
    if (turn) return turn;
    const opening = contexts[work.sentence] as SentenceContext;
    const openToken = tokenAt(opening.tokens, work.span.open);
    const colon = opening.tokens[openToken - 1];
    if (colon?.text === ':') {
      // "Jane Doe: "…"" — the name opens the sentence; "he told the director: "…"" is not this.
      // "Said Jane Doe: "…"": an inverting verb may open the sentence before the name.
      const opener = (r: Ref): boolean => {
        const words = opening.tokens.slice(0, r.tokStart).filter((t) => t.isWord);
        return words.length === 0 || (words.length === 1 && r.tokStart === 1 && INVERTING_VERBS.has(words[0]?.lower ?? ''));
      };
      // ("Rep. Jane Doe (D-Va.): "…"": past the party-and-state parenthesis.)
      const ref = opening.refs.find(
        (r) => (r.tokEnd === openToken - 1 || parenthesisEnd(opening.tokens, r.tokEnd) === openToken - 1) && r.type !== 'pronoun' && opener(r),
      );
      if (ref) return { ref, verb: ':', start: colon.start, end: colon.end };
    }
    // "Said Jane Doe, who grew up nearby, "…"": an inverting verb opens the sentence, then the
    // speaker, an aside at most, and the comma before the quotation.
    const first = opening.tokens[0];
    if (first && INVERTING_VERBS.has(first.lower) && colon?.text === ',') {
      const ref = opening.refs.find((r) => r.tokStart === 1 && r.type !== 'pronoun');
      const end = ref ? skipAsides(opening.tokens, ref.tokEnd) : -1;
      if (ref && (end === openToken || end === openToken - 1)) return { ref, verb: first.text, start: first.start, end: first.end };
    }
    const v = governingVerb(opening.tokens, openToken, quoted);
    const outer = v === null ? null : outerReport(opening, v);
    if (outer) return outer;
    const verb = v === null ? undefined : opening.tokens[v];
    const subject = v === null ? null : subjectOf(opening.tokens, opening.refs, v, quoted);
    if (subject && verb) return { ref: subject, verb: verb.text, start: verb.start, end: verb.end };
    const reporter = v === null || (verb && INVERTING_VERBS.has(verb.lower) && opening.tokens[v - 1]?.isWord === false) ? null : reporterBefore(opening, v);
    if (reporter) return reporter;
    // `"…," said Jane Doe, "and …"`: the second half of a quotation split by an inverted cue.
    // The verb follows the first half's closing mark or comma; "polls said Doe was "fit"" is no inversion.
    const inverted =
      v !== null && verb && INVERTING_VERBS.has(verb.lower) && opening.tokens[v - 1]?.isWord === false
        ? cueAfter(opening.tokens, opening.refs, v, openToken)
        : null;
    if (inverted) return inverted;
    return (
      closingCue(closing.tokens, closing.refs, tokenAt(closing.tokens, work.span.close), quoted) ??
      accordingToCue(opening.tokens, opening.refs) ??
      putItCue(opening.tokens, opening.refs, quoted) ??
      subjectCue(opening.tokens, opening.refs, openToken, quoted) ??
      introducedBefore(opening, openToken)
    );
  };

  /** "X issued the following statement:" or "He said:" closing the paragraph before. */
  const announced = (work: Work): { cue: Cue; kind: CueKind } | null => {
    const previous = contexts[work.sentence - 1];
    if (!previous || !/:\s*$/.test(previous.sentence.text) || previous.sentence.block !== work.span.block - 1) return null;
    const tokens = previous.tokens;
    const v = governingVerb(tokens, tokens.length, quoted);
    const verb = v === null ? undefined : tokens[v];
    const subject = v === null ? null : subjectOf(tokens, previous.refs, v, quoted);
    if (subject && verb) return { cue: { ref: subject, verb: verb.text, start: verb.start, end: verb.end }, kind: cueKindOf(subject) };
    // "Stated Jane Doe:" closing the paragraph before: the inverted verb opens it, the speaker follows.
    const inverted = INVERTING_VERBS.has(tokens[0]?.lower ?? '') ? cueAfter(tokens, previous.refs, 0, tokens.length) : null;
    if (inverted) return { cue: inverted, kind: cueKindOf(inverted.ref) };
    if (!/\b(?:statement|following)\b/i.test(previous.sentence.text)) {
      // "17-year-old Jane Doe echoed:", "Jane Doe, a nurse, put it this way:": a sentence that is a
      // person and a few words before the colon closing the paragraph introduces the words, whatever the verb.
      const about = previous.refs.find((r) => r.tokStart === 0 && r.type === 'name' && !tokens[r.tokEnd - 1]?.possessive);
      const key = about ? resolve(about) : null;
      const rest = about ? tokens.slice(skipAsides(tokens, about.tokEnd), tokens.length - 1) : [];
      const short = rest.length > 0 && rest.length <= 5 && rest.every((token) => token.isWord && !token.capitalised);
      const colon = tokens[tokens.length - 1];
      return about && key && short && colon && table.kindOf(key) === 'person'
        ? { cue: { ref: about, verb: colon.text, start: colon.start, end: colon.end }, kind: cueKindOf(about) }
        : null;
    }
    const ref = previous.refs.find((r) => !r.afterPreposition && r.type !== 'pronoun');
    const issued = tokens.findIndex((token, n) => n > 0 && /^(?:statement|following)$/i.test(token.text)) - 2;
    const cueToken = tokens[issued] ?? tokens[tokens.length - 1];
    return ref && cueToken ? { cue: { ref, verb: cueToken.text, start: cueToken.start, end: cueToken.end }, kind: 'statement' } : null;
  };

  /**
   * `“No one wants this. To quote a song, ‘…” And that is all. “…’.” ― Jane Doe`: a signature
   * closing the paragraph after a quotation mark signs every quotation of the paragraph, however
   * its marks pair up.
   */
  const signature = (work: Work): Cue | null => {
    const block = blocks[work.span.block];
    const last = block ? contexts[sentenceAt(sentences, Math.max(block.start, block.end - 1))] : undefined;
    if (!last || last.sentence.block !== work.span.block) return null;
    const { tokens } = last;
    const ref = last.refs.find(
      (r) => r.type === 'name' && SIGNING_DASHES.has(tokens[r.tokStart - 1]?.text ?? '') && tokens.slice(r.tokEnd).every((token) => !token.isWord),
    );
    const dash = ref ? tokens[ref.tokStart - 1] : undefined;
    const mark = ref ? tokens[ref.tokStart - 2] : undefined;
    if (!ref || !dash || !mark || !CLOSING_MARKS.has(mark.text) || dash.start < work.span.close) return null;
    return { ref, verb: dash.text, start: dash.start, end: dash.end };
  };

  works.forEach((work, index) => {
    if (!work.credited) return;
    const cue = ownCue(work, index);
    if (cue) credit(work, cue);
    else if (text.slice(blocks[work.span.block]?.start ?? 0, work.span.open).trim() === '') {
      const intro = announced(work);
      if (intro) credit(work, intro.cue, intro.kind);
    }
    if (!work.speaker && !work.scare) {
      const signed = signature(work);
      if (signed) credit(work, signed);
    }
  });
  chainParagraphs(text, works);
  // A place speaks only as the named speaker of a quote ("Britain said"), never by continuation.
  const speakerOf = (ref: Ref): string | null => {
    const key = resolve(ref);
    return key && table.kindOf(key) !== 'place' ? key : null;
  };
  continueSpeakers(text, works, contexts, blocks, speakerOf, quoted, (key) => table.kindOf(key));
  repeatSpeakers(text, works);
  return works.map((work, index) => ({
    index,
    text: text.slice(work.span.start, work.span.end),
    start: work.span.start,
    end: work.span.end,
    sentence: work.sentence,
    kind: work.kind,
    speaker: work.speaker,
    speakerText: work.speakerText,
    cue: work.cue,
    cueKind: work.speaker ? work.cueKind : 'none',
    cueStart: work.cueStart,
    cueEnd: work.cueEnd,
  }));
}

/** A quotation left open runs on into the next one that opens straight after it: one speaker for all. */
function chainParagraphs(text: string, works: Work[]): void {
  let chain: Work[] = [];
  const settle = (): void => {
    const source = chain.find((work) => work.speaker);
    if (source)
      for (const work of chain)
        if (!work.speaker)
          Object.assign(work, { speaker: source.speaker, speakerText: null, cue: null, cueKind: 'continuation', cueStart: null, cueEnd: null });
    chain = [];
  };
  works.forEach((work, index) => {
    const previous = works[index - 1];
    const continues = previous && !previous.span.closed && work.credited && text.slice(previous.span.close, work.span.open).trim() === '';
    if (!continues) settle();
    chain.push(work);
  });
  settle();
}

/**
 * A full quotation with no cue of its own continues the speaker of the sentence before:
 * its last credited quotation, or the subject of its reporting verb ("She said the plan
 * would work. "We are sure."); a paragraph that is all quotation continues the last
 * speaker of the paragraph before.
 */
function continueSpeakers(
  text: string,
  works: Work[],
  contexts: readonly SentenceContext[],
  blocks: readonly Block[],
  resolve: (ref: Ref) => string | null,
  quoted: (token: Token) => boolean,
  kindOf: (key: string) => string | undefined,
): void {
  works.forEach((work, index) => {
    if (work.speaker || work.blocked || !work.credited || work.kind !== 'full') return;
    const opening = contexts[work.sentence];
    if (!opening || text.slice(opening.sentence.start, work.span.open).trim() !== '') return;
    const previous = contexts[work.sentence - 1];
    const block = blocks[work.span.block];
    if (!previous || !block || previous.sentence.block < work.span.block - 1) return;
    let speaker: string | null = null;
    for (let n = index - 1; n >= 0; n--) {
      const w = works[n] as Work;
      if (w.span.end <= previous.sentence.start) break;
      if (w.span.open < previous.sentence.end && w.speaker) {
        speaker = w.speaker;
        break;
      }
    }
    if (!speaker) {
      const v = governingVerb(previous.tokens, previous.tokens.length, quoted);
      const subject = v === null ? null : subjectOf(previous.tokens, previous.refs, v, quoted);
      speaker = subject ? resolve(subject) : null;
    }
    // "Jane Doe singled out young voters. "They are sick of it."": in the same paragraph, the
    // quotation goes on from the person the sentence before is about, even without a verb of speech.
    if (!speaker && previous.sentence.block === work.span.block) {
      const subject = subjectCue(previous.tokens, previous.refs, previous.tokens.length, quoted);
      const key = subject ? resolve(subject.ref) : null;
      speaker = key && kindOf(key) === 'person' ? key : null;
    }
    const wholeParagraph =
      text
        .slice(block.start, block.end)
        .replace(/["“”‘’']/g, '')
        .trim() ===
      text
        .slice(work.span.start, work.span.end)
        .replace(/["“”‘’']/g, '')
        .trim();
    if (!speaker && wholeParagraph && previous.sentence.block === work.span.block - 1) {
      let n = index - 1;
      while (n >= 0 && (works[n] as Work).span.block >= work.span.block) n--;
      const last = works[n];
      speaker = last && last.span.block === work.span.block - 1 ? last.speaker : null;
    }
    // "Doe is upbeat about the race, in part because … ¶ "Not only can we win …"": a paragraph that is
    // all quotation after a paragraph about someone already quoted goes on from that person.
    if (!speaker && wholeParagraph && previous.sentence.block === work.span.block - 1) {
      const { tokens } = previous;
      const opener = previous.refs.find((r) => r.tokStart === 0 && !tokens[r.tokEnd - 1]?.possessive);
      const verb = opener ? tokens[skipAsides(tokens, opener.tokEnd)] : undefined;
      const key = opener && verb?.isWord && !verb.capitalised ? resolve(opener) : null;
      speaker = key && kindOf(key) === 'person' && works.slice(0, index).some((w) => w.speaker === key) ? key : null;
    }
    if (speaker) Object.assign(work, { speaker, speakerText: null, cue: null, cueKind: 'continuation', cueStart: null, cueEnd: null });
  });
}

/** Words of a quotation folded for comparison: case, marks and spacing do not count. */
function foldWords(words: string): string {
  return ` ${words
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()} `;
}

/**
 * A quotation with no cue of its own whose words (whole words, even one) another quotation
 * of the article carries with a speaker is the same remark: a headline's `Trump ‘Mocking’
 * Rivals` → whoever the body quotes saying "mocking rivals"; a lede's `will be "fair"` →
 * whoever the body quotes in full saying "… will be very fair". News quotes a fragment
 * first and the full sentence with its speaker later. Scare quotes stay uncredited.
 */
function repeatSpeakers(text: string, works: Work[]): void {
  // A blocked quotation counts: its cue names someone unknown (`‘Fraud,’ Says Senator`).
  const open = works.filter((work) => !work.speaker && !work.scare && work.credited);
  if (open.length === 0) return;
  const credited = works.filter((work) => work.speaker).map((work) => ({ work, folded: foldWords(text.slice(work.span.start, work.span.end)) }));
  if (credited.length === 0) return;
  for (const work of open) {
    const folded = foldWords(text.slice(work.span.start, work.span.end));
    if (folded.trim() === '') continue;
    const source = credited.find((other) => other.work !== work && other.folded.includes(folded));
    if (source) Object.assign(work, { speaker: source.work.speaker, speakerText: null, cue: null, cueKind: 'repeated', cueStart: null, cueEnd: null });
  }
}

const TURN = /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):\s/;

/**
 * A quoted transcript turn, `"WALLACE: But, Governor, …"`: the speaker is the person the
 * article names with that surname. Null when the quotation is no such turn or the name is
 * nobody the article names.
 */
function transcriptTurn(start: number, end: number, contexts: readonly SentenceContext[], text: string): Cue | null {
  const turn = TURN.exec(text.slice(start, end));
  if (!turn?.[1]) return null;
  const surname = turn[1].split(' ').pop()?.toLowerCase() ?? '';
  for (const context of contexts) {
    for (const ref of context.refs) {
      if (ref.type !== 'name' || !ref.entity) continue;
      if (text.slice(ref.start, ref.end).toLowerCase().split(/\s+/).pop() === surname) return { ref, verb: ':', start, end: start + turn[1].length + 1 };
    }
  }
  return null;
}
