/**
 * The Web API methods the fake serves, each answering with the fields Bolt and
 * @slack/web-api read and Slack's error codes for bad arguments. A method gets the
 * parsed arguments and returns the JSON body; transport, auth and recording live in
 * web-api-server.ts.
 */
import { checkMessage } from './block-validation.ts';
import type { MessageVia } from './types.ts';
import type { ChannelState, Workspace } from './workspace.ts';

export interface Identity {
  readonly botUserId: string;
  readonly botId: string;
  readonly botName: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly appId: string;
}

export interface MethodContext {
  readonly workspace: Workspace;
  readonly identity: Identity;
  /** The `seq` the call will be recorded under, so messages can point at it. */
  readonly callSeq: number;
  /** Hands out a Socket Mode URL (apps.connections.open). */
  readonly openSocketUrl: () => string;
}

export type Body = Record<string, unknown>;
type Method = (args: Readonly<Record<string, unknown>>, ctx: MethodContext) => Body;

const fail = (error: string, extra: Body = {}): Body => ({ ok: false, error, ...extra });

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 ? value : undefined;
}

function targetChannel(args: Readonly<Record<string, unknown>>, ctx: MethodContext): ChannelState | Body {
  const id = str(args.channel);
  const channel = id === undefined ? undefined : ctx.workspace.resolveChannel(id);
  if (!channel) return fail('channel_not_found');
  if (!channel.isMember) return fail('not_in_channel');
  return channel;
}

const isBody = (value: ChannelState | Body): value is Body => 'ok' in value;

function invalidMessage(args: Readonly<Record<string, unknown>>): Body | undefined {
  const check = checkMessage(args);
  if (check.ok) return undefined;
  return fail(check.error, check.messages.length > 0 ? { response_metadata: { messages: check.messages } } : {});
}

function messageObject(ctx: MethodContext, ts: string, args: Readonly<Record<string, unknown>>): Body {
  const { identity } = ctx;
  return {
    type: 'message',
    user: identity.botUserId,
    bot_id: identity.botId,
    app_id: identity.appId,
    team: identity.teamId,
    ts,
    text: args.text ?? '',
    ...(args.blocks !== undefined ? { blocks: args.blocks } : {}),
    ...(str(args.thread_ts) !== undefined ? { thread_ts: args.thread_ts } : {}),
  };
}

function recordMessage(
  ctx: MethodContext,
  via: MessageVia,
  channel: string,
  args: Readonly<Record<string, unknown>>,
  extra: { ts?: string; ephemeral?: boolean; visibleTo?: string; replaceOriginal?: boolean; deleteOriginal?: boolean },
): void {
  ctx.workspace.record({
    via,
    channel,
    ts: extra.ts,
    threadTs: str(args.thread_ts),
    text: typeof args.text === 'string' ? args.text : undefined,
    blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined,
    ephemeral: extra.ephemeral ?? false,
    visibleTo: extra.visibleTo,
    replaceOriginal: extra.replaceOriginal ?? false,
    deleteOriginal: extra.deleteOriginal ?? false,
    at: Date.now(),
    callSeq: ctx.callSeq,
  });
}

const postMessage: Method = (args, ctx) => {
  const channel = targetChannel(args, ctx);
  if (isBody(channel)) return channel;
  const invalid = invalidMessage(args);
  if (invalid) return invalid;
  const ts = ctx.workspace.nextTs();
  ctx.workspace.putLive({
    ts,
    channel: channel.id,
    text: typeof args.text === 'string' ? args.text : undefined,
    blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined,
    threadTs: str(args.thread_ts),
    user: ctx.identity.botUserId,
  });
  recordMessage(ctx, 'chat.postMessage', channel.id, args, { ts });
  return { ok: true, channel: channel.id, ts, message: messageObject(ctx, ts, args) };
};

const postEphemeral: Method = (args, ctx) => {
  const channel = targetChannel(args, ctx);
  if (isBody(channel)) return channel;
  const user = str(args.user);
  if (user === undefined || !ctx.workspace.user(user)) return fail('user_not_found');
  const invalid = invalidMessage(args);
  if (invalid) return invalid;
  const ts = ctx.workspace.nextTs();
  recordMessage(ctx, 'chat.postEphemeral', channel.id, args, { ts, ephemeral: true, visibleTo: user });
  return { ok: true, message_ts: ts };
};

const update: Method = (args, ctx) => {
  const channel = targetChannel(args, ctx);
  if (isBody(channel)) return channel;
  const ts = str(args.ts);
  const existing = ts === undefined ? undefined : ctx.workspace.liveMessage(channel.id, ts);
  if (!existing || ts === undefined) return fail('message_not_found');
  if (existing.user !== ctx.identity.botUserId) return fail('cant_update_message');
  const invalid = invalidMessage(args);
  if (invalid) return invalid;
  ctx.workspace.putLive({
    ...existing,
    text: typeof args.text === 'string' ? args.text : existing.text,
    blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : existing.blocks,
  });
  recordMessage(ctx, 'chat.update', channel.id, { ...args, thread_ts: existing.threadTs }, { ts, replaceOriginal: true });
  return { ok: true, channel: channel.id, ts, text: args.text ?? '', message: messageObject(ctx, ts, args) };
};

