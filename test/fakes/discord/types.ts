/**
 * Public shapes of the fake Discord: what a test passes in to build the world, and what the
 * fake records for the test to assert on. Wire payloads (what discord.js sees) are plain JSON
 * built in payloads.ts; these types are the test-facing side.
 */
import type { PermissionName } from './permissions.ts';

/** A JSON value as it travels over the wire. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
/** A JSON object (a request body, a payload). */
export type JsonObject = { readonly [key: string]: Json };

/** Permissions as a bit set or as flag names (`['ViewChannel', 'SendMessages']`). */
export type PermissionsSpec = bigint | readonly PermissionName[];

export interface FakeUserSpec {
  readonly id: string;
  readonly username?: string;
  readonly globalName?: string;
  readonly bot?: boolean;
}

export interface FakeRoleSpec {
  /** Defaults to a fresh snowflake. */
  readonly id?: string;
  readonly name: string;
  readonly permissions?: PermissionsSpec;
}

/** One permission overwrite on a channel, for a role (or @everyone: the guild id) or a member. */
export interface FakeOverwriteSpec {
  readonly id: string;
  readonly kind: 'role' | 'member';
  readonly allow?: PermissionsSpec;
  readonly deny?: PermissionsSpec;
}

export interface FakeChannelSpec {
  readonly id?: string;
  readonly name: string;
  /** `text` (0, the default), `voice` (2), `category` (4), `announcement` (5) or a raw channel type. */
  readonly type?: 'text' | 'voice' | 'category' | 'announcement' | number;
  readonly parentId?: string;
  readonly topic?: string;
  readonly overwrites?: readonly FakeOverwriteSpec[];
}

export interface FakeMemberSpec {
  /** The user; created with a default username when it is not among `users`. */
  readonly userId: string;
  /** Roles of this guild the member has besides @everyone, by id or by name. */
  readonly roles?: readonly string[];
  readonly nick?: string;
}

export interface FakeGuildSpec {
  readonly id?: string;
  readonly name?: string;
  /** The owner has every permission. Defaults to a user who is not in any test. */
  readonly ownerId?: string;
  /** Permissions of @everyone (role id = guild id). Defaults to what a new Discord server gives. */
  readonly everyonePermissions?: PermissionsSpec;
  /** Permissions of the bot's own managed role. Defaults to what a typical invite link grants. */
  readonly botPermissions?: PermissionsSpec;
  readonly roles?: readonly FakeRoleSpec[];
  /** Defaults to one text channel named `general`. */
  readonly channels?: readonly FakeChannelSpec[];
  /** The bot is always a member; list the humans. */
  readonly members?: readonly FakeMemberSpec[];
}

export type PrivilegedIntentName = 'GuildMembers' | 'GuildPresences' | 'MessageContent';

export interface FakeDiscordOptions {
  /** Defaults to a fresh snowflake. */
  readonly applicationId?: string;
  /** Defaults to the application id, as for every bot made in the developer portal. */
  readonly botUserId?: string;
  readonly botUsername?: string;
  /** When set, REST calls and IDENTIFY with another token fail (401 / close 4004). Any token otherwise. */
  readonly token?: string;
  /** Defaults to one guild with a `general` channel and no human members. */
  readonly guilds?: readonly FakeGuildSpec[];
  /** Users who are not (or not only) guild members, e.g. people who DM the bot. */
  readonly users?: readonly FakeUserSpec[];
  /** Privileged intents switched on in the "developer portal". Default: all three. */
  readonly privilegedIntents?: readonly PrivilegedIntentName[];
  /** HELLO's heartbeat_interval. Default 41,250 ms as Discord sends. */
  readonly heartbeatIntervalMs?: number;
  /** How long after dispatch an interaction may first be answered. Default 3,000 ms (Discord's rule). */
  readonly interactionTimeoutMs?: number;
  /** How long an interaction token works for follow-ups and edits. Default 15 minutes. */
  readonly interactionTokenTtlMs?: number;
}

/** Where a message is said: a guild channel, or the DM of `authorId` with the bot. */
export interface MessageTarget {
  /** A guild text channel. Defaults to the first text channel of the first guild. */
  readonly channelId?: string;
  /** True for a direct message to the bot (the DM channel is created on first use). */
  readonly dm?: boolean;
}

export interface SendMessageInput extends MessageTarget {
  readonly authorId: string;
  readonly content: string;
  /** Prefix the content with `<@botId> ` so it mentions the bot. */
  readonly mentionBot?: boolean;
  /** The id of a message this one replies to. */
  readonly replyTo?: string;
}

export interface SentMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | undefined;
  /** False when no gateway session had the intent to receive it (GuildMessages / DirectMessages). */
  readonly delivered: boolean;
}

/** An option value as a test writes it; typed from the registered command when there is one. */
export type OptionValue = string | number | boolean;

/** A raw application command interaction option, for cases the shorthand cannot express. */
export interface RawInteractionOption {
  readonly name: string;
  readonly type: number;
  readonly value?: OptionValue;
  readonly focused?: boolean;
  readonly options?: readonly RawInteractionOption[];
}

export interface SendInteractionInput extends MessageTarget {
  /** `command` (type 2, the default) or `autocomplete` (type 4). */
  readonly type?: 'command' | 'autocomplete';
  readonly name: string;
  readonly userId: string;
  readonly subcommand?: string;
  readonly subcommandGroup?: string;
  /** `{ question: 'who', limit: 3 }` or raw options. */
  readonly options?: Readonly<Record<string, OptionValue>> | readonly RawInteractionOption[];
  /** For autocomplete: the option being typed (must be among `options`). */
  readonly focused?: string;
  /** Overrides the member's computed permissions in the channel. */
  readonly memberPermissions?: PermissionsSpec;
  readonly locale?: string;
}

