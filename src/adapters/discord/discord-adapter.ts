/**
 * The Discord adapter: the discord.js gateway client answering slash commands (with
 * autocomplete), mentions in server channels and direct messages in their conversations,
 * the buttons under its answers (👍 / 👎, "More"), and posting digests to channels. `createDiscordAdapter` is what the composition root calls.
 * Its link to Discord comes and goes: logging in is retried for ever with backoff, the gateway's
 * own reconnections are spaced out with the same backoff (gateway-backoff.ts), each change is
 * logged once, and a token Discord refuses stops the bot with one line naming DISCORD_TOKEN.
 */
import { DiscordjsErrorCodes, Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import { PlatformRefusedError, type ChannelPoster, type PlatformAdapter, type PlatformLink } from '../../core/adapter.ts';
import type { CommandDefinition } from '../../core/command.ts';
import type { Services } from '../../core/dispatch.ts';
import type { DiscordConfig } from '../../config.ts';
import { DEFAULT_IDLE_MINUTES, type ConversationSettings } from '../../core/conversation/converse.ts';
import { DEFAULT_MESSAGE_CAP } from '../answer-pages.ts';
import { ANSWER_BUTTON, handleAnswerButton } from './answer-actions.ts';
import { handleAutocomplete } from './autocomplete.ts';
import { discordPoster } from './channel-poster.ts';
import { createClient } from './client.ts';
import { discordCommandJson, discordName } from './command-json.ts';
import { storeCandidates } from './completions.ts';
import { planDeploy } from './deploy.ts';
import { inFlight } from './in-flight.ts';
import { DEFAULT_BACKOFF, realWaits, type Backoff, type Waits } from '../link/backoff.ts';
import { keepTrying, tryOnce, type AttemptFailure } from '../link/keep-trying.ts';
import { LinkMonitor } from '../link/link-monitor.ts';
import { gatewayStrategy } from './gateway-backoff.ts';
import { errorFields } from './log-fields.ts';
import { handleMessage } from './mentions.ts';
import { restCommandRegistry } from './rest-registry.ts';
import { handleSlashCommand } from './slash-commands.ts';

export interface DiscordAdapterDeps {
  readonly config: DiscordConfig;
  /** The whole registry: the commands whose surfaces include 'chat' are offered. */
  readonly commands: readonly CommandDefinition[];
  /** Store, clock, logger (and writer, digests): the adapter adds who asked. */
  readonly services: Services;
  /** At most one edit of a growing answer per this many milliseconds (default 1,000). */
  readonly progressIntervalMs?: number;
  /** How long `stop` waits for answers in flight (default 10,000 ms). */
  readonly stopTimeoutMs?: number;
  /** The waits between attempts to reach Discord again (default 1 s doubling to 30 s). */
  readonly backoff?: Backoff;
  /** How those waits pass: real time, or a test's. */
  readonly waits?: Waits;
  /** A REST call with no answer after this long fails, and is retried (default 15 s). */
  readonly restTimeoutMs?: number;
  /** How long a gateway connection may take to open (default 30 s). */
  readonly handshakeTimeoutMs?: number;
  /** Follow-ups in reply chains, threads and DMs: how long a conversation may stay idle (default 30 minutes). */
  readonly conversation?: ConversationSettings;
}

export interface DiscordAdapter extends PlatformAdapter {
  readonly poster: ChannelPoster;
  readonly link: PlatformLink;
  /** Resolves once every event received so far has been answered (for tests and shutdown). */
  settled(): Promise<void>;
}

/**
 * The adapter for `config` (not yet connected: `start()` logs in and resolves when the
 * gateway is ready). Failures of single answers are logged and never stop it.
 *
 * @example const discord = createDiscordAdapter({ config: config.discord, commands, services }); await discord.start();
 */
export function createDiscordAdapter(deps: DiscordAdapterDeps): DiscordAdapter {
  const log = deps.services.log.child({ adapter: 'discord' });
  const services: Services = { ...deps.services, log };
  const offered = deps.commands.filter((command) => command.surfaces.includes('chat'));
  const byName = new Map(offered.map((command) => [discordName(command.name), command]));
  const progressIntervalMs = deps.progressIntervalMs ?? 1_000;
  const conversation = deps.conversation ?? { idleMinutes: DEFAULT_IDLE_MINUTES };
  const messageCap = deps.config.maxMessages ?? DEFAULT_MESSAGE_CAP;
  const candidates = storeCandidates(services.store);
  const running = inFlight();
  const backoff = deps.backoff ?? DEFAULT_BACKOFF;
  const waits = deps.waits ?? realWaits;
  const monitor = new LinkMonitor('Discord', log, () => waits.now());
  let client: Client | undefined;
  let stopping = false;
  let stopped = new AbortController();
  /** A login is under way in the background. */
  let trying = false;
  const onError = (error: unknown) => log.error(errorFields(error), 'handling a Discord event failed');

  const onInteraction = async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction, { commands: byName, candidates, log });
    if (interaction.isButton() && ANSWER_BUTTON.test(interaction.customId)) return handleAnswerButton(interaction, { services, log, messageCap });
    if (!interaction.isChatInputCommand()) return;
    if (stopping) {
      await interaction.reply({
        content: 'briefbot is restarting; please try again in a minute.',
        flags: MessageFlags.Ephemeral,
        allowedMentions: { parse: [] },
      });
      return;
    }
    return handleSlashCommand(interaction, { commands: byName, services, log, progressIntervalMs, conversation, messageCap });
  };

  /** A client logged in and ready; on failure it is destroyed and the error thrown. */
  const login = async (): Promise<void> => {
    const gateway = {
      monitor,
      backoff,
      waits,
      signal: stopped.signal,
      ...(deps.handshakeTimeoutMs !== undefined ? { handshakeTimeoutMs: deps.handshakeTimeoutMs } : {}),
    };
    const created = createClient(deps.config, log, gatewayStrategy(gateway), deps.restTimeoutMs);
    created.on(Events.InteractionCreate, (interaction) => running.track(onInteraction(interaction), onError));
    // Closed for good with 4004: the token stopped working while the bot ran.
    created.on(Events.ShardDisconnect, (event) => {
      if (event.code === 4004) {
        const refused = discordAttemptFailure(new Error('Authentication failed'));
        if ('refused' in refused) monitor.refusedWith(refused.refused);
      }
    });
    created.on(Events.MessageCreate, (message) => {
      if (!stopping) running.track(handleMessage(message, { commands: offered, services, log, progressIntervalMs, conversation, messageCap }), onError);
    });
    const ready = new Promise<void>((resolve) => created.once(Events.ClientReady, () => resolve()));
    client = created;
    try {
      await created.login(deps.config.token);
      await ready;
    } catch (error) {
      if (client === created) client = undefined;
      await created.destroy();
      throw error;
    }
    log.info({ user: created.user?.username, guilds: created.guilds.cache.size }, 'logged in to Discord');
    running.track(checkRegistration(created, deps.config, offered, log), (error) =>
      log.warn(errorFields(error), 'could not check the registered slash commands'),
    );
  };

  /** Logs in in the background for as long as it takes (`failures` attempts have failed already). */
  const keepLoggingIn = (failures: number): void => {
    if (trying) return;
    trying = true;
    keepTrying(login, failures, { monitor, backoff, waits, classify: discordAttemptFailure, signal: stopped.signal })
      // A refusal has told the monitor, whose `refused` the composition root awaits.
      .catch(() => undefined)
      .finally(() => {
        trying = false;
      });
  };

  return {
    name: 'discord',
    poster: discordPoster(() => client),
    link: monitor,
    async start() {
      stopping = false;
      stopped = new AbortController();
      // Logging in resolves only once the gateway is ready; while discord.js retries an
      // unreachable gateway, the start is over as soon as the monitor has seen it fail.
      const attempt = tryOnce(login, discordAttemptFailure);
      let unwatch = () => {};
      const gatewayDown = new Promise<'down'>((resolve) => {
        unwatch = monitor.watch((state) => {
          if (state === 'down') resolve('down');
        });
      });
      const first = await Promise.race([attempt, gatewayDown]).finally(() => unwatch());
      if (first === 'down') {
        // The REST API answered, the gateway did not: discord.js keeps trying, spaced by our backoff.
        trying = true;
        void attempt.then((failure) => {
          trying = false;
          if (failure === null) monitor.up();
          else if ('refused' in failure) monitor.refusedWith(failure.refused);
          else {
            monitor.down(failure.cause);
            keepLoggingIn(1);
          }
        });
        return;
      }
      if (first === null) return monitor.up();
      if ('refused' in first) {
        monitor.refusedWith(first.refused);
        throw first.refused;
      }
      monitor.down(first.cause);
      keepLoggingIn(1);
    },
    async stop() {
      stopping = true;
      stopped.abort();
      await running.settled(deps.stopTimeoutMs ?? 10_000);
      await client?.destroy();
      client = undefined;
    },
    settled: () => running.settled(),
  };
}