const remove: Method = (args, ctx) => {
  const channel = targetChannel(args, ctx);
  if (isBody(channel)) return channel;
  const ts = str(args.ts);
  const existing = ts === undefined ? undefined : ctx.workspace.liveMessage(channel.id, ts);
  if (!existing || ts === undefined) return fail('message_not_found');
  if (existing.user !== ctx.identity.botUserId) return fail('cant_delete_message');
  ctx.workspace.deleteLive(channel.id, ts);
  recordMessage(ctx, 'chat.delete', channel.id, { thread_ts: existing.threadTs }, { ts, deleteOriginal: true });
  return { ok: true, channel: channel.id, ts };
};

function channelObject(channel: ChannelState): Body {
  return {
    id: channel.id,
    name: channel.name,
    is_channel: !channel.isIm && !channel.isPrivate,
    is_group: !channel.isIm && channel.isPrivate,
    is_im: channel.isIm,
    is_private: channel.isPrivate,
    is_member: channel.isMember,
    is_archived: false,
    ...(channel.user !== undefined ? { user: channel.user } : {}),
  };
}

const conversationsInfo: Method = (args, ctx) => {
  const id = str(args.channel);
  const channel = id === undefined ? undefined : ctx.workspace.channel(id);
  return channel ? { ok: true, channel: channelObject(channel) } : fail('channel_not_found');
};

const conversationsOpen: Method = (args, ctx) => {
  const existing = str(args.channel);
  if (existing !== undefined) {
    const channel = ctx.workspace.channel(existing);
    return channel?.isIm ? { ok: true, channel: channelObject(channel) } : fail('channel_not_found');
  }
  const users = (str(args.users) ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  if (users.length > 1) return fail('fake_supports_one_user_dms_only');
  const [user] = users as [string];
  if (!ctx.workspace.user(user)) return fail('user_not_found');
  const channel = ctx.workspace.channel(ctx.workspace.dmChannelFor(user));
  return { ok: true, channel: channel ? channelObject(channel) : { id: ctx.workspace.dmChannelFor(user) } };
};

function zoneLabel(tz: string, style: 'long' | 'longOffset'): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: tz, timeZoneName: style }).formatToParts(new Date());
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

function offsetSeconds(tz: string): number {
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(zoneLabel(tz, 'longOffset'));
  if (!match) return 0;
  const [, sign, hours, minutes] = match;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 3600 + Number(minutes) * 60);
}

const usersInfo: Method = (args, ctx) => {
  const id = str(args.user);
  const user = id === undefined ? undefined : ctx.workspace.user(id);
  if (!user) return fail('user_not_found');
  const tz = user.tz ?? 'UTC';
  const realName = user.realName ?? user.name;
  return {
    ok: true,
    user: {
      id: user.id,
      team_id: ctx.identity.teamId,
      name: user.name,
      real_name: realName,
      deleted: false,
      is_admin: user.isAdmin ?? false,
      is_owner: user.isOwner ?? false,
      is_bot: user.isBot ?? false,
      tz,
      tz_label: zoneLabel(tz, 'long'),
      tz_offset: offsetSeconds(tz),
      profile: { real_name: realName, display_name: user.name },
    },
  };
};

const teamInfo: Method = (_args, ctx) => ({
  ok: true,
  team: { id: ctx.identity.teamId, name: ctx.identity.teamName, domain: domainOf(ctx.identity), email_domain: '' },
});

const authTest: Method = (_args, ctx) => ({
  ok: true,
  url: `https://${domainOf(ctx.identity)}.slack.com/`,
  team: ctx.identity.teamName,
  user: ctx.identity.botName,
  team_id: ctx.identity.teamId,
  user_id: ctx.identity.botUserId,
  bot_id: ctx.identity.botId,
  is_enterprise_install: false,
});

const connectionsOpen: Method = (_args, ctx) => ({ ok: true, url: ctx.openSocketUrl() });

function domainOf(identity: Identity): string {
  return identity.teamName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** Every method the fake serves, by name. Anything else answers `unknown_method`. */
export const METHODS: Readonly<Record<string, Method>> = {
  'auth.test': authTest,
  'chat.postMessage': postMessage,
  'chat.postEphemeral': postEphemeral,
  'chat.update': update,
  'chat.delete': remove,
  'conversations.info': conversationsInfo,
  'conversations.open': conversationsOpen,
  'users.info': usersInfo,
  'team.info': teamInfo,
  'apps.connections.open': connectionsOpen,
};

/** Which token a method takes: Socket Mode's app-level token, the bot token, or either. */
export function tokenKindFor(method: string): 'app' | 'bot' | 'any' {
  if (method === 'apps.connections.open') return 'app';
  if (method === 'auth.test') return 'any';
  return 'bot';
}
