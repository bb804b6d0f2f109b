/**
 * The fake's world: users, guilds with roles, members and channels, DM channels, messages,
 * registered commands and dispatched interactions. Built once from the test's spec, then
 * changed only by REST calls and the test's dispatch helpers.
 */
import { computePermissions, DEFAULT_BOT, DEFAULT_EVERYONE, toBits, type Overwrite } from './permissions.ts';
import { SnowflakeSource } from './snowflake.ts';
import type {
  AllowedMentionsRecord,
  FakeChannelSpec,
  FakeDiscordOptions,
  FakeGuildSpec,
  FakeMessage,
  FileRecord,
  InteractionCallbackRecord,
  JsonObject,
  MessageSource,
  PingRecord,
} from './types.ts';

export interface UserRecord {
  readonly id: string;
  readonly username: string;
  readonly globalName: string | null;
  readonly bot: boolean;
}

export interface RoleRecord {
  readonly id: string;
  readonly name: string;
  readonly permissions: bigint;
  readonly position: number;
  /** Set on the bot's own managed role. */
  readonly botId: string | undefined;
}

export interface MemberRecord {
  readonly userId: string;
  readonly roles: readonly string[];
  readonly nick: string | null;
  readonly joinedAt: string;
}

export interface GuildRecord {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly roles: Map<string, RoleRecord>;
  readonly members: Map<string, MemberRecord>;
  readonly channelIds: string[];
  readonly joinedAt: string;
}

export interface ChannelRecord {
  readonly id: string;
  /** 0 text, 1 DM, 2 voice, 4 category, 5 announcement. */
  readonly type: number;
  readonly name: string | null;
  readonly guildId: string | undefined;
  readonly parentId: string | null;
  readonly topic: string | null;
  readonly position: number;
  readonly overwrites: readonly Overwrite[];
  /** For a DM: the human on the other side. */
  readonly recipientId: string | undefined;
  lastMessageId: string | null;
  /** Set by `makeChannelUnknown`: every route then answers 404 Unknown Channel. */
  unknown: boolean;
}

/** A stored message; the mutable twin of FakeMessage. */
export interface MessageRecord {
  id: string;
  channelId: string;
  guildId: string | undefined;
  authorId: string;
  content: string;
  embeds: readonly JsonObject[];
  components: readonly JsonObject[];
  attachments: readonly FileRecord[];
  flags: number;
  /** 0 default, 19 reply, 20 chat input command response. */
  type: number;
  allowedMentions: AllowedMentionsRecord | undefined;
  messageReference: JsonObject | undefined;
  pings: PingRecord;
  source: MessageSource;
  interactionId: string | undefined;
  webhookId: string | undefined;
  createdAt: number;
  editedAt: number | undefined;
  edits: number;
  deleted: boolean;
  /** The nonce the client sent, if any (Discord echoes it in the create response). */
  nonce: string | number | undefined;
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly kind: 'command' | 'autocomplete' | 'component';
  /** For a button click: the message the button was on. */
  readonly messageId?: string;
  readonly name: string;
  readonly commandType: number;
  readonly channelId: string;
  readonly guildId: string | undefined;
  readonly userId: string;
  readonly dispatchedAt: number;
  readonly callbacks: InteractionCallbackRecord[];
  acknowledged: boolean;
  originalMessageId: string | undefined;
}

const CHANNEL_TYPES: Readonly<Record<string, number>> = { text: 0, voice: 2, category: 4, announcement: 5 };

export class DiscordState {
  readonly ids = new SnowflakeSource();
  readonly applicationId: string;
  readonly botUserId: string;
  readonly users = new Map<string, UserRecord>();
  readonly guilds = new Map<string, GuildRecord>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly messages = new Map<string, MessageRecord>();
  /** Messages created with enforce_nonce, by `channel:author:nonce`, for Discord's de-duplication window. */
  readonly nonces = new Map<string, { readonly messageId: string; readonly at: number }>();
  readonly dmChannelByUser = new Map<string, string>();
  /** Registered commands by scope: `global` or a guild id, then by command id. */
  readonly commands = new Map<string, Map<string, JsonObject>>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();

  constructor(options: FakeDiscordOptions) {
    this.applicationId = options.applicationId ?? this.ids.next();
    this.botUserId = options.botUserId ?? this.applicationId;
    this.users.set(this.botUserId, {
      id: this.botUserId,
      username: options.botUsername ?? 'briefbot',
      globalName: null,
      bot: true,
    });
    for (const user of options.users ?? []) {
      this.users.set(user.id, {
        id: user.id,
        username: user.username ?? `user${user.id.slice(-4)}`,
        globalName: user.globalName ?? null,
        bot: user.bot ?? false,
      });
    }
    for (const spec of options.guilds ?? [{}]) this.#addGuild(spec);
  }

  /** The user with this id, created with a plain name when the test never described it. */
  ensureUser(id: string): UserRecord {
    const existing = this.users.get(id);
    if (existing) return existing;
    const user: UserRecord = { id, username: `user${id.slice(-4)}`, globalName: null, bot: false };
    this.users.set(id, user);
    return user;
  }

  /** A channel that exists and has not been made unknown. */
  knownChannel(id: string): ChannelRecord | undefined {
    const channel = this.channels.get(id);
    return channel && !channel.unknown ? channel : undefined;
  }

