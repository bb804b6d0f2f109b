/**
 * The discord.js gateway client briefbot runs, and what it logs about the connection and the
 * REST API. Intents: Guilds (channels and roles, for permissions), GuildMessages (mentions in
 * channels) and DirectMessages. Not the privileged Message Content intent: Discord still
 * gives a bot the content of messages that mention it and of DMs, which is all it answers.
 * Partials.Channel, because a DM channel is not cached before its first message.
 */
import { Client, Events, GatewayIntentBits, Partials, RESTEvents, type WebSocketOptions } from 'discord.js';
import type { DiscordConfig } from '../../config.ts';
import type { Logger } from '../../core/logger.ts';
import { errorFields } from './log-fields.ts';
import { restOptions } from './rest-options.ts';

export const INTENTS = [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.DirectMessages] as const;

/**
 * discord.js's shard options for the configuration.
 *
 * @example shardOptions({ …, sharding: { shards: [0, 1], count: 4 } }) → { shards: [0, 1], shardCount: 4 }
 */
export function shardOptions(config: DiscordConfig): { shards?: 'auto' | number[]; shardCount?: number } {
  const sharding = config.sharding;
  if (!sharding) return {};
  if (sharding.shards === 'auto') return { shards: 'auto' };
  return { shards: [...sharding.shards], shardCount: sharding.count };
}

/**
 * A client for `config` (not logged in), logging REST retries and gateway trouble to `log`;
 * `buildStrategy` (gateway-backoff.ts) spaces its reconnections out and reports them.
 */
export function createClient(config: DiscordConfig, log: Logger, buildStrategy?: WebSocketOptions['buildStrategy'], restTimeoutMs?: number): Client {
  const client = new Client({
    intents: [...INTENTS],
    partials: [Partials.Channel],
    rest: restOptions(config.apiUrl, restTimeoutMs),
    ...(buildStrategy ? { ws: { buildStrategy } } : {}),
    // Sharded (DISCORD_SHARDS): this replica runs only its shards, and Discord sends it only
    // their guilds' events; unsharded, one connection carries the whole bot.
    ...shardOptions(config),
    // Belt and braces: the default for anything sent, on top of each message's own setting.
    allowedMentions: { parse: [] },
    // Every message sent without a nonce of its own gets a fresh one, enforced: when the REST
    // client retries a send that timed out but had reached Discord, Discord returns the
    // message it made instead of making a second.
    enforceNonce: true,
  });
  client.rest.on(RESTEvents.Response, (request, response) => {
    // Retries happen inside discord.js; this is where they become visible. Route, not path:
    // the path of an interaction's webhook holds its token.
    if (response.status >= 500)
      log.warn(
        { method: request.method, route: request.route, status: response.status, attempt: request.retries + 1 },
        'discord server error; retrying within limits',
      );
  });
  client.rest.on(RESTEvents.RateLimited, (info) => {
    log.warn({ method: info.method, route: info.route, retryAfterMs: info.retryAfter, global: info.global }, 'discord rate limit; waiting');
  });
  client.on(Events.Error, (error) => log.error(errorFields(error), 'discord client error'));
  client.on(Events.Warn, (message) => log.warn({ detail: message }, 'discord client warning'));
  // Closing, waiting and reconnecting are the link monitor's to log, once per change.
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ shard, code: event.code }, 'discord gateway closed for good'));
  client.on(Events.ShardError, (error, shard) => log.debug({ ...errorFields(error), shard }, 'discord gateway error'));
  return client;
}
