/**
 * A message in a conversation: the conversation's recent turns are read from the store, the
 * message is read against them (follow-up.ts) before anything is retrieved, the command it
 * comes to is run through the one dispatch, and the turn is written back. Every chat surface
 * calls this with its own key: a Slack thread, a Discord reply chain or thread, a direct
 * message, a terminal session. With no key it is a plain dispatch.
 *
 * A conversation idle for longer than `idleMinutes` is over: its turns are not read (a
 * follow-up gets a polite "please ask the whole question"), and the next message starts a
 * new one under the same key.
 */
import { ASK_COMMAND, dispatch, dispatchText, hintReply, parseChatText, problemResult, type ChatParse, type DispatchResult } from '../dispatch.ts';
import type { CommandContext, CommandDefinition, ParsedOptions } from '../command.ts';
import { answerNearby } from '../compose/nearby-answer.ts';
import { composeNextQuote } from '../compose/next-quote.ts';
import { composeSource } from '../compose/source-detail.ts';
import type { Reply } from '../reply.ts';
import type { QuestionIndex } from '../retrieve/entity-index.ts';
import { readQuestion, withQuestionEntities } from '../retrieve/question-entities.ts';
import { type StoryView, storyViewFor } from '../retrieve/story-view.ts';
import { resolveFollowUp, type FollowUp } from './follow-up.ts';
import { readPronouns } from './pronoun-antecedents.ts';
import { conceptsOf } from './subject-shift.ts';
import { recordTurn, type TurnFacts } from './turn-record.ts';
import { withTurn, type Turn } from './turns.ts';

export const DEFAULT_IDLE_MINUTES = 30;
/** How long an idle conversation is kept, so that "it expired" can be told from "there was none". */
const KEEP_IDLE_MS = 24 * 60 * 60 * 1000;

export interface ConversationSettings {
  /** Minutes without a message after which a conversation's context is no longer used. */
  readonly idleMinutes: number;
}

/** A message as an adapter has it: typed text, or a command the platform already named (a slash command). */
export type ConversationMessage =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'command'; readonly command: CommandDefinition; readonly options: ParsedOptions };

/**
 * Runs one message of a conversation and remembers it. Never throws for the message's sake:
 * like `dispatch`, whatever happens becomes a reply.
 *
 * @example await converse({ kind: 'text', text: 'why?' }, 'slack:T1:C1:1700.1', commands, context, settings)
 *   → the reasons for the last answer, with the notice "Why? — following on from “…”"
 */
export async function converse(
  message: ConversationMessage,
  key: string | null,
  commands: readonly CommandDefinition[],
  context: CommandContext,
  settings: ConversationSettings = { idleMinutes: DEFAULT_IDLE_MINUTES },
): Promise<DispatchResult> {
  const plain = () => (message.kind === 'text' ? dispatchText(message.text, commands, context) : dispatch(message.command, message.options, context));
  if (key === null) return plain();
  const now = context.clock.now();
  let prepared: Prepared;
  try {
    prepared = await prepare(message, key, commands, context, settings, now);
  } catch (error) {
    // The conversation is a help, never a condition: a store that cannot read it still answers.
    context.log.error({ err: error, conversation: key }, 'reading the conversation failed; answering the message on its own');
    return plain();
  }
  const { plan, turns, view } = prepared;
  const outcome = await run(plan, commands, context, turns, view);
  if (outcome.result.outcome === 'ok' && outcome.facts) {
    const at = now.toISOString();
    const typed = message.kind === 'text' ? message.text : String(Object.values(message.options).find((v) => typeof v === 'string') ?? message.command.name);
    try {
      const facts = outcome.facts;
      const turn = await withQuestionEntities(view, (index) => recordTurn({ ...facts, at, text: typed }, outcome.result.reply, index));
      await context.store.conversations.saveConversation(key, withTurn(turns, turn), at);
      await context.store.conversations.prune(new Date(now.getTime() - Math.max(KEEP_IDLE_MS, settings.idleMinutes * 60_000)).toISOString());
    } catch (error) {
      context.log.error({ err: error, conversation: key }, 'remembering the turn failed; the reply was given');
    }
  }
  return outcome.result;
}

interface Prepared {
  readonly plan: Plan;
  readonly turns: readonly Turn[];
  readonly view: StoryView;
}

