/**
 * Answering one Slack request: who asked (and whether they may manage the channel), the message
 * run in its conversation (`converse`: follow-ups are read against the thread's earlier turns),
 * all inside the answer session every chat platform shares (acknowledge, preview, deliver,
 * apologise with an id). Slack's part is where messages go (the request's `ReplyTarget`), its
 * "Working on it…" message, its Block Kit rendering, and one page of a long answer at a time
 * (at most `messageCap` messages) with 👍 / 👎 and "More" buttons under it.
 * Whatever fails here is logged once and never escapes to Bolt: the adapter keeps serving.
 */
import type { CommandContext, CommandDefinition, Invoker } from '../../core/command.ts';
import { converse, type ConversationSettings } from '../../core/conversation/converse.ts';
import { contextFor, hintReply, parseCommandText, problemResult, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderSlack, type SlackMessage } from '../../render/slack-blocks.ts';
import { keepAnswer } from '../answer-pages.ts';
import { answerSession, type AnswerOutlet, type AnswerResult } from '../answer-session.ts';
import { slackAnswerPage } from './answer-buttons.ts';
import type { ManagerCheck } from './permissions.ts';
import type { ReplyTarget } from './reply-targets.ts';
import { describeSlackFailure } from './slack-errors.ts';
import { workingMessage } from './working-message.ts';

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

export interface SessionTiming {
  /** A command still running after this long gets a "working…" message. */
  readonly workingAfterMs: number;
  /** At most one update of the working message per this many milliseconds. */
  readonly progressEveryMs: number;
}

export interface AnswerDeps {
  /** The chat commands offered on Slack. */
  readonly commands: readonly CommandDefinition[];
  readonly services: Services;
  readonly managers: ManagerCheck;
  readonly timing: SessionTiming;
  readonly log: Logger;
  /** Told of each call to Slack that failed: it may mean Slack is away (see slack-connection.ts). */
  readonly suspect?: (error: unknown) => void;
  /** How long a conversation may stay idle before its context is forgotten. */
  readonly conversation: ConversationSettings;
  /** How many messages one answer becomes before a "More" button (at most 4: a response_url takes five posts). */
  readonly messageCap: number;
}

/**
 * Acknowledges the request with `acknowledge` (a slash command's `ack()`; events are acked by
 * Bolt), runs what was asked and delivers the reply to `target`. Resolves when the answer has
 * been delivered or its failure logged; never rejects.
 */
export async function answerRequest(
  ask: Ask,
  asker: Asker,
  target: ReplyTarget,
  deps: AnswerDeps,
  acknowledge: () => Promise<void> = async () => {},
): Promise<void> {
  await answerSession(
    slackOutlet(target, acknowledge, deps.suspect ?? (() => {})),
    async (progress) => {
      const invoker: Invoker = {
        platform: 'slack',
        user: asker.user,
        channel: asker.channel,
        workspace: asker.team,
        canManageChannel: await deps.managers.canManage(asker.user),
      };
      return run(ask, deps.commands, { ...contextFor(deps.services, invoker), progress }, asker.conversation, deps.conversation);
    },
    {
      render: renderSlack,
      messagesFor: async (result) => {
        const answer =
          result.outcome === 'ok'
            ? await keepAnswer(deps.services, {
                platform: 'slack',
                conversation: asker.conversation,
                command: result.command,
                question: questionOf(ask),
                reply: result.reply,
              })
            : null;
        return slackAnswerPage(result.reply, answer, 0, deps.messageCap);
      },
      preview: workingMessage,
      workingAfterMs: deps.timing.workingAfterMs,
      previewEveryMs: deps.timing.progressEveryMs,
      log: deps.log,
      via: asker.via,
      describeError: describeSlackFailure,
    },
  );
}

function slackOutlet(target: ReplyTarget, acknowledge: () => Promise<void>, suspect: (error: unknown) => void): AnswerOutlet<SlackMessage> {
  const told = async (send: () => Promise<void>): Promise<void> => {
    try {
      await send();
    } catch (error) {
      suspect(error);
      throw error;
    }
  };
  return {
    acknowledge,
    preview: (message) => told(() => target.showWorking(message)),
    deliver: (messages, reply) => told(() => target.deliver(messages, reply.ephemeral === true)),
    apologise: (message) => target.deliver([message], true),
  };
}

async function run(
  ask: Ask,
  commands: readonly CommandDefinition[],
  context: CommandContext,
  conversation: string | null,
  settings: ConversationSettings,
): Promise<AnswerResult> {
  switch (ask.kind) {
    case 'text':
      return converse({ kind: 'text', text: ask.text }, conversation, commands, context, settings);
    case 'reply':
      return { reply: ask.reply, outcome: 'user-error', command: null, code: ask.code };
    case 'command': {
      const parsed = parseCommandText(ask.command, ask.text, commands);
      if (parsed.kind === 'command')
        return converse({ kind: 'command', command: parsed.command, options: parsed.options }, conversation, commands, context, settings);
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
