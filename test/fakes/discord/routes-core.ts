/**
 * REST routes for the gateway address, the bot user and application, users, DMs, guilds and
 * channels: what discord.js reads at login and when it fetches something it has not cached.
 */
import { apiError, invalidFormBody, missingAccess, unknownChannel, unknownGuild, unknownMember, unknownUser } from './errors.ts';
import { channelJson, guildJson, memberJson, roleJson, userJson } from './payloads.ts';
import { route, type Route } from './router.ts';
import type { DiscordState, MessageRecord } from './state.ts';
import type { JsonObject, PrivilegedIntentName } from './types.ts';

export interface RestContext {
  readonly state: DiscordState;
  /** The websocket URL `GET /gateway/bot` hands out. */
  readonly gatewayUrl: () => string;
  readonly interactionTimeoutMs: number;
  readonly interactionTokenTtlMs: number;
  readonly privilegedIntents: ReadonlySet<PrivilegedIntentName>;
  /** Tells gateway clients about a message the bot created, edited or deleted through REST. */
  readonly onMessage: (message: MessageRecord, event: MessageEvent) => void;
}

export type MessageEvent = 'MESSAGE_CREATE' | 'MESSAGE_UPDATE' | 'MESSAGE_DELETE';

// Application flags Discord sets when a privileged intent is switched on for an unverified app.
const LIMITED_INTENT_FLAGS: Readonly<Record<PrivilegedIntentName, number>> = {
  GuildPresences: 1 << 13,
  GuildMembers: 1 << 15,
  MessageContent: 1 << 19,
};

export function coreRoutes(context: RestContext): Route[] {
  const { state } = context;
  const bot = (): JsonObject => userJson(state.users.get(state.botUserId)!);
  const application = (): JsonObject => applicationJson(context, bot());
  const guildOr404 = (id: string | undefined) => {
    const guild = state.guilds.get(id ?? '');
    if (!guild) throw unknownGuild();
    return guild;
  };
  const channelOr404 = (id: string | undefined) => {
    const channel = state.knownChannel(id ?? '');
    if (!channel) throw unknownChannel();
    return channel;
  };

  return [
    route('GET', '/gateway', () => ({ status: 200, body: { url: context.gatewayUrl() } }), false),
    route('GET', '/gateway/bot', () => ({
      status: 200,
      body: {
        url: context.gatewayUrl(),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
      },
    })),
    route('GET', '/users/@me', () => ({ status: 200, body: { ...bot(), verified: true, mfa_enabled: false } })),
    route('GET', '/users/@me/guilds', () => ({
      status: 200,
      body: [...state.guilds.values()].map((g) => ({
        id: g.id,
        name: g.name,
        icon: null,
        banner: null,
        owner: false,
        features: [],
        permissions: state.permissionsIn(g.channelIds[0] ?? '', state.botUserId).toString(),
      })),
    })),
    route('POST', '/users/@me/channels', ({ body }) => {
      const recipient = body && typeof body === 'object' && !Array.isArray(body) ? (body as JsonObject).recipient_id : undefined;
      if (typeof recipient !== 'string') {
        throw invalidFormBody([{ path: ['recipient_id'], code: 'BASE_TYPE_REQUIRED', message: 'This field is required' }]);
      }
      if (!state.users.has(recipient)) throw unknownUser();
      if (recipient === state.botUserId) throw apiError(400, 50007, 'Cannot send messages to this user');
      return { status: 200, body: channelJson(state, state.dmChannelFor(recipient)) };
    }),
    route('GET', '/users/:userId', ({ params }) => {
      const user = state.users.get(params.userId ?? '');
      if (!user) throw unknownUser();
      return { status: 200, body: userJson(user) };
    }),
    route('GET', '/applications/@me', () => ({ status: 200, body: application() })),
    route('GET', '/oauth2/applications/@me', () => ({ status: 200, body: application() })),
    route('GET', '/channels/:channelId', ({ params }) => ({
      status: 200,
      body: channelJson(state, channelOr404(params.channelId)),
    })),
    route('POST', '/channels/:channelId/typing', ({ params }) => {
      const channel = channelOr404(params.channelId);
      if (channel.guildId && state.permissionsIn(channel.id, state.botUserId) === 0n) throw missingAccess();
      return { status: 204 };
    }),
    route('GET', '/guilds/:guildId', ({ params }) => ({ status: 200, body: guildJson(state, guildOr404(params.guildId)) })),
    route('GET', '/guilds/:guildId/channels', ({ params }) => ({
      status: 200,
      body: guildOr404(params.guildId)
        .channelIds.map((id) => state.channels.get(id)!)
        .filter((c) => !c.unknown)
        .map((c) => channelJson(state, c)),
    })),
    route('GET', '/guilds/:guildId/roles', ({ params }) => ({
      status: 200,
      body: [...guildOr404(params.guildId).roles.values()].map(roleJson),
    })),
    route('GET', '/guilds/:guildId/members/:userId', ({ params }) => {
      const member = guildOr404(params.guildId).members.get(params.userId ?? '');
      if (!member) throw unknownMember();
      return { status: 200, body: memberJson(state, member, true) };
    }),
  ];
}

function applicationJson(context: RestContext, bot: JsonObject): JsonObject {
  let flags = 0;
  for (const intent of context.privilegedIntents) flags |= LIMITED_INTENT_FLAGS[intent];
  return {
    id: context.state.applicationId,
    name: String(bot.username),
    icon: null,
    description: '',
    summary: '',
    type: null,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags,
    bot,
    owner: { id: '1', username: 'owner', discriminator: '0', global_name: null, avatar: null, public_flags: 0, flags: 0 },
    team: null,
    approximate_guild_count: context.state.guilds.size,
    redirect_uris: [],
    interactions_endpoint_url: null,
    tags: [],
    install_params: { scopes: ['bot', 'applications.commands'], permissions: '0' },
    integration_types_config: { '0': {}, '1': {} },
  };
}
