/**
 * Posting to a Slack channel unasked (scheduled digests): each rendered message with
 * `chat.postMessage`, in order. The Web API client has already retried rate limits and
 * server errors by the time a failure reaches here; Slack's answers that mean the channel is
 * gone for us become `ChannelGoneError`, so the scheduler can drop the subscription.
 */
import type { webApi } from '@slack/bolt';
import { ChannelGoneError, PartialPostError, type ChannelPoster, type PostOptions } from '../../core/adapter.ts';
import type { Logger } from '../../core/logger.ts';
import type { Reply } from '../../core/reply.ts';
import { renderSlack } from '../../render/slack-blocks.ts';
import { describeSlackFailure, type SlackFailure } from './slack-errors.ts';

/** Slack's error words for a channel that does not exist, was archived, or has not invited the bot. */
export const CHANNEL_GONE_ERRORS: ReadonlySet<string> = new Set(['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived']);

/**
 * A `ChannelPoster` over the Web API client.
 *
 * `suspect` hears of every failed call (Slack may be away; see slack-connection.ts).
 *
 * @example await slackChannelPoster(client, log).post('C0NEWS', digest) // one chat.postMessage per rendered message
 */
export function slackChannelPoster(client: webApi.WebClient, log: Logger, suspect: (error: unknown) => void = () => {}): ChannelPoster {
  return {
    platform: 'slack',
    async post(channel: string, reply: Reply, options?: PostOptions): Promise<void> {
      const messages = renderSlack(reply);
      const first = options?.fromPart ?? 0;
      for (const [index, message] of messages.entries()) {
        if (index < first) continue;
        try {
          await client.chat.postMessage({ channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
        } catch (error) {
          suspect(error);
          const failure = describeSlackFailure(error);
          log.warn({ ...failure, channel, part: index + 1, parts: messages.length }, 'posting to the channel failed');
          const code = failure.slackError;
          if (code !== undefined && CHANNEL_GONE_ERRORS.has(code)) throw new ChannelGoneError('slack', channel, code);
          // A clean error: the client's carries request details the caller might log whole.
          const failed = new SlackPostError(channel, failure);
          throw index > 0 ? new PartialPostError(index, messages.length, failed) : failed;
        }
      }
      log.info({ channel, parts: messages.length, skipped: first }, 'posted');
    },
    // Slack takes a user id as the channel of chat.postMessage: it posts in the app's DM with them.
    notify(user: string, reply: Reply): Promise<void> {
      return this.post(user, reply);
    },
  };
}

/** A post that failed for a reason that may pass (Slack down, rate limits beyond the retries). */
export class SlackPostError extends Error {
  override readonly name = 'SlackPostError';
  constructor(
    readonly channel: string,
    readonly failure: SlackFailure,
  ) {
    super(`Slack could not post to ${channel}: ${failure.slackError ?? failure.status ?? failure.code ?? failure.message}`);
  }
}
