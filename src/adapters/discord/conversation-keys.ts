/**
 * The conversation a Discord message belongs to: a direct message channel, a thread, or a
 * reply chain in a server channel, which starts at a mention and goes on through every reply
 * to the bot's answers (and to the question), found through the message links the store keeps.
 */
import type { ChatInputCommandInteraction, Message } from 'discord.js';
import type { ConversationStore } from '../../core/ports/conversation-store.ts';

/**
 * The key of a message's conversation.
 * @example a reply to the bot's answer to message 555 in channel 42 of guild 7 → 'discord:7:42:555'
 * @example a direct message in DM channel 99 → 'discord:dm:99'
 */
export async function messageConversation(message: Message, store: ConversationStore): Promise<string> {
  if (!message.inGuild()) return `discord:dm:${message.channelId}`;
  const replyTo = message.reference?.messageId;
  if (replyTo) {
    const known = await store.conversationOfMessage(replyTo);
    if (known) return known;
  }
  if (message.channel.isThread()) return `discord:${message.guildId}:${message.channelId}`;
  return `discord:${message.guildId}:${message.channelId}:${replyTo ?? message.id}`;
}

/** A person's slash commands in one channel are one conversation: they have no thread of their own. */
export function interactionConversation(interaction: Pick<ChatInputCommandInteraction, 'guildId' | 'channelId' | 'user'>): string {
  return `discord:${interaction.guildId ?? 'dm'}:${interaction.channelId}:user:${interaction.user.id}`;
}
