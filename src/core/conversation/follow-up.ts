/**
 * Reads a message against the conversation before anything is retrieved: a follow-up that
 * leans on earlier turns ("why?", "what did he say next?", "and in 2019?", "more",
 * "source 2?", "who is she?", "what about the unions?") becomes what it means; a message that
 * stands alone is left as typed, so the conversation never colours a new question.
 *
 * Pure: the caller loads the turns and runs what comes back.
 */
import type { ParsedOptions } from '../command.ts';
import type { AnswerFocus } from '../compose/answer-focus.ts';
import { AUXILIARIES, CONTINUATION_OPENERS, DEMONSTRATIVES, MORE_REQUESTS, NEXT_WORDS, SHIFT_OPENERS } from '../lexicon/discourse.ts';
import { SPEECH_VERBS } from '../lexicon/stopwords.ts';
import { foldForLookup, type QuestionIndex } from '../retrieve/entity-index.ts';
import { tokenize } from '../retrieve/terms.ts';
import { leans, questionWords, sourceNumber } from './follow-up-words.ts';
import { entitiesNamedIn, entityRef } from './entity-refs.ts';
import { periodIn } from './period-words.ts';
import { readPronouns } from './pronoun-antecedents.ts';
import { replaceConcept } from './subject-shift.ts';
import type { EntityRef, Period, QuotedRef, SourceRef, Turn } from './turns.ts';

/** What a message means in its conversation. */
export type FollowUp =
  /** It stands alone: run it as typed. */
  | { readonly kind: 'stand-alone' }
  /** Run this command with these options; `readAs` tells the user how the message was read. */
  | {
      readonly kind: 'run';
      readonly command: string;
      readonly options: ParsedOptions;
      readonly readAs: string;
      readonly focus: AnswerFocus;
      /** The subject the turn is about, and its concepts, for the next follow-up. */
      readonly subject: string;
      readonly concepts: Turn['concepts'];
      readonly period?: Period;
      /** "more": the turn goes on with the last one's subject, adding to what was shown. */
      readonly continues?: boolean;
      /** "why?", "when?", "how much?": look near these sources of the last answer first. */
      readonly nearby?: readonly SourceRef[];
    }
  /** Run this text as if typed ("quote him" read as "quote Tom Brown"). */
  | { readonly kind: 'text'; readonly text: string; readonly readAs: string }
  | { readonly kind: 'source'; readonly source: SourceRef }
  /** The speaker's next quotation after `from` (their first, when null), skipping sentences already `seen` (`shownKey`). */
  | { readonly kind: 'next-quote'; readonly speaker: EntityRef; readonly from: QuotedRef | null; readonly seen: readonly string[] }
  /** It leans on a conversation that cannot carry it: say why, politely. */
  | { readonly kind: 'unclear'; readonly code: string; readonly message: string };

export interface FollowUpInput {
  /** The free text of the message: a whole chat line, or the question of `ask`. */
  readonly text: string;
  /** The conversation's live turns, oldest first (none when it is new or expired). */
  readonly turns: readonly Turn[];
  /** A conversation existed here but went idle for longer than `idleMinutes`. */
  readonly expired: boolean;
  readonly idleMinutes: number;
  readonly index: QuestionIndex;
  readonly now: Date;
  /** Whether a `who` command is offered ("who is she?" runs it). */
  readonly hasWho: boolean;
}

const STAND_ALONE: FollowUp = { kind: 'stand-alone' };

function lastTurn(turns: readonly Turn[], test: (turn: Turn) => boolean): Turn | undefined {
  for (let t = turns.length - 1; t >= 0; t--) if (test(turns[t]!)) return turns[t];
  return undefined;
}

/** Why a follow-up cannot be read: no conversation, an expired one, or nothing it can mean. */
function unclear(input: FollowUpInput, typed: string): FollowUp {
  const quoted = `“${typed.length > 40 ? `${typed.slice(0, 39)}…` : typed}”`;
  if (input.expired) {
    return {
      kind: 'unclear',
      code: 'conversation-expired',
      message: `This conversation was idle for more than ${input.idleMinutes} minutes, so I no longer have its earlier questions for ${quoted} to follow on from: please ask the whole question.`,
    };
  }
  return {
    kind: 'unclear',
    code: 'no-earlier-question',
    message: `There is no earlier question here for ${quoted} to follow on from: please ask the whole question.`,
  };
}

