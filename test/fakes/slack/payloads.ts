/**
 * The payloads Slack sends an app, built with the fields Bolt reads (and the ones real
 * Slack includes, so an adapter that reads them works in production too). The same
 * payload goes over HTTP (signed) or inside a Socket Mode envelope.
 */
import type { BlockActionInput, DirectMessageInput, MentionInput, SlashCommandInput } from './types.ts';
import type { Identity } from './web-api-methods.ts';
import type { Workspace } from './workspace.ts';

export type Payload = Record<string, unknown>;

export interface PayloadContext {
  readonly workspace: Workspace;
  readonly identity: Identity;
  /** `http://127.0.0.1:<port>`: response_urls point here. */
  readonly origin: string;
}

/** The deprecated verification token Slack still sends in payloads; Bolt ignores it. */
const VERIFICATION_TOKEN = 'fake-verification-token';

function defaultUser(ctx: PayloadContext, user: string | undefined): string {
  const id = user ?? ctx.workspace.allUsers()[0]?.id;
  if (id === undefined) throw new Error('FakeSlack has no users: pass users to FakeSlack.start or a user here');
  return id;
}

function defaultChannel(ctx: PayloadContext, channel: string | undefined): string {
  const id = channel ?? ctx.workspace.allChannels().find((c) => !c.isIm)?.id;
  if (id === undefined) throw new Error('FakeSlack has no channels: pass channels to FakeSlack.start or a channel here');
  return id;
}

function triggerId(ctx: PayloadContext): string {
  return `${Date.now()}.${ctx.workspace.nextId('')}.fake${Math.random().toString(16).slice(2, 10)}`;
}

function domain(identity: Identity): string {
  return identity.teamName.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/**
 * A slash command as Slack posts it (every value a string): `{ command: '/brief-ask',
 * text: 'who said it?' }` → `{ command, text, user_id, channel_id, team_id, trigger_id,
 * response_url: 'http://127.0.0.1:…/respond/R00000001', … }`.
 */
export function slashCommandPayload(ctx: PayloadContext, input: SlashCommandInput): Payload {
  const user = defaultUser(ctx, input.user);
  const channelId = defaultChannel(ctx, input.channel);
  const channel = ctx.workspace.channel(channelId);
  const grant = ctx.workspace.grantResponseUrl(channelId, user);
  return {
    token: VERIFICATION_TOKEN,
    team_id: ctx.identity.teamId,
    team_domain: domain(ctx.identity),
    channel_id: channelId,
    channel_name: channel?.isIm ? 'directmessage' : (channel?.name ?? channelId),
    user_id: user,
    user_name: ctx.workspace.user(user)?.name ?? user,
    command: input.command,
    text: input.text ?? '',
    api_app_id: ctx.identity.appId,
    is_enterprise_install: 'false',
    response_url: `${ctx.origin}/respond/${grant.id}`,
    trigger_id: triggerId(ctx),
  };
}

function eventCallback(ctx: PayloadContext, event: Payload): Payload {
  const now = Date.now();
  return {
    token: VERIFICATION_TOKEN,
    team_id: ctx.identity.teamId,
    api_app_id: ctx.identity.appId,
    event,
    type: 'event_callback',
    event_id: ctx.workspace.nextId('Ev'),
    event_time: Math.floor(now / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: ctx.identity.teamId,
        user_id: ctx.identity.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${ctx.workspace.nextId('')}`,
  };
}

/** An `app_mention` event callback: text `hello` → `<@U0BOT> hello`, with a fresh `ts`. */
export function mentionPayload(ctx: PayloadContext, input: MentionInput): Payload {
  const ts = ctx.workspace.nextTs();
  return eventCallback(ctx, {
    type: 'app_mention',
    user: defaultUser(ctx, input.user),
    text: `<@${ctx.identity.botUserId}> ${input.text}`,
    ts,
    channel: defaultChannel(ctx, input.channel),
    event_ts: ts,
    team: ctx.identity.teamId,
    client_msg_id: `fake-${ctx.workspace.nextId('')}`,
    ...(input.threadTs !== undefined ? { thread_ts: input.threadTs } : {}),
  });
}

/** A `message` event in the bot's DM with the user (`channel_type: 'im'`). */
export function directMessagePayload(ctx: PayloadContext, input: DirectMessageInput): Payload {
  const user = defaultUser(ctx, input.user);
  const ts = ctx.workspace.nextTs();
  return eventCallback(ctx, {
    type: 'message',
    channel: ctx.workspace.dmChannelFor(user),
    user,
    text: input.text,
    ts,
    event_ts: ts,
    channel_type: 'im',
    team: ctx.identity.teamId,
    client_msg_id: `fake-${ctx.workspace.nextId('')}`,
  });
}

/** The handshake Slack sends when a Request URL is saved; the app must echo `challenge`. */
export function urlVerificationPayload(challenge: string): Payload {
  return { token: VERIFICATION_TOKEN, challenge, type: 'url_verification' };
}

/** A button click (`block_actions`) on a message, with a response_url tied to that message. */
export function blockActionPayload(ctx: PayloadContext, input: BlockActionInput): Payload {
  const user = defaultUser(ctx, input.user);
  const channelId = defaultChannel(ctx, input.channel);
  const grant = ctx.workspace.grantResponseUrl(channelId, user, input.messageTs);
  const message = input.messageTs === undefined ? undefined : ctx.workspace.liveMessage(channelId, input.messageTs);
  const actionTs = ctx.workspace.nextTs();
  return {
    type: 'block_actions',
    user: { id: user, username: ctx.workspace.user(user)?.name ?? user, name: ctx.workspace.user(user)?.name ?? user, team_id: ctx.identity.teamId },
    api_app_id: ctx.identity.appId,
    token: VERIFICATION_TOKEN,
    container: { type: 'message', message_ts: input.messageTs ?? actionTs, channel_id: channelId, is_ephemeral: false },
    trigger_id: triggerId(ctx),
    team: { id: ctx.identity.teamId, domain: domain(ctx.identity) },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: channelId, name: ctx.workspace.channel(channelId)?.name ?? channelId },
    ...(message ? { message: { type: 'message', user: message.user, ts: message.ts, text: message.text ?? '', blocks: message.blocks ?? [] } } : {}),
    response_url: `${ctx.origin}/respond/${grant.id}`,
    actions: [
      {
        action_id: input.actionId,
        block_id: input.blockId ?? 'fake-block',
        text: { type: 'plain_text', text: input.actionId, emoji: true },
        value: input.value ?? '',
        type: 'button',
        action_ts: actionTs,
      },
    ],
  };
}
