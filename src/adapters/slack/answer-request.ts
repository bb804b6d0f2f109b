/**
 * Answering one Slack request once it has been acknowledged: who asked (and whether they may
 * manage the channel), the message run in its conversation (`converse`, so follow-ups are read
 * against the thread's earlier turns) with a `progress` hook that edits a "working…" message,
 * and the reply delivered through the request's target: at most `messageCap` messages, with
 * 👍 / 👎 and "More" buttons under them when the answer is kept for them.
 * Whatever fails here is logged once and never escapes to Bolt: the adapter keeps serving.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { CommandDefinition, Invoker } from '../../core/command.ts';
import { converse, type ConversationSettings } from '../../core/conversation/converse.ts';
import { contextFor, hintReply, parseCommandText, problemResult, type DispatchResult, type Services } from '../../core/dispatch.ts';
import type { CommandContext } from '../../core/command.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { keepAnswer } from '../answer-pages.ts';
import { slackAnswerPage } from './answer-buttons.ts';
import type { ManagerCheck } from './permissions.ts';
import { ReplySession, type ReplyTarget, type SessionTiming } from './reply-session.ts';
import { describeSlackFailure } from './slack-errors.ts';

/** What the user asked for. */
export type Ask =
  /** A line typed in a chat (a mention, a DM, `/briefbot COMMAND …`): parsed by `dispatchText`. */
  | { readonly kind: 'text'; readonly text: string }
  /** A command named by its slash command, with the text typed after it. */
  | { readonly kind: 'command'; readonly command: CommandDefinition; readonly text: string }
  /** A reply the adapter has already decided (a command that no longer exists). */
  | { readonly kind: 'reply'; readonly reply: Reply; readonly code: string };

/** Who asked, where, and how it arrived (for the log). */
export interface Asker {
  readonly via: 'slash-command' | 'mention' | 'direct-message';
  readonly user: string;
  readonly channel: string;
  readonly team: string | null;
  /**
   * The conversation the message belongs to (a thread, a DM, a person's slash commands in a
   * channel): follow-ups are read against it. Null for none.
   */
  readonly conversation: string | null;
}

export interface AnswerDeps {
  /** The chat commands offered on Slack. */
  readonly commands: readonly CommandDefinition[];
  readonly services: Services;
  readonly managers: ManagerCheck;
  readonly timing: SessionTiming;
  readonly log: Logger;
  /** How long a conversation may stay idle before its context is forgotten. */
  readonly conversation: ConversationSettings;
  /** How many messages one answer becomes before a "More" button (at most 4: a response_url takes five posts). */
  readonly messageCap: number;
}

/**
 * Runs what was asked and delivers the reply to `target`; resolves when the answer has been
 * delivered (or its failure logged). Logs one `answered` line with the command and the
 * milliseconds from acknowledgement to delivery.
 */
export async function answerRequest(ask: Ask, asker: Asker, target: ReplyTarget, deps: AnswerDeps): Promise<void> {
  const started = performance.now();
  const log = deps.log;
  const session = new ReplySession(target, deps.timing, log);
  let result: Pick<DispatchResult, 'reply' | 'outcome' | 'command' | 'code' | 'errorId'>;
  try {
    const invoker: Invoker = {
      platform: 'slack',
      user: asker.user,
      channel: asker.channel,
      workspace: asker.team,
      canManageChannel: await deps.managers.canManage(asker.user),
    };
    const context: CommandContext = { ...contextFor(deps.services, invoker), progress: session.progress };
    result = await run(ask, deps.commands, context, asker.conversation, deps.conversation);
  } catch (error) {
    const errorId = randomUUID().replace(/-/g, '').slice(0, 8);
    log.error({ err: error instanceof Error ? { message: error.message, stack: error.stack } : String(error), errorId, via: asker.via }, 'handling a Slack request failed');
    result = { reply: apology(errorId), outcome: 'internal-error', command: null, code: 'internal', errorId };
  }
  let delivered = true;
  try {
    const answer =
      result.outcome === 'ok'
        ? await keepAnswer(deps.services, { platform: 'slack', conversation: asker.conversation, command: result.command, question: questionOf(ask), reply: result.reply })
        : null;
    await session.finish(result.reply, slackAnswerPage(result.reply, answer, 0, deps.messageCap));
  } catch (error) {
    delivered = false;
    session.cancel();
    log.error({ ...describeSlackFailure(error), via: asker.via, command: result.command }, 'could not deliver the answer');
  }
  const ms = Math.round(performance.now() - started);
  log.info(
    { via: asker.via, command: result.command, ms, outcome: result.outcome, delivered, ...(result.code ? { code: result.code } : {}), ...(result.errorId ? { errorId: result.errorId } : {}) },
    'answered',
  );
}

async function run(
  ask: Ask,
  commands: readonly CommandDefinition[],
  context: CommandContext,
  conversation: string | null,
  settings: ConversationSettings,
): Promise<Pick<DispatchResult, 'reply' | 'outcome' | 'command' | 'code' | 'errorId'>> {
  switch (ask.kind) {
    case 'text':
      return converse({ kind: 'text', text: ask.text }, conversation, commands, context, settings);
    case 'reply':
      return { reply: ask.reply, outcome: 'user-error', command: null, code: ask.code };
    case 'command': {
      const parsed = parseCommandText(ask.command, ask.text, commands);
      if (parsed.kind === 'command') return converse({ kind: 'command', command: parsed.command, options: parsed.options }, conversation, commands, context, settings);
      if (parsed.kind === 'empty') return { reply: hintReply(commands), outcome: 'ok', command: ask.command.name };
      return { ...problemResult(parsed.problem), command: ask.command.name };
    }
  }
}

/** What was asked, as the feedback report shows it. */
function questionOf(ask: Ask): string | null {
  if (ask.kind === 'text') return ask.text;
  if (ask.kind === 'command') return `${ask.command.name} ${ask.text}`.trim();
  return null;
}

function apology(errorId: string): Reply {
  return {
    parts: [],
    citations: [],
    notice: `Sorry, something went wrong while answering (error ${errorId}). It has been logged; please try again, and mention the error id if it keeps happening.`,
    ephemeral: true,
  };
}