/** Reads the conversation and the message against it. */
async function prepare(
  message: ConversationMessage,
  key: string,
  commands: readonly CommandDefinition[],
  context: CommandContext,
  settings: ConversationSettings,
  now: Date,
): Promise<Prepared> {
  const record = await context.store.conversations.conversation(key);
  const live = record !== null && now.getTime() - Date.parse(record.updatedAt) <= settings.idleMinutes * 60_000;
  const turns = live ? record.turns : [];
  const parsed: ChatParse =
    message.kind === 'text' ? parseChatText(message.text, commands) : { kind: 'command', command: message.command, options: message.options };
  const view = storyViewFor(context.store);
  // Read over the entities the message names (read by key), as over the index of them all.
  const plan = await withQuestionEntities(view, (index) => readPlan(parsed, message, commands, turns, index, { record, live, settings, now }));
  return { plan, turns, view };
}

/** What to run for a message, given the conversation so far: a pure reading, run again as entities are read. */
function readPlan(
  parsed: ChatParse,
  message: ConversationMessage,
  commands: readonly CommandDefinition[],
  turns: readonly Turn[],
  index: QuestionIndex,
  { record, live, settings, now }: { record: { readonly updatedAt: string } | null; live: boolean; settings: ConversationSettings; now: Date },
): Plan {
  const followUp = (text: string): FollowUp =>
    resolveFollowUp({
      text,
      turns,
      expired: record !== null && !live,
      idleMinutes: settings.idleMinutes,
      index,
      now,
      hasWho: commands.some((c) => c.name === 'who'),
    });

  let plan: Plan;
  if (parsed.kind === 'command' && parsed.command.name === ASK_COMMAND) {
    plan = { parsed, followUp: followUp(String(parsed.options.question ?? '')) };
  } else if (parsed.kind === 'problem' && parsed.problem.code === 'unknown-command' && message.kind === 'text') {
    // "why?" or "more" alone look like a mistyped command ("who", "remove"); in a conversation they are not.
    const read = followUp(message.text);
    plan = { parsed, followUp: read };
  } else if (parsed.kind === 'command') {
    plan = { parsed, followUp: pronounsInOptions(parsed.command, parsed.options, turns, index) };
  } else {
    plan = { parsed, followUp: { kind: 'stand-alone' } };
  }
  return plan;
}

interface Plan {
  readonly parsed: ChatParse;
  readonly followUp: FollowUp;
}

interface Outcome {
  readonly result: DispatchResult;
  /** What to remember of the turn, when it is remembered. */
  readonly facts?: Omit<TurnFacts, 'at' | 'text'>;
}

async function run(plan: Plan, commands: readonly CommandDefinition[], context: CommandContext, turns: readonly Turn[], view: StoryView): Promise<Outcome> {
  const { parsed, followUp } = plan;
  const plain = async (parse: ChatParse, readAs?: string): Promise<Outcome> => {
    if (parse.kind === 'empty') return { result: { reply: hintReply(commands), outcome: 'ok', command: null, ms: 0 } };
    if (parse.kind === 'problem') return { result: { ...problemResult(parse.problem), command: parse.command?.name ?? null, ms: 0 } };
    const result = withReadAs(await dispatch(parse.command, parse.options, context), readAs);
    // A question is a subject even when nothing answered it; help or a list of feeds is not.
    const aboutStory = parse.command.name === ASK_COMMAND || result.reply.citations.length > 0;
    const subject = aboutStory ? subjectOf(parse.command, parse.options) : null;
    const concepts = subject ? await withQuestionEntities(view, (index) => conceptsOf(subject, index)) : [];
    return { result, facts: { command: parse.command.name, options: parse.options, subject, concepts } };
  };
  switch (followUp.kind) {
    case 'stand-alone':
      return plain(parsed);
    case 'text':
      return plain(parseChatText(followUp.text, commands), followUp.readAs);
    case 'unclear':
      return {
        result: {
          reply: { parts: [], citations: [], notice: followUp.message, ephemeral: true },
          outcome: 'user-error',
          code: followUp.code,
          command: null,
          ms: 0,
        },
      };
    case 'run': {
      const found = commands.find((c) => c.name === followUp.command);
      if (!found) return plain(parsed);
      const command = followUp.nearby ? nearbyFirst(found, followUp) : found;
      const dispatched = await dispatch(command, followUp.options, { ...context, focus: followUp.focus });
      // "more" with nothing new: say so, rather than "nothing on that" about a question that was answered.
      const exhausted = followUp.continues && dispatched.outcome === 'ok' && dispatched.reply.parts.length === 0;
      const result = exhausted
        ? { ...dispatched, reply: { ...dispatched.reply, notice: `That is all I found on “${followUp.subject}”.` } }
        : withReadAs(dispatched, followUp.readAs);
      const last = [...turns].reverse().find((t) => t.subject !== null);
      return {
        result,
        facts: {
          command: command.name,
          options: followUp.options,
          subject: followUp.subject,
          concepts: followUp.concepts,
          ...(followUp.period ? { period: followUp.period } : {}),
          ...(followUp.continues && last ? { continues: last } : {}),
        },
      };
    }
    case 'source': {
      const source = followUp.source;
      const command = internal('source', (view) => composeSource(source, view));
      const cited = [...turns].reverse().find((t) => t.sources.length > 0);
      return {
        result: await dispatch(command, {}, context),
        facts: { command: 'sources', options: {}, subject: null, concepts: [], keepSources: cited?.sources ?? [] },
      };
    }
    case 'next-quote': {
      const { speaker, from, seen } = followUp;
      const command = internal('next-quote', (view) => composeNextQuote(speaker, from, seen, view));
      return {
        result: await dispatch(command, {}, context),
        facts: { command: 'quote', options: { speaker: speaker.name }, subject: null, concepts: [], about: [speaker] },
      };
    }
  }
}