/** A user clicks a button on a message (INTERACTION_CREATE, type 3). */
export interface ClickButtonInput {
  readonly messageId: string;
  readonly customId: string;
  readonly userId: string;
}

export interface SentInteraction {
  readonly id: string;
  readonly token: string;
  readonly channelId: string;
  readonly guildId: string | undefined;
  /** Date.now() when the INTERACTION_CREATE frame went out. */
  readonly dispatchedAt: number;
}

export interface InteractionCallbackRecord {
  /** 4 reply, 5 deferred reply, 6 deferred update, 7 update, 8 autocomplete result, 9 modal. */
  readonly type: number;
  readonly at: number;
  readonly status: number;
  readonly body: JsonObject;
}

export interface FakeInteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly kind: 'command' | 'autocomplete' | 'component';
  readonly name: string;
  readonly channelId: string;
  readonly guildId: string | undefined;
  readonly userId: string;
  readonly dispatchedAt: number;
  /** Every callback attempt, accepted or not, in order. */
  readonly callbacks: readonly InteractionCallbackRecord[];
  /** Milliseconds from dispatch to the first accepted callback; undefined while unanswered. */
  readonly ackDelayMs: number | undefined;
  /** The id of the @original response message once there is one. */
  readonly originalMessageId: string | undefined;
}

export interface AllowedMentionsRecord {
  readonly parse?: readonly string[];
  readonly users?: readonly string[];
  readonly roles?: readonly string[];
  readonly replied_user?: boolean;
}

/** Who a message would notify, computed as Discord does from its content and allowed_mentions. */
export interface PingRecord {
  readonly everyone: boolean;
  readonly users: readonly string[];
  readonly roles: readonly string[];
  readonly repliedUser: boolean;
}

/**
 * How a message came to be: `user` (the test's sendMessage), `channel` (the bot's
 * POST /channels/:id/messages), `interaction-response` (callback type 4 or 5, i.e. @original),
 * `interaction-followup` (POST /webhooks/:app/:token).
 */
export type MessageSource = 'user' | 'channel' | 'interaction-response' | 'interaction-followup';

export interface FakeMessage {
  readonly id: string;
  readonly channelId: string;
  readonly guildId: string | undefined;
  readonly authorId: string;
  readonly content: string;
  readonly embeds: readonly JsonObject[];
  readonly components: readonly JsonObject[];
  readonly attachments: readonly FileRecord[];
  readonly flags: number;
  /** As sent by the client; undefined when the body had none (Discord then parses every mention). */
  readonly allowedMentions: AllowedMentionsRecord | undefined;
  readonly messageReference: JsonObject | undefined;
  readonly pings: PingRecord;
  readonly source: MessageSource;
  readonly interactionId: string | undefined;
  readonly createdAt: number;
  readonly editedAt: number | undefined;
  /** How many times it was edited (editReply on a deferred reply counts). */
  readonly edits: number;
  /** The nonce it was sent with, if any. */
  readonly nonce: string | number | undefined;
}

export interface FileRecord {
  readonly field: string;
  readonly filename: string;
  readonly size: number;
  readonly contentType: string;
}

export interface RecordedRequest {
  /** 1, 2, 3 … in the order the requests arrived. */
  readonly seq: number;
  readonly method: string;
  /** The path after `/api/v10`, e.g. `/channels/123/messages`. */
  readonly path: string;
  /** The route template that handled it, e.g. `/channels/:channelId/messages`; `(unmatched)` for a 404 route. */
  readonly route: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  /** Parsed JSON body, or multipart `payload_json`; undefined without a body. */
  readonly body: Json | undefined;
  readonly files: readonly FileRecord[];
  readonly authorization: string | undefined;
  /** Date.now() when the request arrived. */
  readonly at: number;
  readonly status: number;
  readonly response: Json | undefined;
  /** True when failNext answered it instead of the route. */
  readonly injected: boolean;
}

export interface FailureSpec {
  /** Only this method (any when omitted). */
  readonly method?: string;
  /** A template like `/channels/:id/messages` (each `:x` matches one segment), or a RegExp on the path. */
  readonly path: string | RegExp;
  readonly status: 429 | 500 | 502 | 503 | 504;
  /** How many matching requests fail. Default 1. */
  readonly times?: number;
  /** For 429: seconds to wait, as in the body's retry_after. Default 0.25. */
  readonly retryAfter?: number;
  /** For 429: a global rate limit (adds x-ratelimit-global). */
  readonly global?: boolean;
}

export interface HoldSpec {
  /** Only this method (any when omitted). */
  readonly method?: string;
  /** A template like `/channels/:id/messages`, or a RegExp on the path. */
  readonly path: string | RegExp;
}

export interface HeldRequest {
  /** Resolves with the request's body once a matching request arrived and is being held. */
  readonly arrived: Promise<Json | undefined>;
  /** Lets it through, to be handled as if it had just arrived. */
  release(): void;
}

export interface FailureHandle {
  /** How many requests this rule has failed so far. */
  readonly hits: number;
  /** How many it still will. */
  readonly remaining: number;
}

export interface IdentifyRecord {
  readonly token: string;
  readonly intents: number;
  readonly properties: Json;
  readonly shard: Json;
  readonly at: number;
}

export interface GatewayFrameRecord {
  readonly direction: 'sent' | 'received';
  readonly op: number;
  readonly t: string | null;
  readonly s: number | null;
  readonly at: number;
}
