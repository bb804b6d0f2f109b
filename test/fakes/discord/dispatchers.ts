/**
 * What a test makes happen on "Discord": a user posts a message (MESSAGE_CREATE) or runs a
 * slash command or types into an autocompleted option (INTERACTION_CREATE). Events go
 * only to sessions whose intents cover them, and message content is blanked without the
 * Message Content intent unless Discord would still show it (DMs, mentions of the bot).
 */
import { INTENTS, type FakeGateway } from './gateway.ts';
import { buildInteraction } from './interaction-payloads.ts';
import { computePings } from './mentions.ts';
import { messageJson } from './payloads.ts';
import { interactionToken } from './snowflake.ts';
import type { ChannelRecord, DiscordState, InteractionRecord, MessageRecord } from './state.ts';
import type { MessageEvent } from './routes-core.ts';
import { channelJson, memberJson, userJson } from './payloads.ts';
import type { ClickButtonInput, MessageTarget, SendInteractionInput, SendMessageInput, SentInteraction, SentMessage } from './types.ts';

const EPHEMERAL = 64;

/** The channel a test means: the user's DM with the bot, the named channel, or the default one. */
export function targetChannel(state: DiscordState, target: MessageTarget, userId: string): ChannelRecord {
  if (target.dm) return state.dmChannelFor(userId);
  const id = target.channelId ?? state.defaultChannelId();
  const channel = state.channels.get(id);
  if (!channel) throw new Error(`fake discord: no channel ${id}`);
  return channel;
}

export function dispatchUserMessage(state: DiscordState, gateway: FakeGateway, input: SendMessageInput): SentMessage {
  requireSession(gateway);
  const channel = targetChannel(state, input, input.authorId);
  state.ensureUser(input.authorId);
  if (channel.guildId && !state.guilds.get(channel.guildId)?.members.has(input.authorId)) {
    throw new Error(`fake discord: user ${input.authorId} is not a member of guild ${channel.guildId}`);
  }
  const content = input.mentionBot ? `<@${state.botUserId}> ${input.content}` : input.content;
  const replied = input.replyTo ? state.messages.get(input.replyTo) : undefined;
  const message: MessageRecord = {
    id: state.ids.next(),
    channelId: channel.id,
    guildId: channel.guildId,
    authorId: input.authorId,
    content,
    embeds: [],
    components: [],
    attachments: [],
    flags: 0,
    type: replied ? 19 : 0,
    allowedMentions: undefined,
    messageReference: replied ? { message_id: replied.id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) } : undefined,
    pings: computePings(content, undefined, replied !== undefined),
    source: 'user',
    interactionId: undefined,
    webhookId: undefined,
    createdAt: Date.now(),
    editedAt: undefined,
    edits: 0,
    deleted: false,
    nonce: undefined,
  };
  state.messages.set(message.id, message);
  channel.lastMessageId = message.id;

  const dm = channel.type === 1;
  const addressedToBot = message.pings.users.includes(state.botUserId) || replied?.authorId === state.botUserId;
  const full = { ...messageJson(state, message, { withMember: true }), channel_type: channel.type };
  const delivered = gateway.dispatch('MESSAGE_CREATE', (intents) => {
    if (!(intents & (dm ? INTENTS.DirectMessages : INTENTS.GuildMessages))) return undefined;
    if (dm || addressedToBot || intents & INTENTS.MessageContent) return full;
    return { ...full, content: '', embeds: [], attachments: [], components: [] };
  });
  return { id: message.id, channelId: channel.id, guildId: channel.guildId, delivered: delivered > 0 };
}

