/**
 * A slash command, from the interaction to the answer. Discord allows three seconds for the
 * first response, so the interaction is deferred before any work (privately for commands
 * that answer only the asker); the answer then replaces the "thinking…" message, further
 * messages follow it. Problems found without running anything (a command that no longer
 * exists, an option out of range) are answered at once, privately.
 */
import { performance } from 'node:perf_hooks';
import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import { converse, type ConversationSettings } from '../../core/conversation/converse.ts';
import { contextFor, HELP_COMMAND, problemResult, validateOptions, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord, type DiscordMessage } from '../../render/discord-embeds.ts';
import { keepAnswer } from '../answer-pages.ts';
import { answer, logAnswered, sendable, type AnswerOutlet } from './answer-flow.ts';
import { interactionConversation } from './conversation-keys.ts';
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

/** Answers one slash command. Resolves when every message is posted; rejects only if Discord refused the first response. */
export async function handleSlashCommand(interaction: ChatInputCommandInteraction, deps: SlashDeps): Promise<void> {
  const { log } = deps;
  const started = performance.now();
  const command = deps.commands.get(interaction.commandName);
  if (!command) {
    log.info({ command: interaction.commandName, outcome: 'user-error', code: 'unknown-command' }, 'dispatched');
    const names = [...deps.commands.keys()].map((name) => `/${name}`).join(', ');
    const messages = await replyAtOnce(interaction, {
      parts: [],
      citations: [],
      notice: `The command /${interaction.commandName} no longer exists. Commands: ${names}${deps.commands.has(HELP_COMMAND) ? ' (/help explains each).' : '.'}`,
    });
    logAnswered(log, { via: 'slash', started, delivered: true, messages }, { command: interaction.commandName, outcome: 'user-error', code: 'unknown-command' });
    return;
  }
  const hint = deps.commands.has(HELP_COMMAND) ? ` (see /help ${command.name})` : '';
  const validation = validateOptions(command, rawInteractionOptions(command, interaction.options.data), hint);
  if (!validation.ok) {
    const result = problemResult(validation.problem);
    log.info({ command: command.name, ms: 0, outcome: result.outcome, code: result.code }, 'dispatched');
    const messages = await replyAtOnce(interaction, result.reply);
    logAnswered(log, { via: 'slash', started, delivered: true, messages }, { ...result, command: command.name });
    return;
  }
  const privately = PRIVATE_COMMANDS.has(command.name);
  await interaction.deferReply(privately ? { flags: MessageFlags.Ephemeral } : {});
  const context = contextFor(deps.services, interactionInvoker(interaction));
  const key = interactionConversation(interaction);
  await answer(
    interactionOutlet(interaction, privately),
    (progress) => converse({ kind: 'command', command, options: validation.options }, key, [...deps.commands.values()], { ...context, progress }, deps.conversation),
    {
      progressIntervalMs: deps.progressIntervalMs,
      log,
      via: 'slash',
      cap: deps.messageCap,
      keep: (result) =>
        privately ? Promise.resolve(null) : keepAnswer(deps.services, { platform: 'discord', conversation: key, command: result.command, question: [command.name, ...Object.values(validation.options).filter((v): v is string => typeof v === 'string')].join(' '), reply: result.reply }),
    },
  );
}

/** A private answer given as the first response (no defer needed: nothing runs); resolves to the number of messages. */
async function replyAtOnce(interaction: ChatInputCommandInteraction, reply: Reply): Promise<number> {
  const [first, ...rest] = renderDiscord(reply);
  await interaction.reply({ ...sendable(first!), flags: MessageFlags.Ephemeral });
  for (const message of rest) await interaction.followUp({ ...sendable(message), flags: MessageFlags.Ephemeral });
  return 1 + rest.length;
}

/**
 * The deferred response and its follow-ups. A private answer (a user error, an apology)
 * after a public defer replaces the public "thinking…" message with private ones, since a
 * deferred response cannot change who sees it.
 */
function interactionOutlet(interaction: ChatInputCommandInteraction, deferredPrivately: boolean): AnswerOutlet {
  const edit = (message: DiscordMessage) => interaction.editReply({ ...sendable(message), content: message.content ?? '' });
  const privateFollowUp = (message: DiscordMessage) => interaction.followUp({ ...sendable(message), flags: MessageFlags.Ephemeral });
  return {
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