/**
 * Reads a message against its conversation.
 * @example resolveFollowUp({ text: 'why?', turns: [after "What did Tom Brown say about prices?"], … })
 *   → { kind: 'run', command: 'ask', options: { question: 'Why Tom Brown, prices?' }, readAs: 'Why? — following on from “What did Tom Brown say about prices?”', … }
 * @example resolveFollowUp({ text: 'Who founded the company?', … }) → { kind: 'stand-alone' }
 */
export function resolveFollowUp(input: FollowUpInput): FollowUp {
  const typed = input.text.trim();
  const tokens = tokenize(typed);
  if (tokens.length === 0) return STAND_ALONE;
  const { turns, index } = input;
  const last = lastTurn(turns, (turn) => turn.subject !== null);
  const articles = new Set((last?.sources ?? []).map((source) => source.article));

  const n = sourceNumber(tokens, typed);
  if (n !== null) {
    const cited = lastTurn(turns, (turn) => turn.sources.length > 0);
    if (!cited) return turns.length > 0 ? { kind: 'unclear', code: 'no-sources', message: 'The last answer here cited no sources.' } : unclear(input, typed);
    const source = cited.sources.find((s) => s.n === n);
    if (!source) {
      const count = cited.sources.length;
      return {
        kind: 'unclear',
        code: 'no-such-source',
        message: `The last answer had ${count === 1 ? 'one source: ask for source 1' : `${count} sources: ask for source 1 to ${count}`}.`,
      };
    }
    return { kind: 'source', source };
  }

  const folded = tokens.map((t) => t.lower).join(' ');
  if (MORE_REQUESTS.has(folded)) {
    if (!last) return unclear(input, typed);
    // More of a card, a comparison or a brief is more sentences on its subject: only ask leaves out what was shown.
    const options = last.command === 'ask' ? last.options : { question: last.subject! };
    return {
      kind: 'run',
      command: 'ask',
      options,
      readAs: `More on “${last.subject}”`,
      focus: { exclude: new Set(last.shown), articles, ...(last.period ? { period: last.period } : {}) },
      subject: last.subject!,
      concepts: last.concepts,
      ...(last.period ? { period: last.period } : {}),
      continues: true,
    };
  }

  // Openers: "and …", "but why?", "what about …".
  let at = 0;
  while (at < tokens.length - 1 && at < 2 && CONTINUATION_OPENERS.has(tokens[at]!.lower)) at++;
  const opened = at > 0;
  const pair = tokens
    .slice(at, at + 2)
    .map((t) => t.lower)
    .join(' ');
  const shifted = SHIFT_OPENERS.includes(pair);
  if (shifted) at += 2;
  const bodyTokens = tokens.slice(at);
  if (bodyTokens.length === 0) return STAND_ALONE;
  const body = typed.slice(bodyTokens[0]!.start).trim();

  const pronouns = readPronouns(body, turns);
  if (pronouns.unresolved.length > 0) {
    if (turns.length === 0) return unclear(input, typed);
    const word = pronouns.unresolved[0]!;
    return { kind: 'unclear', code: 'no-antecedent', message: `I can’t tell who “${word}” is here: please use their name.` };
  }
  const wh = questionWords(bodyTokens);

  // "What did he say next?": the next quotation of that speaker.
  const says = bodyTokens.some((t) => SPEECH_VERBS.has(t.lower));
  const next = bodyTokens.some((t) => NEXT_WORDS.has(t.lower)) || /\b(?:after that|what else)\b/i.test(body);
  if (says && next) {
    const speaker = pronouns.resolved.find((r) => r.entity.kind === 'person')?.entity ?? entitiesNamedIn(pronouns.text, index).find((e) => e.kind === 'person');
    if (speaker) {
      // Go on from the first of their quotations the latest turn that quoted them showed: the
      // one an answer leads with is the one a reader means.
      const quoting = lastTurn(turns, (turn) => turn.quoted.some((q) => q.speaker === speaker.id));
      const from = quoting?.quoted.find((q) => q.speaker === speaker.id) ?? null;
      const seen = turns.flatMap((turn) => turn.shown);
      return { kind: 'next-quote', speaker, from, seen };
    }
  }

  // "Who is she?", "who's Tom Brown?": the person's card.
  const whoIs = /^(?:who(?:'s|’s|\s+is|\s+was|\s+are|\s+were))\s+(.+?)[\s?.!]*$/i.exec(pronouns.text);
  if (input.hasWho && whoIs && !opened) {
    const named = index.byName(foldForLookup(whoIs[1]!))[0];
    const entity = pronouns.resolved[0]?.entity ?? (named && named.kind !== 'place' ? entityRef(named) : undefined);
    if (entity) {
      const pronoun = pronouns.resolved[0];
      const readAs = pronoun ? `Reading “${pronoun.word}” as ${pronoun.entity.name}.` : '';
      return {
        kind: 'run',
        command: 'who',
        options: { name: entity.name },
        readAs,
        focus: {},
        subject: entity.name,
        concepts: [{ label: entity.name, kind: entity.kind }],
      };
    }
  }

  // "who is she?" with no who command: the question, with her name.
  if (whoIs && !input.hasWho && pronouns.resolved.length > 0) {
    return { kind: 'text', text: pronouns.text, readAs: `Reading “${pronouns.resolved[0]!.word}” as ${pronouns.resolved[0]!.entity.name}.` };
  }

  const period = periodIn(body, input.now);
  const ownWords = bodyTokens.filter((t) => !leans(t) && !(period && new RegExp(`\\b${escapeRegExp(t.text)}\\b`).test(period.words)));
  const pointsBack = bodyTokens.some((t) => DEMONSTRATIVES.has(t.lower)) || pronouns.resolved.length > 0;

  // Nothing of its own: "why?", "when was that?", "and in 2019?", "why did he say that?".
  if (ownWords.length === 0 && (opened || shifted || wh !== null || period !== null || pointsBack)) {
    if (!last) return unclear(input, typed);
    const names = pronouns.resolved.map((r) => r.entity.name).filter((name) => !last.concepts.some((c) => c.label === name));
    if (wh) {
      const about = [...names, ...last.concepts.map((c) => c.label)];
      const question = `${capitalise(wh)} ${about.join(', ')}?`;
      const kept = period ?? last.period;
      return {
        kind: 'run',
        command: 'ask',
        options: { question },
        readAs: `${capitalise(wh)}? — following on from “${last.subject}”${kept ? `, ${kept.words}` : ''}`,
        focus: { exclude: new Set(last.shown), articles, ...(kept ? { period: kept } : {}) },
        // The subject stays the question asked: "when?" after "why?" follows on from it too.
        subject: last.subject!,
        concepts: [...names.map((label) => ({ label, kind: 'person' as const })), ...last.concepts],
        ...(kept ? { period: kept } : {}),
        ...(kept ? {} : { nearby: last.sources }),
      };
    }
    if (period) {
      const question = last.command === 'ask' ? String(last.options.question ?? last.subject) : last.subject!;
      return {
        kind: 'run',
        command: 'ask',
        options: { question },
        readAs: `${capitalise(period.words)} — following on from “${last.subject}”`,
        focus: { period, articles },
        subject: question,
        concepts: last.concepts,
        period,
      };
    }
  }

  // "what about the unions?", "and Tom Brown?": the last question, of something else.
  const fragment = !wh && bodyTokens.length <= 5 && !AUXILIARIES.has(bodyTokens[0]!.lower);
  if (shifted || (opened && fragment)) {
    if (!last) return unclear(input, typed);
    const shift = replaceConcept(last, pronouns.text.replace(/[\s?.!]+$/, ''), index);
    const rest = restOption(last);
    if (rest) {
      return {
        kind: 'run',
        command: last.command,
        options: { ...last.options, [rest]: shift.subject },
        readAs: `Reading it as “${last.command === 'ask' ? shift.subject : `${last.command} ${shift.subject}`}”.`,
        focus: { articles, ...(last.period ? { period: last.period } : {}) },
        subject: shift.subject,
        concepts: shift.concepts,
        ...(last.period ? { period: last.period } : {}),
      };
    }
  }

  if (pronouns.resolved.length > 0) {
    const readAs = pronouns.resolved.map((r) => `“${r.word}” as ${r.entity.name}`).join(', ');
    return { kind: 'text', text: pronouns.text, readAs: `Reading ${readAs}.` };
  }
  return STAND_ALONE;
}

/** The option of the last turn that holds its subject: `question` for ask, the free text otherwise. */
function restOption(turn: Turn): string | null {
  if (turn.command === 'ask') return 'question';
  const found = Object.entries(turn.options).find(([, value]) => typeof value === 'string' && value === turn.subject);
  return found ? found[0] : null;
}

function capitalise(words: string): string {
  return `${words[0]!.toUpperCase()}${words.slice(1)}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