  /** The DM channel between the bot and this user, opened on first use as Discord does. */
  dmChannelFor(userId: string): ChannelRecord {
    const existing = this.dmChannelByUser.get(userId);
    if (existing) return this.channels.get(existing)!;
    this.ensureUser(userId);
    const channel: ChannelRecord = {
      id: this.ids.next(),
      type: 1,
      name: null,
      guildId: undefined,
      parentId: null,
      topic: null,
      position: 0,
      overwrites: [],
      recipientId: userId,
      lastMessageId: null,
      unknown: false,
    };
    this.channels.set(channel.id, channel);
    this.dmChannelByUser.set(userId, channel.id);
    return channel;
  }

  /** The first text channel of the first guild: where a test speaks when it names no channel. */
  defaultChannelId(): string {
    for (const guild of this.guilds.values()) {
      for (const id of guild.channelIds) if (this.channels.get(id)?.type === 0) return id;
    }
    throw new Error('fake discord: no guild text channel; pass channelId or dm: true');
  }

  /** A member's permissions in a guild channel, Discord's way. */
  permissionsIn(channelId: string, userId: string): bigint {
    const channel = this.channels.get(channelId);
    const guild = channel?.guildId ? this.guilds.get(channel.guildId) : undefined;
    const member = guild?.members.get(userId);
    if (!channel || !guild || !member) return 0n;
    const rolePermissions = new Map([...guild.roles.values()].map((r) => [r.id, r.permissions] as const));
    return computePermissions({
      guildId: guild.id,
      ownerId: guild.ownerId,
      rolePermissions,
      memberId: userId,
      memberRoles: member.roles,
      overwrites: channel.overwrites,
    });
  }

  /** The messages of a channel in the order they were created, without deleted ones. */
  messagesIn(channelId: string): FakeMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.deleted).map((m) => snapshot(m));
  }

  #addGuild(spec: FakeGuildSpec): void {
    const id = spec.id ?? this.ids.next();
    const joinedAt = new Date().toISOString();
    const roles = new Map<string, RoleRecord>();
    roles.set(id, {
      id,
      name: '@everyone',
      permissions: toBits(spec.everyonePermissions ?? DEFAULT_EVERYONE),
      position: 0,
      botId: undefined,
    });
    (spec.roles ?? []).forEach((role, index) => {
      const roleId = role.id ?? this.ids.next();
      roles.set(roleId, {
        id: roleId,
        name: role.name,
        permissions: toBits(role.permissions ?? []),
        position: index + 1,
        botId: undefined,
      });
    });
    const botRoleId = this.ids.next();
    const bot = this.users.get(this.botUserId)!;
    roles.set(botRoleId, {
      id: botRoleId,
      name: bot.username,
      permissions: toBits(spec.botPermissions ?? DEFAULT_BOT),
      position: roles.size,
      botId: this.botUserId,
    });

    const members = new Map<string, MemberRecord>();
    members.set(this.botUserId, { userId: this.botUserId, roles: [botRoleId], nick: null, joinedAt });
    for (const member of spec.members ?? []) {
      this.ensureUser(member.userId);
      const roleIds = (member.roles ?? []).map((ref) => roleIdFor(roles, ref));
      members.set(member.userId, { userId: member.userId, roles: roleIds, nick: member.nick ?? null, joinedAt });
    }
    const ownerId = spec.ownerId ?? this.ids.next();
    const guild: GuildRecord = {
      id,
      name: spec.name ?? 'Test Guild',
      ownerId,
      roles,
      members,
      channelIds: [],
      joinedAt,
    };
    this.guilds.set(id, guild);
    (spec.channels ?? [{ name: 'general' }]).forEach((channel, position) => {
      this.#addChannel(guild, channel, position);
    });
  }

  #addChannel(guild: GuildRecord, spec: FakeChannelSpec, position: number): void {
    const type = typeof spec.type === 'number' ? spec.type : (CHANNEL_TYPES[spec.type ?? 'text'] ?? 0);
    const channel: ChannelRecord = {
      id: spec.id ?? this.ids.next(),
      type,
      name: spec.name,
      guildId: guild.id,
      parentId: spec.parentId ?? null,
      topic: spec.topic ?? null,
      position,
      overwrites: (spec.overwrites ?? []).map((o) => ({
        id: o.id,
        type: o.kind === 'role' ? 0 : 1,
        allow: toBits(o.allow ?? []),
        deny: toBits(o.deny ?? []),
      })),
      recipientId: undefined,
      lastMessageId: null,
      unknown: false,
    };
    this.channels.set(channel.id, channel);
    guild.channelIds.push(channel.id);
  }
}

/** A member's role given by id or by name: `'Editors'` → the id of the role named Editors. */
function roleIdFor(roles: ReadonlyMap<string, RoleRecord>, ref: string): string {
  if (roles.has(ref)) return ref;
  const byName = [...roles.values()].find((role) => role.name === ref);
  if (!byName) throw new Error(`fake discord: member role ${ref} is neither a role id nor a role name`);
  return byName.id;
}

/** A frozen copy of a stored message for tests to read. */
export function snapshot(message: MessageRecord): FakeMessage {
  return {
    id: message.id,
    channelId: message.channelId,
    guildId: message.guildId,
    authorId: message.authorId,
    content: message.content,
    embeds: message.embeds,
    components: message.components,
    attachments: message.attachments,
    flags: message.flags,
    allowedMentions: message.allowedMentions,
    messageReference: message.messageReference,
    pings: message.pings,
    source: message.source,
    interactionId: message.interactionId,
    createdAt: message.createdAt,
    editedAt: message.editedAt,
    edits: message.edits,
    nonce: message.nonce,
  };
}
