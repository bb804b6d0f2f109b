/**
 * Messages addressed to the bot: a mention in a server channel (answered as a reply to it,
 * without pinging its author) and any direct message. The words go through `dispatchText`,
 * so plain words are a question and a command name runs that command. Messages from bots,
 * the bot itself included, are ignored, as is everything in channels that does not mention it.
 */
import type { Message, SendableChannels } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import { contextFor, dispatchText, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { DiscordMessage } from '../../render/discord-embeds.ts';
import { answerSession, type AnswerOutlet } from '../answer-session.ts';
import { discordSession, sendable } from './discord-messages.ts';
import { messageInvoker } from './invoker.ts';
import { stripBotMention } from './mention-text.ts';
import { errorFields } from './log-fields.ts';

export interface MessageDeps {
  /** The commands offered in chats. */
  readonly commands: readonly CommandDefinition[];
  readonly services: Services;
  readonly log: Logger;
  readonly progressIntervalMs: number;
}

/** Whether the bot should answer `message`: a person's DM, or a person's message mentioning the bot. */
export function isAddressedToBot(message: Message, botId: string): boolean {
  if (message.author.bot || message.system || message.webhookId !== null) return false;
  return !message.inGuild() || message.mentions.users.has(botId);
}

/** Answers one message addressed to the bot; does nothing for any other message. */
export async function handleMessage(message: Message, deps: MessageDeps): Promise<void> {
  const botId = message.client.user.id;
  const channel = message.channel;
  // A group DM is the one text channel a bot cannot send to; it is never addressed to one.
  if (!isAddressedToBot(message, botId) || !channel.isSendable()) return;
  const text = stripBotMention(message.content, botId);
  const context = contextFor(deps.services, messageInvoker(message));
  await answerSession(
    messageOutlet(message, channel, deps.log),
    (progress) => dispatchText(text, deps.commands, { ...context, progress }),
    discordSession(deps.log, message.inGuild() ? 'mention' : 'dm', deps.progressIntervalMs),
  );
}

/**
 * In a server channel the first message is a reply to the question (the asker is not pinged);
 * in a DM it is a plain message. A preview is that first message, edited as the answer grows.
 */
function messageOutlet(question: Message, channel: SendableChannels, log: Logger): AnswerOutlet<DiscordMessage> {
  const inGuild = question.inGuild();
  let first: Message | undefined;
  const send = (message: DiscordMessage) => channel.send(sendable(message));
  const showFirst = async (message: DiscordMessage) => {
    if (first) {
      await first.edit({ ...sendable(message), content: message.content ?? '' });
      return;
    }
    first = inGuild ? await question.reply({ ...sendable(message), allowedMentions: { parse: [], repliedUser: false } }) : await send(message);
  };
  return {
    // Typing shows for up to ten seconds or until the answer arrives; it is only a courtesy.
    async acknowledge() {
      channel.sendTyping().catch((error: unknown) => log.debug(errorFields(error), 'could not show typing'));
    },
    preview: showFirst,
    async deliver(messages) {
      const [head, ...rest] = messages;
      await showFirst(head!);
      for (const message of rest) await send(message);
    },
    async apologise(message) {
      await send(message);
    },
  };
}