/**
 * "why?" and its kind: the answer near the last answer's sources when one is there, else the
 * command itself (ask) over the whole story, under the same name.
 */
function nearbyFirst(ask: CommandDefinition, followUp: Extract<FollowUp, { kind: 'run' }>): CommandDefinition {
  const question = String(followUp.options.question ?? followUp.subject);
  return {
    ...ask,
    async run(options, context) {
      const view = storyViewFor(context.store);
      const request = {
        question,
        kind: (await readQuestion(question, view)).answer,
        subject: followUp.concepts.map((c) => c.label).join(' '),
        from: followUp.nearby ?? [],
        exclude: followUp.focus.exclude ?? new Set<string>(),
      };
      return (await answerNearby(request, view)) ?? ask.run(options, context);
    },
  };
}

/** A follow-up that is not a command of its own ("source 2", "what did he say next?"), dispatched like one. */
function internal(name: string, compose: (view: ReturnType<typeof storyViewFor>) => Promise<Reply>): CommandDefinition {
  return { name, description: name, options: [], examples: [], surfaces: [], run: (_options, { store }) => compose(storyViewFor(store)) };
}

/** A command's free text with its pronouns read: "quote him" after a question about Tom Brown. */
function pronounsInOptions(command: CommandDefinition, options: ParsedOptions, turns: readonly Turn[], index: QuestionIndex): FollowUp {
  const rest = command.options.find((o) => o.rest && o.type === 'string');
  const value = rest ? options[rest.name] : undefined;
  if (!rest || typeof value !== 'string' || turns.length === 0) return { kind: 'stand-alone' };
  const reading = readPronouns(value, turns);
  if (reading.resolved.length === 0) return { kind: 'stand-alone' };
  const readAs = reading.resolved.map((r) => `“${r.word}” as ${r.entity.name}`).join(', ');
  const subject = reading.text;
  return {
    kind: 'run',
    command: command.name,
    options: { ...options, [rest.name]: subject },
    readAs: `Reading ${readAs}.`,
    focus: {},
    subject,
    concepts: conceptsOf(subject, index),
  };
}

/** What a turn is about: the command's free text, else its first text option. */
function subjectOf(command: CommandDefinition, options: ParsedOptions): string | null {
  const rest = command.options.find((o) => o.rest);
  const value = rest ? options[rest.name] : undefined;
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  const first = command.options.map((o) => options[o.name]).find((v): v is string => typeof v === 'string' && v.trim() !== '');
  return first?.trim() ?? null;
}

/** The reply with a line saying how a follow-up was read, before anything else it notes. */
function withReadAs(result: DispatchResult, readAs: string | undefined): DispatchResult {
  if (!readAs || result.outcome !== 'ok') return result;
  const notice = [readAs, result.reply.notice].filter(Boolean).join(' ');
  return { ...result, reply: { ...result.reply, notice } };
}
