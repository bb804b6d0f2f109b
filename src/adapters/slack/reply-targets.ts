/**
 * The two ways an answer reaches a Slack user. A mention or a DM is answered in its
 * conversation with the Web API (`chat.postMessage`, edited with `chat.update`). A slash
 * command is answered through its response_url (`respond()`), which works in channels the
 * bot has not joined but takes at most five posts: the working message and its updates are
 * rationed so the answer always has room, and whatever does not fit (or a response_url that
 * fails) goes through the Web API instead.
 */
import type { RespondArguments, RespondFn, webApi } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';
import type { SlackMessage } from '../../render/slack-blocks.ts';
import { withRetries, type RetryPolicy } from './retry-policy.ts';
import { describeSlackFailure } from './slack-errors.ts';

/** Where one request's messages go: a response_url (slash commands) or a conversation (mentions, DMs). */
export interface ReplyTarget {
  /** Shows the working message, or replaces the one shown with a newer partial. */
  showWorking(message: SlackMessage): Promise<void>;
  /** Delivers the answer, replacing or removing the working message if one is shown. */
  deliver(messages: readonly SlackMessage[], ephemeral: boolean): Promise<void>;
}

/** Where in Slack a conversation answer goes. */
export interface Conversation {
  readonly channel: string;
  /** Answer in this thread (a mention's thread); undefined for the top level. */
  readonly threadTs: string | undefined;
  /** Who asked: ephemeral answers are shown to them alone. */
  readonly user: string;
  /** A direct message: only the asker is there, so nothing needs to be ephemeral. */
  readonly isDirect: boolean;
}

/** Slack's limit on posts to one response_url. */
const RESPONSE_URL_USES = 5;
/** Updates of a slash command's working message: one, so working + update + removal leave two posts for the answer. */
const RESPONSE_URL_PROGRESS_UPDATES = 1;

/** Answers in a channel, thread or DM through the Web API. */
export class ConversationTarget implements ReplyTarget {
  private workingTs: string | undefined;

  constructor(
    private readonly client: webApi.WebClient,
    private readonly where: Conversation,
    private readonly log: Logger,
  ) {}

  async showWorking(message: SlackMessage): Promise<void> {
    if (this.workingTs === undefined) {
      this.workingTs = await this.post(message);
      return;
    }
    await this.client.chat.update({ channel: this.where.channel, ts: this.workingTs, text: message.text, blocks: message.blocks });
  }

  async deliver(messages: readonly SlackMessage[], ephemeral: boolean): Promise<void> {
    if (ephemeral && !this.where.isDirect) {
      await this.removeWorking();
      for (const message of messages) {
        await this.client.chat.postEphemeral({
          channel: this.where.channel,
          user: this.where.user,
          text: message.text,
          blocks: message.blocks,
          ...(this.where.threadTs !== undefined ? { thread_ts: this.where.threadTs } : {}),
        });
      }
      return;
    }
    let rest = messages;
    const [first] = messages;
    if (this.workingTs !== undefined && first !== undefined) {
      await this.client.chat.update({ channel: this.where.channel, ts: this.workingTs, text: first.text, blocks: first.blocks });
      this.workingTs = undefined;
      rest = messages.slice(1);
    }
    for (const message of rest) await this.post(message);
  }

  private async post(message: SlackMessage): Promise<string | undefined> {
    const result = await this.client.chat.postMessage({
      channel: this.where.channel,
      text: message.text,
      blocks: message.blocks,
      // Article links would otherwise unfold into large previews under every answer.
      unfurl_links: false,
      unfurl_media: false,
      ...(this.where.threadTs !== undefined ? { thread_ts: this.where.threadTs } : {}),
    });
    return result.ts;
  }

  private async removeWorking(): Promise<void> {
    if (this.workingTs === undefined) return;
    const ts = this.workingTs;
    this.workingTs = undefined;
    await this.client.chat.delete({ channel: this.where.channel, ts }).catch((error: unknown) => {
      this.log.warn({ ...describeSlackFailure(error) }, 'could not remove the working message');
    });
  }
}

/** Answers a slash command through its response_url, falling back to the conversation. */
export class ResponseUrlTarget implements ReplyTarget {
  private uses = 0;
  private updates = 0;
  private working = false;

  constructor(
    private readonly respond: RespondFn,
    private readonly fallback: ReplyTarget,
    private readonly retry: RetryPolicy,
    private readonly log: Logger,
  ) {}

  async showWorking(message: SlackMessage): Promise<void> {
    if (!this.working) {
      await this.send({ response_type: 'ephemeral', text: message.text, blocks: message.blocks });
      this.working = true;
      return;
    }
    if (this.updates >= RESPONSE_URL_PROGRESS_UPDATES) return;
    this.updates += 1;
    await this.send({ response_type: 'ephemeral', replace_original: true, text: message.text, blocks: message.blocks });
  }

  async deliver(messages: readonly SlackMessage[], ephemeral: boolean): Promise<void> {
    const queue = [...messages];
    if (this.working) {
      this.working = false;
      // An ephemeral working message can be replaced by an ephemeral answer; a public answer
      // cannot take its place (Slack keeps a replaced message's visibility), so it goes.
      const first = ephemeral ? queue.shift() : undefined;
      const replacement: RespondArguments = first
        ? { response_type: 'ephemeral', replace_original: true, text: first.text, blocks: first.blocks }
        : { delete_original: true };
      await this.send(replacement).catch((error: unknown) => {
        this.log.warn({ ...describeSlackFailure(error) }, 'could not replace the working message');
        if (first) queue.unshift(first);
      });
    }
    while (queue.length > 0 && this.uses < RESPONSE_URL_USES) {
      const message = queue[0]!;
      try {
        await this.send({ response_type: ephemeral ? 'ephemeral' : 'in_channel', text: message.text, blocks: message.blocks });
      } catch (error) {
        this.log.warn({ ...describeSlackFailure(error) }, 'the response_url failed; answering through the Web API');
        break;
      }
      queue.shift();
    }
    if (queue.length > 0) await this.fallback.deliver(queue, ephemeral);
  }

  private async send(message: RespondArguments): Promise<void> {
    if (this.uses >= RESPONSE_URL_USES) throw new Error('this response_url has been used five times');
    await withRetries(
      () => this.respond(message),
      this.retry,
      (failure, n, waitMs) => {
        this.log.warn({ ...failure, attempt: n, waitMs }, 'response_url failed; retrying');
      },
    );
    this.uses += 1;
  }
}
