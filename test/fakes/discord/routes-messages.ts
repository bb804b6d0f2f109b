/**
 * REST routes for channel messages: send (and reply), fetch, list, edit, delete. A guild
 * channel checks the bot's permissions there, as Discord does.
 */
import { apiError, missingAccess, missingPermissions, unknownChannel, unknownMessage } from './errors.ts';
import { createMessage, editMessage } from './message-store.ts';
import { messageJson } from './payloads.ts';
import { PERMISSION_FLAGS } from './permissions.ts';
import { route, type Route } from './router.ts';
import type { RestContext } from './routes-core.ts';
import type { ChannelRecord } from './state.ts';
import type { Json, JsonObject } from './types.ts';

/**
 * How long Discord remembers an enforced nonce: "a few minutes" in its docs; a second create
 * with the same nonce in this window returns the first message instead of a new one.
 */
export const NONCE_WINDOW_MS = 5 * 60_000;

export function messageRoutes(context: RestContext): Route[] {
  const { state } = context;

  /** The channel, provided the bot can see it (and, for `send`, post in it). */
  const channelFor = (id: string | undefined, need: 'read' | 'send'): ChannelRecord => {
    const channel = state.knownChannel(id ?? '');
    if (!channel) throw unknownChannel();
    if (channel.guildId) {
      const perms = state.permissionsIn(channel.id, state.botUserId);
      if (!(perms & PERMISSION_FLAGS.ViewChannel)) throw missingAccess();
      if (need === 'send' && !(perms & PERMISSION_FLAGS.SendMessages)) throw missingPermissions();
    }
    return channel;
  };
  const messageIn = (channel: ChannelRecord, id: string | undefined) => {
    const message = state.messages.get(id ?? '');
    if (!message || message.deleted || message.channelId !== channel.id) throw unknownMessage();
    return message;
  };

  return [
    route('POST', '/channels/:channelId/messages', ({ params, body, files }) => {
      const channel = channelFor(params.channelId, 'send');
      const request = asObject(body);
      const nonce = request.enforce_nonce === true && (typeof request.nonce === 'string' || typeof request.nonce === 'number') ? request.nonce : undefined;
      const nonceKey = `${channel.id}:${state.botUserId}:${String(nonce)}`;
      const earlier = nonce === undefined ? undefined : state.nonces.get(nonceKey);
      const repeated = earlier && Date.now() - earlier.at < NONCE_WINDOW_MS ? state.messages.get(earlier.messageId) : undefined;
      if (repeated) return { status: 200, body: messageJson(state, repeated) };
      const message = createMessage(state, {
        channel,
        authorId: state.botUserId,
        body: asObject(body),
        files,
        source: 'channel',
      });
      if (nonce !== undefined) state.nonces.set(nonceKey, { messageId: message.id, at: Date.now() });
      context.onMessage(message, 'MESSAGE_CREATE');
      return { status: 200, body: messageJson(state, message) };
    }),
    route('GET', '/channels/:channelId/messages', ({ params, query }) => {
      const channel = channelFor(params.channelId, 'read');
      const limit = Math.min(Math.max(Number(query.limit ?? 50) || 50, 1), 100);
      const newestFirst = [...state.messages.values()]
        .filter((m) => m.channelId === channel.id && !m.deleted)
        .reverse()
        .slice(0, limit);
      return { status: 200, body: newestFirst.map((m) => messageJson(state, m)) };
    }),
    route('GET', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const channel = channelFor(params.channelId, 'read');
      return { status: 200, body: messageJson(state, messageIn(channel, params.messageId)) };
    }),
    route('PATCH', '/channels/:channelId/messages/:messageId', ({ params, body, files }) => {
      const channel = channelFor(params.channelId, 'read');
      const message = messageIn(channel, params.messageId);
      if (message.authorId !== state.botUserId) throw apiError(403, 50005, 'Cannot edit a message authored by another user');
      editMessage(state, message, asObject(body), files);
      context.onMessage(message, 'MESSAGE_UPDATE');
      return { status: 200, body: messageJson(state, message) };
    }),
    route('DELETE', '/channels/:channelId/messages/:messageId', ({ params }) => {
      const channel = channelFor(params.channelId, 'read');
      const message = messageIn(channel, params.messageId);
      const canManage = channel.guildId ? (state.permissionsIn(channel.id, state.botUserId) & PERMISSION_FLAGS.ManageMessages) !== 0n : false;
      if (message.authorId !== state.botUserId && !canManage) throw missingPermissions();
      message.deleted = true;
      context.onMessage(message, 'MESSAGE_DELETE');
      return { status: 204 };
    }),
  ];
}

/** The body as an object; anything else counts as empty, which validation then refuses. */
export function asObject(body: Json | undefined): JsonObject {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as JsonObject) : {};
}
