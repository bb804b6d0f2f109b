/**
 * The Discord adapter: the discord.js gateway client answering slash commands (with
 * autocomplete), mentions in server channels and direct messages in their conversations,
 * the buttons under its answers (👍 / 👎, "More"), and posting digests to channels. `createDiscordAdapter` is what the composition root calls.
 */
import { Events, MessageFlags, type Client, type Interaction } from 'discord.js';
import type { ChannelPoster, PlatformAdapter } from '../../core/adapter.ts';
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
  /** Follow-ups in reply chains, threads and DMs: how long a conversation may stay idle (default 30 minutes). */
  readonly conversation?: ConversationSettings;
}

export interface DiscordAdapter extends PlatformAdapter {
  readonly poster: ChannelPoster;
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
  let client: Client | undefined;
  let stopping = false;
  const onError = (error: unknown) => log.error(errorFields(error), 'handling a Discord event failed');

  const onInteraction = async (interaction: Interaction): Promise<void> => {
    if (interaction.isAutocomplete()) return handleAutocomplete(interaction, { commands: byName, candidates, log });
    if (interaction.isButton() && ANSWER_BUTTON.test(interaction.customId)) return handleAnswerButton(interaction, { services, log, messageCap });
    if (!interaction.isChatInputCommand()) return;
    if (stopping) {
      await interaction.reply({ content: 'briefbot is restarting; please try again in a minute.', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } });
      return;
    }
    return handleSlashCommand(interaction, { commands: byName, services, log, progressIntervalMs, conversation, messageCap });
  };

  const connect = async (): Promise<Client> => {
    const created = createClient(deps.config, log);
    created.on(Events.InteractionCreate, (interaction) => running.track(onInteraction(interaction), onError));
    created.on(Events.MessageCreate, (message) => {
      if (!stopping) running.track(handleMessage(message, { commands: offered, services, log, progressIntervalMs, conversation, messageCap }), onError);
    });
    const ready = new Promise<void>((resolve) => created.once(Events.ClientReady, () => resolve()));
    try {
      await created.login(deps.config.token);
      await ready;
    } catch (error) {
      await created.destroy();
      log.error(errorFields(error), 'could not connect to Discord');
      throw new Error(`could not connect to Discord: ${error instanceof Error ? error.message : String(error)} (check DISCORD_TOKEN and DISCORD_API_URL)`);
    }
    return created;
  };

  return {
    name: 'discord',
    poster: discordPoster(() => client),
    async start() {
      stopping = false;
      client = await connect();
      log.info({ user: client.user?.username, guilds: client.guilds.cache.size }, 'connected to Discord');
      running.track(checkRegistration(client, deps.config, offered, log), (error) =>
        log.warn(errorFields(error), 'could not check the registered slash commands'),
      );
    },
    async stop() {
      stopping = true;
      await running.settled(deps.stopTimeoutMs ?? 10_000);
      await client?.destroy();
      client = undefined;
    },
    settled: () => running.settled(),
  };
}

/** Warns when the registered slash commands differ from the definitions (a deploy is due). */
async function checkRegistration(client: Client, config: DiscordConfig, offered: readonly CommandDefinition[], log: Services['log']): Promise<void> {
  const applicationId = config.applicationId ?? client.application?.id;
  if (!applicationId) return;
  const registry = restCommandRegistry(client.rest, applicationId, config.guildId);
  const plan = planDeploy(discordCommandJson(offered), await registry.list());
  const stale = plan.created.length + plan.updated.length + plan.removed.length;
  if (stale === 0) log.info({ scope: registry.scope, commands: plan.unchanged.length }, 'slash commands are up to date');
  else log.warn({ scope: registry.scope, missing: plan.created.length, changed: plan.updated.length, extra: plan.removed.length }, 'slash commands differ from the definitions: run npm run discord:deploy');
}
