/**
 * The fake's records as Discord's API v10 JSON: users, members, roles, channels, guilds,
 * messages. discord.js builds its caches from these, so every field it reads is present.
 */
import { mentionedRoleIds, mentionedUserIds } from './mentions.ts';
import { attachmentId } from './message-store.ts';
import type { ChannelRecord, DiscordState, GuildRecord, MemberRecord, MessageRecord, RoleRecord, UserRecord } from './state.ts';
import type { Json, JsonObject } from './types.ts';

export function userJson(user: UserRecord): JsonObject {
  return {
    id: user.id,
    username: user.username,
    discriminator: '0',
    global_name: user.globalName,
    avatar: null,
    ...(user.bot ? { bot: true } : {}),
    public_flags: 0,
    flags: 0,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
  };
}

export function memberJson(state: DiscordState, member: MemberRecord, withUser: boolean): JsonObject {
  const user = state.users.get(member.userId);
  return {
    ...(withUser && user ? { user: userJson(user) } : {}),
    nick: member.nick,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    deaf: false,
    mute: false,
    pending: false,
    flags: 0,
    communication_disabled_until: null,
  };
}

export function roleJson(role: RoleRecord): JsonObject {
  return {
    id: role.id,
    name: role.name,
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: role.position,
    permissions: role.permissions.toString(),
    managed: role.botId !== undefined,
    mentionable: false,
    flags: 0,
    ...(role.botId ? { tags: { bot_id: role.botId } } : {}),
  };
}

export function channelJson(state: DiscordState, channel: ChannelRecord): JsonObject {
  if (channel.type === 1) {
    const recipient = state.users.get(channel.recipientId ?? '');
    return {
      id: channel.id,
      type: 1,
      last_message_id: channel.lastMessageId,
      flags: 0,
      recipients: recipient ? [userJson(recipient)] : [],
    };
  }
  return {
    id: channel.id,
    type: channel.type,
    guild_id: channel.guildId ?? null,
    name: channel.name,
    position: channel.position,
    parent_id: channel.parentId,
    topic: channel.topic,
    nsfw: false,
    permission_overwrites: channel.overwrites.map((o) => ({
      id: o.id,
      type: o.type,
      allow: o.allow.toString(),
      deny: o.deny.toString(),
    })),
    last_message_id: channel.lastMessageId,
    rate_limit_per_user: 0,
    flags: 0,
  };
}

export function guildJson(_state: DiscordState, guild: GuildRecord): JsonObject {
  return {
    id: guild.id,
    name: guild.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: guild.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 1,
    default_message_notifications: 1,
    explicit_content_filter: 2,
    roles: [...guild.roles.values()].map(roleJson),
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: guild.channelIds[0] ?? null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    premium_tier: 0,
    premium_subscription_count: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    max_members: 500000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
  };
}

/** GUILD_CREATE's payload: the guild plus what makes discord.js cache its channels and members. */
export function guildCreateJson(state: DiscordState, guild: GuildRecord): JsonObject {
  const channels = guild.channelIds.map((id) => state.channels.get(id)!).filter((c) => !c.unknown);
  return {
    ...guildJson(state, guild),
    joined_at: guild.joinedAt,
    large: false,
    unavailable: false,
    lazy: true,
    member_count: guild.members.size,
    members: [...guild.members.values()].map((m) => memberJson(state, m, true)),
    channels: channels.map((c) => {
      // Channels inside GUILD_CREATE carry no guild_id, as on the real gateway.
      const { guild_id: _omitted, ...rest } = channelJson(state, c) as Record<string, Json>;
      return rest;
    }),
    threads: [],
    presences: [],
    voice_states: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
    embedded_activities: [],
    activity_instances: [],
  };
}

/**
 * A message as REST returns it and MESSAGE_CREATE carries it. `withMember` adds the author's
 * guild member (gateway only); mentions list the users the content notifies.
 */
export function messageJson(
  state: DiscordState,
  message: MessageRecord,
  options: { readonly withMember?: boolean; readonly nested?: boolean } = {},
): JsonObject {
  const { withMember = false, nested = false } = options;
  const author = state.ensureUser(message.authorId);
  const guild = message.guildId ? state.guilds.get(message.guildId) : undefined;
  const member = guild?.members.get(message.authorId);
  // A user's own message mentions whoever it names; the bot's reflect allowed_mentions.
  const mentioned = message.source === 'user' ? mentionedUserIds(message.content) : message.pings.users;
  const mentions = mentioned.map((id) => {
    const user = state.ensureUser(id);
    const mentionedMember = guild?.members.get(id);
    return { ...userJson(user), ...(mentionedMember ? { member: memberJson(state, mentionedMember, false) } : {}) };
  });
  const reference = message.messageReference;
  const referenced = reference ? state.messages.get(String(reference.message_id)) : undefined;
  return {
    id: message.id,
    channel_id: message.channelId,
    ...(message.guildId ? { guild_id: message.guildId } : {}),
    author: userJson(author),
    ...(withMember && member ? { member: memberJson(state, member, false) } : {}),
    content: message.content,
    timestamp: new Date(message.createdAt).toISOString(),
    edited_timestamp: message.editedAt ? new Date(message.editedAt).toISOString() : null,
    tts: false,
    mention_everyone: message.source === 'user' ? /@(everyone|here)\b/.test(message.content) : message.pings.everyone,
    mentions,
    mention_roles: message.source === 'user' ? mentionedRoleIds(message.content) : [...message.pings.roles],
    attachments: message.attachments.map((file, index) => ({
      id: attachmentId(message.id, index),
      filename: file.filename,
      size: file.size,
      content_type: file.contentType,
      url: `https://cdn.invalid/attachments/${message.channelId}/${message.id}/${file.filename}`,
      proxy_url: `https://media.invalid/attachments/${message.channelId}/${message.id}/${file.filename}`,
    })),
    embeds: [...message.embeds],
    components: [...message.components],
    pinned: false,
    ...(message.nonce !== undefined ? { nonce: message.nonce } : {}),
    type: message.type,
    flags: message.flags,
    ...(message.webhookId ? { webhook_id: message.webhookId, application_id: state.applicationId } : {}),
    ...(reference ? { message_reference: { type: 0, ...reference } } : {}),
    // Discord nests the replied-to message one level deep, never further.
    ...(reference && !nested ? { referenced_message: referenced ? messageJson(state, referenced, { nested: true }) : null } : {}),
    ...(message.interactionId ? { interaction_metadata: interactionMetadata(state, message.interactionId) } : {}),
  };
}

function interactionMetadata(state: DiscordState, interactionId: string): JsonObject {
  const interaction = state.interactions.get(interactionId);
  const user = state.ensureUser(interaction?.userId ?? state.botUserId);
  return {
    id: interactionId,
    type: 2,
    name: interaction?.name ?? '',
    command_type: interaction?.commandType ?? 1,
    user: userJson(user),
    authorizing_integration_owners: { '0': interaction?.guildId ?? '0' },
  };
}
