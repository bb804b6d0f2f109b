/**
 * Discord's permission bits and the algorithm Discord documents for a member's permissions in
 * a channel (base from roles, then @everyone, role and member overwrites), so a test can give
 * a user Manage Channels through a role and see discord.js compute the same thing.
 */

export const PERMISSION_FLAGS = {
  CreateInstantInvite: 1n << 0n,
  KickMembers: 1n << 1n,
  BanMembers: 1n << 2n,
  Administrator: 1n << 3n,
  ManageChannels: 1n << 4n,
  ManageGuild: 1n << 5n,
  AddReactions: 1n << 6n,
  ViewAuditLog: 1n << 7n,
  PrioritySpeaker: 1n << 8n,
  Stream: 1n << 9n,
  ViewChannel: 1n << 10n,
  SendMessages: 1n << 11n,
  SendTTSMessages: 1n << 12n,
  ManageMessages: 1n << 13n,
  EmbedLinks: 1n << 14n,
  AttachFiles: 1n << 15n,
  ReadMessageHistory: 1n << 16n,
  MentionEveryone: 1n << 17n,
  UseExternalEmojis: 1n << 18n,
  ViewGuildInsights: 1n << 19n,
  Connect: 1n << 20n,
  Speak: 1n << 21n,
  MuteMembers: 1n << 22n,
  DeafenMembers: 1n << 23n,
  MoveMembers: 1n << 24n,
  UseVAD: 1n << 25n,
  ChangeNickname: 1n << 26n,
  ManageNicknames: 1n << 27n,
  ManageRoles: 1n << 28n,
  ManageWebhooks: 1n << 29n,
  ManageGuildExpressions: 1n << 30n,
  UseApplicationCommands: 1n << 31n,
  RequestToSpeak: 1n << 32n,
  ManageEvents: 1n << 33n,
  ManageThreads: 1n << 34n,
  CreatePublicThreads: 1n << 35n,
  CreatePrivateThreads: 1n << 36n,
  UseExternalStickers: 1n << 37n,
  SendMessagesInThreads: 1n << 38n,
  UseEmbeddedActivities: 1n << 39n,
  ModerateMembers: 1n << 40n,
  ViewCreatorMonetizationAnalytics: 1n << 41n,
  UseSoundboard: 1n << 42n,
  CreateGuildExpressions: 1n << 43n,
  CreateEvents: 1n << 44n,
  UseExternalSounds: 1n << 45n,
  SendVoiceMessages: 1n << 46n,
  SendPolls: 1n << 49n,
  UseExternalApps: 1n << 50n,
} as const;

export type PermissionName = keyof typeof PERMISSION_FLAGS;

export const ALL_PERMISSIONS: bigint = Object.values(PERMISSION_FLAGS).reduce((all, bit) => all | bit, 0n);

/** What @everyone gets in a server created from Discord's default template. */
export const DEFAULT_EVERYONE: readonly PermissionName[] = [
  'CreateInstantInvite',
  'AddReactions',
  'Stream',
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'MentionEveryone',
  'UseExternalEmojis',
  'Connect',
  'Speak',
  'UseVAD',
  'ChangeNickname',
  'UseApplicationCommands',
  'RequestToSpeak',
  'CreatePublicThreads',
  'CreatePrivateThreads',
  'UseExternalStickers',
  'SendMessagesInThreads',
  'UseEmbeddedActivities',
  'UseSoundboard',
  'UseExternalSounds',
  'SendVoiceMessages',
  'SendPolls',
  'UseExternalApps',
];

/** What a typical bot invite link grants the bot's managed role. */
export const DEFAULT_BOT: readonly PermissionName[] = [
  'ViewChannel',
  'SendMessages',
  'SendMessagesInThreads',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseApplicationCommands',
  'AddReactions',
];

/** What an app may do in a DM, as Discord reports in `app_permissions` there. */
export const DM_APP_PERMISSIONS: bigint = toBits([
  'AddReactions',
  'ViewChannel',
  'SendMessages',
  'EmbedLinks',
  'AttachFiles',
  'ReadMessageHistory',
  'UseExternalEmojis',
  'UseApplicationCommands',
  'UseExternalStickers',
  'SendVoiceMessages',
  'SendPolls',
  'UseExternalApps',
]);

/** `['ViewChannel', 'SendMessages']` → 3072n; a bigint passes through. */
export function toBits(spec: bigint | readonly PermissionName[]): bigint {
  if (typeof spec === 'bigint') return spec;
  return spec.reduce((bits, name) => bits | PERMISSION_FLAGS[name], 0n);
}

export interface Overwrite {
  readonly id: string;
  /** 0 role, 1 member, as on the wire. */
  readonly type: 0 | 1;
  readonly allow: bigint;
  readonly deny: bigint;
}

export interface PermissionContext {
  readonly guildId: string;
  readonly ownerId: string;
  readonly rolePermissions: ReadonlyMap<string, bigint>;
  readonly memberId: string;
  /** The member's roles, without @everyone. */
  readonly memberRoles: readonly string[];
  readonly overwrites: readonly Overwrite[];
}

/** A member's permissions in a channel, as Discord's documented algorithm computes them. */
export function computePermissions(context: PermissionContext): bigint {
  if (context.memberId === context.ownerId) return ALL_PERMISSIONS;
  let base = context.rolePermissions.get(context.guildId) ?? 0n;
  for (const role of context.memberRoles) base |= context.rolePermissions.get(role) ?? 0n;
  if (base & PERMISSION_FLAGS.Administrator) return ALL_PERMISSIONS;

  let perms = base;
  const everyone = context.overwrites.find((o) => o.type === 0 && o.id === context.guildId);
  if (everyone) perms = (perms & ~everyone.deny) | everyone.allow;

  let allow = 0n;
  let deny = 0n;
  for (const overwrite of context.overwrites) {
    if (overwrite.type === 0 && context.memberRoles.includes(overwrite.id)) {
      allow |= overwrite.allow;
      deny |= overwrite.deny;
    }
  }
  perms = (perms & ~deny) | allow;

  const own = context.overwrites.find((o) => o.type === 1 && o.id === context.memberId);
  if (own) perms = (perms & ~own.deny) | own.allow;

  // Without View Channel nothing else in the channel applies.
  return perms & PERMISSION_FLAGS.ViewChannel ? perms : 0n;
}
