/**
 * Posting unasked (scheduled digests) to a Discord channel. Rate limits and server errors are
 * retried by the REST client; when Discord says the channel is gone or closed to the bot
 * (Unknown Channel, Missing Access, Missing Permissions) the poster throws ChannelGoneError
 * so the subscription can be dropped; any other failure is thrown as it came.
 */
import { createHash } from 'node:crypto';
import { DiscordAPIError, type Client } from 'discord.js';
import { ChannelGoneError, PartialPostError, type ChannelPoster, type PostOptions } from '../../core/adapter.ts';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord } from '../../render/discord-embeds.ts';
import { sendable } from './discord-messages.ts';

/** Discord's JSON error codes that mean the bot cannot post in the channel again. */
export const CHANNEL_GONE_CODES: Readonly<Record<number, string>> = {
  10003: 'Unknown Channel',
  50001: 'Missing Access',
  50013: 'Missing Permissions',
};

/** A poster over a logged-in client. */
export function discordPoster(client: () => Client | undefined): ChannelPoster {
  return {
    platform: 'discord',
    async post(channelId: string, reply: Reply, options?: PostOptions) {
      const ready = client();
      if (!ready?.isReady()) throw new Error('the Discord adapter is not connected');
      const messages = renderDiscord(reply);
      const first = options?.fromPart ?? 0;
      let sent = first;
      try {
        const channel = await ready.channels.fetch(channelId);
        if (!channel?.isSendable()) throw new ChannelGoneError('discord', channelId, 'not a text channel the bot can post in');
        for (const [index, message] of messages.entries()) {
          if (index < first) continue;
          // Without a key the client's own enforceNonce gives each message a fresh nonce (client.ts).
          const nonce = options?.key ? { nonce: postNonce(options.key, index), enforceNonce: true } : {};
          const posted = await channel.send({ ...sendable(message), ...nonce });
          // A 200 whose body is not a message (a proxy's error passed on as success) posted nothing.
          if (typeof posted.id !== 'string' || posted.id === '') throw new Error('Discord answered the post without a message');
          sent += 1;
        }
      } catch (error) {
        const failure = goneOr(error, channelId);
        throw sent > 0 && !(failure instanceof ChannelGoneError) ? new PartialPostError(sent, messages.length, failure) : failure;
      }
    },
    async notify(userId: string, reply: Reply) {
      const ready = client();
      if (!ready?.isReady()) throw new Error('the Discord adapter is not connected');
      const user = await ready.users.fetch(userId);
      for (const message of renderDiscord(reply)) await user.send(sendable(message));
    },
  };
}

/** Discord's longest nonce. */
export const MAX_NONCE_LENGTH = 25;

/**
 * The nonce of part `index` of the post named `key`: the same in every process and attempt,
 * different for every part and post, at most 25 characters as Discord allows.
 *
 * @example postNonce('digest:3:2026-06-01T08:00:00.000Z', 0) → 25 hex digits, the same every time
 */
export function postNonce(key: string, index: number): string {
  return createHash('sha256').update(`${key}#${index}`).digest('hex').slice(0, MAX_NONCE_LENGTH);
}

/** The error as ChannelGoneError when Discord's code says the channel is gone, else unchanged. */
function goneOr(error: unknown, channelId: string): unknown {
  if (error instanceof DiscordAPIError && typeof error.code === 'number' && CHANNEL_GONE_CODES[error.code]) {
    return new ChannelGoneError('discord', channelId, `${CHANNEL_GONE_CODES[error.code]} (${error.code})`);
  }
  return error;
}
