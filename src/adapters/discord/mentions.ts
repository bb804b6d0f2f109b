/**
 * Messages addressed to the bot: a mention in a server channel (answered as a reply to it,
 * without pinging its author) and any direct message. The words are read in their
 * conversation (a DM, a thread, a reply chain: see conversation-keys.ts), so plain words are
 * a question, "why?" follows on from the last answer, and a command name runs that command. Messages from bots,
 * the bot itself included, are ignored, as is everything in channels that does not mention it.
 */
import type { Message, SendableChannels } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import { converse, type ConversationSettings } from '../../core/conversation/converse.ts';
import { contextFor, type Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { DiscordMessage } from '../../render/discord-embeds.ts';
import { keepAnswer } from '../answer-pages.ts';
import { answerSession, type AnswerOutlet } from '../answer-session.ts';
import { discordAnswerPage } from './answer-buttons.ts';
import { messageConversation } from './conversation-keys.ts';
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
  readonly conversation: ConversationSettings;
  /** Messages one answer becomes before a "More" button. */
  readonly messageCap: number;
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
  const { store, clock } = deps.services;
  const key = await messageConversation(message, store.conversations).catch((error: unknown) => {
    deps.log.warn(errorFields(error), 'could not find the conversation of a message; answering it on its own');
    return null;
  });
  // A reply to the question or to any message of the answer goes on in this conversation.
  const link = async (ids: readonly string[]) => {
    if (key === null) return;
    const at = clock.now().toISOString();
    for (const id of [message.id, ...ids]) await store.conversations.linkMessage(id, key, at);
  };
  await answerSession(
    messageOutlet(message, channel, deps.log, link),
    (progress) => converse({ kind: 'text', text }, key, deps.commands, { ...context, progress }, deps.conversation),
    {
      ...discordSession(deps.log, message.inGuild() ? 'mention' : 'dm', deps.progressIntervalMs),
      messagesFor: async (result) => {
        const answer =
          result.outcome === 'ok'
            ? await keepAnswer(deps.services, { platform: 'discord', conversation: key, command: result.command, question: text, reply: result.reply })
            : null;
        return discordAnswerPage(result.reply, answer, 0, deps.messageCap);
      },
    },
  );
}

/**
 * In a server channel the first message is a reply to the question (the asker is not pinged);
 * in a DM it is a plain message. A preview is that first message, edited as the answer grows.
 */
function messageOutlet(
  question: Message,
  channel: SendableChannels,
  log: Logger,
  link: (ids: readonly string[]) => Promise<void>,
): AnswerOutlet<DiscordMessage> {
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
      const ids = first ? [first.id] : [];
      for (const message of rest) ids.push((await send(message)).id);
      await link(ids).catch((error: unknown) => log.warn(errorFields(error), 'could not link the answer to its conversation'));
    },
    async apologise(message) {
      await send(message);
    },
  };
}
