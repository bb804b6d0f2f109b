/**
 * Rendered replies as discord.js sends them, never pinging anyone, and how the shared answer
 * session renders for Discord: the reply as embeds, a partial reply as its first message.
 * Discord shows its own "thinking…" for a deferred command, so there is no working message.
 */
import type { Logger } from '../../core/logger.ts';
import { renderDiscord, type DiscordMessage } from '../../render/discord-embeds.ts';
import type { AnswerSessionOptions } from '../answer-session.ts';
import { errorFields } from './log-fields.ts';

/** A partial reply or the final one as discord.js message options, never pinging anyone. */
export interface SendableMessage {
  readonly content?: string;
  readonly embeds: DiscordMessage['embeds'];
  readonly allowedMentions: { readonly parse: [] };
  /** The answer's buttons, when it has any (answer-buttons.ts). */
  readonly components?: DiscordMessage['components'];
}

/** One rendered message as options for `send`, `reply`, `editReply` and `followUp`. */
export function sendable(message: DiscordMessage): SendableMessage {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    embeds: message.embeds,
    allowedMentions: { parse: [] },
    ...(message.components ? { components: message.components } : {}),
  };
}

/** How the question came: a slash command, a mention in a server channel, a direct message. */
export type Via = 'slash' | 'mention' | 'dm';

/** The answer session's options on Discord. */
export function discordSession(log: Logger, via: Via, previewEveryMs: number): AnswerSessionOptions<DiscordMessage> {
  return {
    render: renderDiscord,
    preview: (partial) => renderDiscord(partial ?? { parts: [], citations: [], notice: 'Working on it…' })[0]!,
    previewEveryMs,
    log,
    via,
    describeError: errorFields,
  };
}
