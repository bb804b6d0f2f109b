/**
 * What the composition root needs of a chat platform (Slack, Discord, the terminal chat):
 * start it, stop it, and know when it has ended by itself. An adapter translates its
 * platform's events into `dispatch` calls and renders the replies; the core never sees it.
 */
import type { Reply } from './reply.ts';

/**
 * Posting to a channel unasked (a scheduled digest). An adapter that can, offers one.
 * Rate limits and server errors are retried inside, within limits; what is left is thrown:
 * `ChannelGoneError` when the platform says the channel does not exist (or the bot is no
 * longer in it), any other error when the post failed and may succeed later.
 */
export interface ChannelPoster {
  /** 'slack' or 'discord': subscriptions name the platform they post to. */
  readonly platform: string;
  /**
   * Posts the reply, split as the platform needs (from part `options.fromPart`); resolves once
   * every part is posted. A failure after a part reached the channel is thrown as
   * `PartialPostError`.
   */
  post(channel: string, reply: Reply, options?: PostOptions): Promise<void>;
  /**
   * Sends the reply to one user as a direct message (telling whoever subscribed a channel
   * that its digests are paused). Throws as `post` does.
   */
  notify(user: string, reply: Reply): Promise<void>;
}

/** How a post is made. */
export interface PostOptions {
  /**
   * Names this post the same in every process and every attempt (a digest's run: its
   * subscription and slot). A platform that can de-duplicate a repeated post (Discord's
   * `enforce_nonce`) is asked to, so a retry, by this process or another, is not posted twice.
   */
  readonly key?: string;
  /**
   * Skips the reply's first messages: a retry of a post that reached the channel in part
   * (`PartialPostError.posted`) sends only the rest. Messages keep their numbers (and their
   * nonces), so a skipped one is the same message as the first attempt's.
   */
  readonly fromPart?: number;
}

/** The platform says the channel is gone (Slack channel_not_found, Discord Unknown Channel). */
export class ChannelGoneError extends Error {
  override readonly name = 'ChannelGoneError';
  constructor(
    readonly platform: string,
    readonly channel: string,
    readonly reason: string,
  ) {
    super(`${platform} channel ${channel} cannot be posted to: ${reason}`);
  }
}

/**
 * A post that failed after some of its messages reached the channel: `posted` of `total`
 * (counting any the options skipped). Posting it again whole would repeat those; a retry
 * passes `fromPart: posted`.
 */
export class PartialPostError extends Error {
  override readonly name = 'PartialPostError';
  constructor(
    readonly posted: number,
    readonly total: number,
    override readonly cause: unknown,
  ) {
    super(`posted ${posted} of ${total} messages, then: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * The platform refused the bot's credentials: nothing will change until someone changes the
 * setting, so the bot stops. The message is the one line the operator reads.
 *
 * @example new PlatformRefusedError('Slack', 'SLACK_BOT_TOKEN', 'invalid_auth', 'copy the Bot User OAuth Token again').message
 *   === 'Slack refused SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token again'
 */
export class PlatformRefusedError extends Error {
  override readonly name = 'PlatformRefusedError';
  constructor(
    readonly platform: string,
    /** The environment variable to check. */
    readonly variable: string,
    /** What the platform said: 'invalid_auth', '401 Unauthorized'. */
    readonly said: string,
    fix: string,
  ) {
    super(`${platform} refused ${variable} (${said}): ${fix}`);
  }
}

/** A platform connection that comes and goes: retried for ever, each change logged. */
export interface PlatformLink {
  /** Before the first attempt, up, away (being retried), or refused for good. */
  readonly state: 'starting' | 'connected' | 'down' | 'refused';
  /** Called each time the platform is reachable again after being away (and when it first is). */
  onConnected(listener: () => void): void;
  /** Resolves if the platform refuses the credentials after start; never resolves otherwise. */
  readonly refused: Promise<PlatformRefusedError>;
}

export interface PlatformAdapter {
  /** 'slack', 'discord', 'console': for logs and messages. */
  readonly name: string;
  /**
   * Connects or starts listening. Resolves once it is ready to answer, or once a first attempt
   * found the platform unreachable (it keeps trying in the background, see `link`); rejects
   * with `PlatformRefusedError` when the platform refuses the credentials, or with the reason
   * it cannot start at all (a port in use).
   */
  start(): Promise<void>;
  /** Stops taking new messages, lets answers in flight finish where it can, and releases its resources. */
  stop(): Promise<void>;
  /**
   * Resolves when the adapter ends on its own (the terminal chat when its user leaves with
   * Ctrl-D or /quit): the process then shuts down. Servers that run until stopped leave it out.
   */
  readonly finished?: Promise<void>;
  /** Present when the platform can post to channels unasked (digests). */
  readonly poster?: ChannelPoster;
  /** Present for platforms reached over the network. */
  readonly link?: PlatformLink;
}
