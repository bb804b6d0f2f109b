/**
 * A slash command, from the interaction to the answer, through the answer session every chat
 * platform shares, in the asker's conversation in that channel (so "/ask why?" follows on). Discord allows three seconds for the first response, so the interaction is
 * deferred before any work (privately for commands that answer only the asker); the answer then
 * replaces the "thinking…" message, further messages follow it. Problems found without running
 * anything (a command that no longer exists, an option out of range) are answered at once,
 * privately.
 */
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import { converse, type ConversationSettings } from '../../core/conversation/converse.ts';
import { contextFor, HELP_COMMAND, problemResult, validateOptions, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { DiscordMessage } from '../../render/discord-embeds.ts';
import { keepAnswer } from '../answer-pages.ts';
import { answerSession, type AnswerOutlet, type AnswerResult } from '../answer-session.ts';
import { discordAnswerPage } from './answer-buttons.ts';
import { interactionConversation } from './conversation-keys.ts';
import { discordSession, sendable } from './discord-messages.ts';
import { rawInteractionOptions } from './interaction-options.ts';
import { interactionInvoker } from './invoker.ts';

/** Commands whose answer is for the asker alone: help is not news for the channel. */
const PRIVATE_COMMANDS: ReadonlySet<string> = new Set([HELP_COMMAND]);

export interface SlashDeps {
  /** The commands offered, by their Discord name. */
  readonly commands: ReadonlyMap<string, CommandDefinition>;
  readonly services: Services;
  readonly log: Logger;
  readonly progressIntervalMs: number;
  readonly conversation: ConversationSettings;
  /** Messages one answer becomes before a "More" button. */
  readonly messageCap: number;
}

/** Answers one slash command. Resolves when every message is posted or the failure is logged. */
export async function handleSlashCommand(interaction: ChatInputCommandInteraction, deps: SlashDeps): Promise<void> {
  const { log } = deps;
  const session = discordSession(log, 'slash', deps.progressIntervalMs);
  const command = deps.commands.get(interaction.commandName);
  if (!command) {
    log.info({ command: interaction.commandName, outcome: 'user-error', code: 'unknown-command' }, 'dispatched');
    const names = [...deps.commands.keys()].map((name) => `/${name}`).join(', ');
    const result: AnswerResult = {
      reply: {
        parts: [],
        citations: [],
        notice: `The command /${interaction.commandName} no longer exists. Commands: ${names}${deps.commands.has(HELP_COMMAND) ? ' (/help explains each).' : '.'}`,
      },
      outcome: 'user-error',
      command: interaction.commandName,
      code: 'unknown-command',
    };
    await answerSession(immediateOutlet(interaction), async () => result, session);
    return;
  }
  const hint = deps.commands.has(HELP_COMMAND) ? ` (see /help ${command.name})` : '';
  const validation = validateOptions(command, rawInteractionOptions(command, interaction.options.data), hint);
  if (!validation.ok) {
    const result = { ...problemResult(validation.problem), command: command.name };
    log.info({ command: command.name, ms: 0, outcome: result.outcome, code: result.code }, 'dispatched');
    await answerSession(immediateOutlet(interaction), async () => result, session);
    return;
  }
  const privately = PRIVATE_COMMANDS.has(command.name);
  const context = contextFor(deps.services, interactionInvoker(interaction));
  const key = interactionConversation(interaction);
  const question = [command.name, ...Object.values(validation.options).filter((v): v is string => typeof v === 'string')].join(' ');
  await answerSession(
    deferredOutlet(interaction, privately),
    (progress) =>
      converse({ kind: 'command', command, options: validation.options }, key, [...deps.commands.values()], { ...context, progress }, deps.conversation),
    {
      ...session,
      messagesFor: async (result) => {
        const answer =
          result.outcome === 'ok' && !privately
            ? await keepAnswer(deps.services, { platform: 'discord', conversation: key, command: result.command, question, reply: result.reply })
            : null;
        return discordAnswerPage(result.reply, answer, 0, deps.messageCap);
      },
    },
  );
}

/** A private answer given as the first response: nothing runs, so nothing is deferred. */
function immediateOutlet(interaction: ChatInputCommandInteraction): AnswerOutlet<DiscordMessage> {
  const privateFollowUp = (message: DiscordMessage) => interaction.followUp({ ...sendable(message), flags: MessageFlags.Ephemeral });
  return {
    acknowledge: async () => {},
    preview: async () => {},
    async deliver([first, ...rest]) {
      await interaction.reply({ ...sendable(first!), flags: MessageFlags.Ephemeral });
      for (const message of rest) await privateFollowUp(message);
    },
    async apologise(message) {
      await (interaction.replied ? privateFollowUp(message) : interaction.reply({ ...sendable(message), flags: MessageFlags.Ephemeral }));
    },
  };
}

/**
 * The deferred response and its follow-ups. A private answer (a user error, an apology)
 * after a public defer replaces the public "thinking…" message with private ones, since a
 * deferred response cannot change who sees it.
 */
function deferredOutlet(interaction: ChatInputCommandInteraction, deferredPrivately: boolean): AnswerOutlet<DiscordMessage> {
  const edit = (message: DiscordMessage) => interaction.editReply({ ...sendable(message), content: message.content ?? '' });
  const privateFollowUp = (message: DiscordMessage) => interaction.followUp({ ...sendable(message), flags: MessageFlags.Ephemeral });
  return {
    async acknowledge() {
      await interaction.deferReply(deferredPrivately ? { flags: MessageFlags.Ephemeral } : {});
    },
    async preview(message) {
      await edit(message);
    },
    async deliver(messages, reply) {
      if (reply.ephemeral && !deferredPrivately) {
        await interaction.deleteReply();
        for (const message of messages) await privateFollowUp(message);
        return;
      }
      const [first, ...rest] = messages;
      await edit(first!);
      for (const message of rest) {
        await (deferredPrivately ? privateFollowUp(message) : interaction.followUp(sendable(message)));
      }
    },
    async apologise(message) {
      await privateFollowUp(message);
    },
  };
}
