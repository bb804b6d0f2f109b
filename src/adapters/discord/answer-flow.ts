/**
 * How an answer reaches Discord, the same for slash commands, mentions and DMs: while the
 * command works, each partial reply it reports replaces a preview (throttled); then the
 * final reply is rendered and delivered whole, split into as many messages as Discord's
 * limits need. Where the messages go is the outlet's business.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { DispatchResult } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderDiscord, type DiscordMessage } from '../../render/discord-embeds.ts';
import { DEFAULT_MESSAGE_CAP } from '../answer-pages.ts';
import { discordAnswerPage } from './answer-buttons.ts';
import { errorFields } from './log-fields.ts';
import { throttledEditor } from './throttled-editor.ts';

/** Where one answer goes. */
export interface AnswerOutlet {
  /** Shows (or replaces) a preview of the answer while it is being worked out. */
  preview(message: DiscordMessage): Promise<void>;
  /**
   * Delivers the final answer's messages, in order; `reply` says whether it is private.
   * Resolves to the ids of the messages posted, where the outlet knows them.
   */
  deliver(messages: readonly DiscordMessage[], reply: Reply): Promise<readonly string[] | void>;
  /** Tells the asker, briefly, that the answer could not be posted. */
  apologise(message: DiscordMessage): Promise<void>;
}

/** A partial reply or the final one as discord.js message options, never pinging anyone. */
export interface SendableMessage {
  readonly content?: string;
  readonly embeds: DiscordMessage['embeds'];
  readonly allowedMentions: { readonly parse: [] };
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

export interface AnswerOptions {
  /** At most one preview edit per this many milliseconds. */
  readonly progressIntervalMs: number;
  readonly log: Logger;
  readonly via: Via;
  /**
   * Keeps the answer for its buttons and returns its id (null: posted whole, no buttons);
   * without it the answer is posted whole.
   */
  readonly keep?: (result: DispatchResult) => Promise<string | null>;
  /** Messages per page when the answer is kept (default 3). */
  readonly cap?: number;
  /** Told the ids of the messages posted (a reply chain goes on from any of them). */
  readonly delivered?: (ids: readonly string[]) => Promise<void>;
}

/**
 * The one `answered` line each question gets once its answer is posted (or its failure
 * logged): what ran, how it went, how long from arrival to delivery, how many messages.
 */
export function logAnswered(
  log: Logger,
  fields: { readonly via: Via; readonly started: number; readonly delivered: boolean; readonly messages: number },
  result: Pick<DispatchResult, 'command' | 'outcome' | 'code' | 'errorId'>,
): void {
  log.info(
    {
      via: fields.via,
      command: result.command,
      outcome: result.outcome,
      ms: Math.round(performance.now() - fields.started),
      delivered: fields.delivered,
      messages: fields.messages,
      ...(result.code ? { code: result.code } : {}),
      ...(result.errorId ? { errorId: result.errorId } : {}),
    },
    'answered',
  );
}

/**
 * Runs `work` (a dispatch) with a progress callback wired to throttled previews, then
 * delivers its reply. A delivery that fails after the REST client's retries is logged with
 * an id, and the asker is told so with the same id where Discord still lets us.
 */
export async function answer(
  outlet: AnswerOutlet,
  work: (progress: (partial: Reply) => void) => Promise<DispatchResult>,
  options: AnswerOptions,
): Promise<DispatchResult> {
  const { log } = options;
  const started = performance.now();
  const previews = throttledEditor(
    (partial: Reply) => outlet.preview(renderDiscord(partial)[0]!),
    options.progressIntervalMs,
    (error) => log.warn(errorFields(error), 'could not show a preview of the answer'),
  );
  let result: DispatchResult;
  try {
    result = await work((partial) => previews.update(partial));
  } finally {
    await previews.close();
  }
  const answerId = result.outcome === 'ok' && options.keep ? await options.keep(result) : null;
  const messages = discordAnswerPage(result.reply, answerId, 0, options.cap ?? DEFAULT_MESSAGE_CAP);
  let delivered = true;
  try {
    const ids = await outlet.deliver(messages, result.reply);
    if (ids && options.delivered) await options.delivered(ids).catch((error: unknown) => log.warn(errorFields(error), 'could not link the answer to its conversation'));
  } catch (error) {
    delivered = false;
    const errorId = randomUUID().replace(/-/g, '').slice(0, 8);
    log.error({ ...errorFields(error), errorId, command: result.command }, 'could not post the answer');
    const sorry = renderDiscord({
      parts: [],
      citations: [],
      notice: `Sorry, the answer could not be posted here (error ${errorId}). Please try again in a moment.`,
      ephemeral: true,
    })[0]!;
    await outlet.apologise(sorry).catch((again: unknown) => log.warn({ ...errorFields(again), errorId }, 'could not post the apology either'));
  }
  logAnswered(log, { via: options.via, started, delivered, messages: messages.length }, result);
  return result;
}