export function dispatchInteraction(state: DiscordState, gateway: FakeGateway, input: SendInteractionInput): SentInteraction {
  requireSession(gateway);
  const channel = targetChannel(state, input, input.userId);
  const ids = { id: state.ids.next(), token: interactionToken() };
  const built = buildInteraction(state, input, channel, ids);
  const dispatchedAt = Date.now();
  const record: InteractionRecord = {
    id: ids.id,
    token: ids.token,
    kind: input.type ?? 'command',
    name: input.name,
    commandType: built.commandType,
    channelId: channel.id,
    guildId: channel.guildId,
    userId: input.userId,
    dispatchedAt,
    callbacks: [],
    acknowledged: false,
    originalMessageId: undefined,
  };
  // Stored before the frame goes out: a fast client may answer before dispatch returns.
  state.interactions.set(ids.id, record);
  state.interactionsByToken.set(ids.token, record);
  gateway.dispatch('INTERACTION_CREATE', () => built.payload);
  return { id: ids.id, token: ids.token, channelId: channel.id, guildId: channel.guildId, dispatchedAt };
}

/**
 * A user clicks a button on a message (a message component interaction, type 3): the payload
 * carries the button's custom_id and the message it was on, as Discord sends it.
 */
export function dispatchButton(state: DiscordState, gateway: FakeGateway, input: ClickButtonInput): SentInteraction {
  requireSession(gateway);
  const message = state.messages.get(input.messageId);
  if (!message || message.deleted) throw new Error(`fake discord: no message ${input.messageId}`);
  const channel = state.channels.get(message.channelId)!;
  const user = state.ensureUser(input.userId);
  const guild = channel.guildId ? state.guilds.get(channel.guildId) : undefined;
  const member = guild?.members.get(user.id);
  const ids = { id: state.ids.next(), token: interactionToken() };
  const payload = {
    id: ids.id,
    application_id: state.applicationId,
    type: 3,
    token: ids.token,
    version: 1,
    data: { custom_id: input.customId, component_type: 2 },
    message: messageJson(state, message),
    channel_id: channel.id,
    channel: channelJson(state, channel),
    ...(guild && member
      ? {
          guild_id: guild.id,
          guild: { id: guild.id, locale: 'en-US', features: [] },
          guild_locale: 'en-US',
          member: { ...memberJson(state, member, true), permissions: state.permissionsIn(channel.id, user.id).toString() },
        }
      : { user: userJson(user) }),
    app_permissions: '0',
    locale: 'en-US',
    entitlements: [],
    authorizing_integration_owners: guild ? { '0': guild.id } : { '0': '0' },
    context: guild ? 0 : 1,
  };
  const dispatchedAt = Date.now();
  const record: InteractionRecord = {
    id: ids.id,
    token: ids.token,
    kind: 'component',
    name: input.customId,
    commandType: 0,
    channelId: channel.id,
    guildId: channel.guildId,
    userId: input.userId,
    dispatchedAt,
    callbacks: [],
    acknowledged: false,
    originalMessageId: undefined,
    messageId: message.id,
  };
  state.interactions.set(ids.id, record);
  state.interactionsByToken.set(ids.token, record);
  gateway.dispatch('INTERACTION_CREATE', () => payload);
  return { id: ids.id, token: ids.token, channelId: channel.id, guildId: channel.guildId, dispatchedAt };
}

/**
 * Echoes a message the bot made through REST to gateway clients, as Discord does: a bot sees
 * its own messages arrive (and must ignore them). Ephemeral messages are never dispatched.
 */
export function echoBotMessage(state: DiscordState, gateway: FakeGateway, message: MessageRecord, t: MessageEvent): void {
  if (message.flags & EPHEMERAL) return;
  const channel = state.channels.get(message.channelId);
  const intent = channel?.type === 1 ? INTENTS.DirectMessages : INTENTS.GuildMessages;
  const d =
    t === 'MESSAGE_DELETE'
      ? { id: message.id, channel_id: message.channelId, ...(message.guildId ? { guild_id: message.guildId } : {}) }
      : { ...messageJson(state, message, { withMember: true }), channel_type: channel?.type ?? 0 };
  gateway.dispatch(t, (intents) => (intents & intent ? d : undefined));
}

function requireSession(gateway: FakeGateway): void {
  if (!gateway.hasSession()) {
    throw new Error('fake discord: no client has identified on the gateway yet; await client ready first');
  }
}
