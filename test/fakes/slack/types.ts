/**
 * The data the fake Slack records and the options it takes. Everything here is plain,
 * readonly data so tests can compare it with `toEqual` and print it when they fail.
 */

/** A workspace member the fake knows; `users.info` answers with it. */
export interface FakeUser {
  readonly id: string;
  readonly name: string;
  readonly realName?: string;
  /** IANA zone, e.g. `Europe/London`; `users.info` also derives `tz_offset` from it. */
  readonly tz?: string;
  readonly isAdmin?: boolean;
  readonly isOwner?: boolean;
  readonly isBot?: boolean;
}

/** A public or private channel. Direct-message channels are made on demand (`dmChannelFor`). */
export interface FakeChannel {
  readonly id: string;
  readonly name: string;
  readonly isPrivate?: boolean;
  /** When false, posting answers `not_in_channel` as Slack does for a bot outside the channel. */
  readonly isMember?: boolean;
}

export interface FakeSlackOptions {
  /** Bot user id returned by `auth.test` and used in mention texts. Default `U0BOT`. */
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
  readonly teamName?: string;
  readonly appId?: string;
  /** Token the Web API accepts for every method but `apps.connections.open`. Default `xoxb-fake-bot-token`. */
  readonly botToken?: string;
  /** Token `apps.connections.open` accepts (Socket Mode). Default `xapp-fake-app-token`. */
  readonly appToken?: string;
  /** Secret the fake signs its requests to Bolt's receiver with. Default `fake-signing-secret`. */
  readonly signingSecret?: string;
  /** Default: one member, `U0ALICE` (alice). The first user is the default sender. */
  readonly users?: readonly FakeUser[];
  /** Default: `C0GENERAL` (general). The first channel is the default channel. */
  readonly channels?: readonly FakeChannel[];
  /** When set, the Socket Mode server pings each client at this interval (Slack does, about every 10 s). */
  readonly socketPingIntervalMs?: number;
}

/** How a Web API or response_url call was answered. */
export interface CallOutcome {
  readonly status: number;
  /** `true` for `{ ok: true }`; false for `{ ok: false }`, HTTP errors and rate limits. */
  readonly ok: boolean;
  /** Slack's error code (`invalid_blocks`, `ratelimited`, `http_503` …) when not ok. */
  readonly error?: string;
  /** Set when the failure came from `failNext`, not from the fake's own checks. */
  readonly injected?: boolean;
}

/**
 * One request the fake received, in arrival order. `method` is a Web API method
 * (`chat.postMessage`) or `response_url` for a POST to a response_url.
 */
export interface RecordedCall {
  /** Position in `fake.calls`, from 0: `c.seq >= mark` finds calls made after a mark. */
  readonly seq: number;
  readonly method: string;
  /**
   * The parsed arguments. Form fields stay strings as Slack receives them
   * (`unfurl_links: 'false'`), except JSON-encoded fields (`blocks`, `attachments`,
   * `metadata`, `view`), which are parsed.
   */
  readonly args: Readonly<Record<string, unknown>>;
  /** Which kind of token authenticated the call. */
  readonly auth: 'bot' | 'app' | 'none' | 'invalid';
  readonly contentType: string;
  /** `Date.now()` when the request body had arrived. */
  readonly at: number;
  readonly outcome: CallOutcome;
  /** The JSON body the fake answered with (absent for HTTP errors). */
  readonly response?: Readonly<Record<string, unknown>>;
  /** For `response_url` calls: the id in `/respond/:id` and what it was issued for. */
  readonly responseUrlId?: string;
}

/** How a message reached a channel. */
export type MessageVia =
  | 'chat.postMessage'
  | 'chat.postEphemeral'
  | 'chat.update'
  /** A deleted message: `ts` is the message removed, `deleteOriginal` is true. */
  | 'chat.delete'
  | 'response_url'
  /** The body of Bolt's `ack(…)` to a slash command (HTTP response or Socket Mode ack payload). */
  | 'ack';

