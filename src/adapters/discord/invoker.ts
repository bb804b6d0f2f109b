/**
 * Who asked, and where, as the core sees it: the user, the channel, the server, and whether
 * Discord says they may manage that channel (Manage Channels there, overwrites included).
 * In a DM the user manages their own conversation with the bot.
 */
import { PermissionFlagsBits, type Interaction, type Message } from 'discord.js';
import type { Invoker } from '../../core/command.ts';

/** For a slash command or autocomplete: Discord sends the member's permissions in the channel. */
export function interactionInvoker(interaction: Interaction): Invoker {
  const inGuild = interaction.inGuild();
  return {
    platform: 'discord',
    user: interaction.user.id,
    channel: interaction.channelId,
    workspace: interaction.guildId,
    canManageChannel: inGuild ? (interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false) : true,
  };
}

/** For a message: computed from the cached roles and the channel's overwrites. */
export function messageInvoker(message: Message): Invoker {
  let canManageChannel = true;
  if (message.inGuild()) {
    const member = message.member;
    const permissions = member ? message.channel.permissionsFor(member) : null;
    canManageChannel = permissions?.has(PermissionFlagsBits.ManageChannels) ?? false;
  }
  return {
    platform: 'discord',
    user: message.author.id,
    channel: message.channelId,
    workspace: message.guildId,
    canManageChannel,
  };
}