/**
 * What a failed login means: Discord refusing the token (a 401 on the gateway lookup, or the
 * gateway closing with 4004), or anything else, to be retried: no connection, no answer, a 5xx,
 * HTML or cut-off JSON where JSON was due.
 */
export function discordAttemptFailure(error: unknown): AttemptFailure {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === DiscordjsErrorCodes.TokenInvalid || message === 'Authentication failed') {
    return {
      refused: new PlatformRefusedError(
        'Discord',
        'DISCORD_TOKEN',
        code === DiscordjsErrorCodes.TokenInvalid ? '401 Unauthorized' : 'gateway close 4004',
        "copy the token again from your application's Bot page in the Discord Developer Portal (Reset Token) and set it",
      ),
    };
  }
  return { cause: errorFields(error).err.message as string };
}

/** Warns when the registered slash commands differ from the definitions (a deploy is due). */
async function checkRegistration(client: Client, config: DiscordConfig, offered: readonly CommandDefinition[], log: Services['log']): Promise<void> {
  const applicationId = config.applicationId ?? client.application?.id;
  if (!applicationId) return;
  const registry = restCommandRegistry(client.rest, applicationId, config.guildId);
  const plan = planDeploy(discordCommandJson(offered), await registry.list());
  const stale = plan.created.length + plan.updated.length + plan.removed.length;
  if (stale === 0) log.info({ scope: registry.scope, commands: plan.unchanged.length }, 'slash commands are up to date');
  else
    log.warn(
      { scope: registry.scope, missing: plan.created.length, changed: plan.updated.length, extra: plan.removed.length },
      'slash commands differ from the definitions: run npm run discord:deploy',
    );
}
