/**
 * Answering one Slack request: who asked (and whether they may manage the channel), the command
 * run through the core's `dispatch`, all inside the answer session every chat platform shares
 * (acknowledge, preview, deliver, apologise with an id). Slack's part is where messages go (the
 * request's `ReplyTarget`), its "Working on it…" message, and its Block Kit rendering.
 * Whatever fails here is logged once and never escapes to Bolt: the adapter keeps serving.
 */
import type { CommandContext, CommandDefinition, Invoker } from '../../core/command.ts';
import { contextFor, dispatch, dispatchText, hintReply, parseCommandText, problemResult, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderSlack, type SlackMessage } from '../../render/slack-blocks.ts';
import { answerSession, type AnswerOutlet, type AnswerResult } from '../answer-session.ts';
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
      return run(ask, deps.commands, { ...contextFor(deps.services, invoker), progress });
    },
    {
      render: renderSlack,
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

async function run(ask: Ask, commands: readonly CommandDefinition[], context: CommandContext): Promise<AnswerResult> {
  switch (ask.kind) {
    case 'text':
      return dispatchText(ask.text, commands, context);
    case 'reply':
      return { reply: ask.reply, outcome: 'user-error', command: null, code: ask.code };
    case 'command': {
      const parsed = parseCommandText(ask.command, ask.text, commands);
      if (parsed.kind === 'command') return dispatch(parsed.command, parsed.options, context);
      if (parsed.kind === 'empty') return { reply: hintReply(commands), outcome: 'ok', command: ask.command.name };
      return { ...problemResult(parsed.problem), command: ask.command.name };
    }
  }
}