/**
 * A message the app sent into a channel, as it would appear to users. Rejected calls
 * (invalid blocks, injected failures) produce no message.
 */
export interface PostedMessage {
  readonly via: MessageVia;
  readonly channel: string;
  /** The message's ts; for an update, the ts of the message it changed. */
  readonly ts?: string;
  readonly threadTs?: string;
  readonly text?: string;
  readonly blocks?: readonly unknown[];
  /** True for `chat.postEphemeral` and for ephemeral respond()/ack payloads. */
  readonly ephemeral: boolean;
  /** Whom an ephemeral message is shown to. */
  readonly visibleTo?: string;
  /** respond() with `replace_original: true` (or an update). */
  readonly replaceOriginal: boolean;
  readonly deleteOriginal: boolean;
  readonly at: number;
  /** The call that produced it (`RecordedCall.seq`); absent for acks. */
  readonly callSeq?: number;
}

/** A failure the Web API (or response_url, with `method: 'response_url'`) will answer with. */
export type FailureSpec =
  | {
      readonly method: string;
      readonly times?: number;
      /** 429 sends a `Retry-After` header (seconds, default 1); 5xx are plain HTTP errors. */
      readonly status: 429 | 500 | 502 | 503 | 504;
      readonly retryAfter?: number;
    }
  | {
      readonly method: string;
      readonly times?: number;
      /** HTTP 200 with `{ ok: false, error }`, e.g. `channel_not_found`, `not_in_channel`. */
      readonly error: string;
    };

/** What the fake's request to Bolt's receiver got back. */
export interface DeliveryResult {
  readonly status: number;
  readonly body: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** Milliseconds from sending the request to the end of the response: Slack's ack time. */
  readonly ackMs: number;
  /** The payload object the fake sent (before encoding), e.g. with its `response_url`. */
  readonly payload: Readonly<Record<string, unknown>>;
}

/** How to sign a request to the receiver: correctly, or broken in one of Slack's ways. */
export type Signing = 'valid' | 'bad-signature' | 'stale-timestamp' | 'future-timestamp' | 'unsigned';

export interface SlashCommandInput {
  /** With the slash, e.g. `/brief-ask`. */
  readonly command: string;
  readonly text?: string;
  /** Default: the first user. */
  readonly user?: string;
  /** Default: the first channel. Use `fake.dmChannelFor(user)` for a command typed in a DM. */
  readonly channel?: string;
}

export interface MentionInput {
  /** Words after the mention; the fake prefixes `<@botUserId> `. */
  readonly text: string;
  readonly user?: string;
  readonly channel?: string;
  /** To mention the bot inside an existing thread. */
  readonly threadTs?: string;
}

export interface DirectMessageInput {
  readonly text: string;
  readonly user?: string;
}

export interface BlockActionInput {
  readonly actionId: string;
  readonly value?: string;
  readonly blockId?: string;
  readonly user?: string;
  readonly channel?: string;
  /** The ts of the message holding the button. */
  readonly messageTs?: string;
}

export interface DeliveryOptions {
  readonly signing?: Signing;
  /** Give up waiting for the receiver's answer after this long. Default 10 000 ms. */
  readonly timeoutMs?: number;
  /** Sets `x-slack-retry-num` (and `x-slack-retry-reason: http_timeout`), as Slack's redeliveries do. */
  readonly retryNum?: number;
}

/** A Socket Mode envelope the client acknowledged. */
export interface SocketAck {
  readonly envelopeId: string;
  readonly type: string;
  /** What Bolt's `ack(x)` sent as `payload` (`{}` for a bare `ack()`). */
  readonly payload: Readonly<Record<string, unknown>>;
  /** Milliseconds from sending the envelope to receiving the ack. */
  readonly ackMs: number;
  readonly at: number;
}
