/**
 * `npm run discord:deploy`: registers the slash commands generated from the definitions,
 * guild-scoped when DISCORD_GUILD_ID is set (visible at once in that server), global
 * otherwise (every server the bot is in), sending only what changed. Prints what it did, or
 * one line saying what to fix.
 *
 *   npm run discord:deploy -- --dry-run   prints the command JSON it would register; sends nothing, needs no token
 *   npm run discord:deploy -- --help      says so
 */
import { parseArgs } from 'node:util';
import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import { ConfigError, loadConfig, type Config } from '../../config.ts';
import { discordCommandJson } from './command-json.ts';
import { deployCommands, deploySummary } from './deploy.ts';
import { closeRest, createRest } from './rest-options.ts';
import { restCommandRegistry } from './rest-registry.ts';

export interface DeployRunOptions {
  /** The arguments after `npm run discord:deploy --`. */
  readonly argv?: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The whole registry; the commands offered in chats are registered. */
  readonly commands: readonly CommandDefinition[];
  /** Where the report goes (stdout). */
  readonly write: (line: string) => void;
  /** Where a problem goes (stderr). */
  readonly fail: (line: string) => void;
}

export const DEPLOY_USAGE = [
  'usage: npm run discord:deploy -- [--dry-run]',
  '',
  "Registers briefbot's slash commands with Discord, sending only what changed since the last deploy.",
  'Needs DISCORD_TOKEN and DISCORD_APPLICATION_ID; with DISCORD_GUILD_ID they are registered in that',
  'server only (at once), without it globally (every server the bot is in; can take a few minutes).',
  '',
  '  --dry-run   print the command JSON that would be registered, and send nothing (needs no token)',
  '  -h, --help  show this help',
].join('\n');

/**
 * Runs the deploy; resolves to the exit code: 0 done, 1 Discord refused or could not be
 * reached, 2 a bad argument or a setting missing or bad.
 *
 * @example await runDiscordDeploy({ env: {}, … }) → 2, after "DISCORD_TOKEN is missing: set it to …"
 * @example await runDiscordDeploy({ argv: ['--dry-run'], env: {}, … }) → 0, after printing the JSON
 */
export async function runDiscordDeploy(options: DeployRunOptions): Promise<number> {
  let flags: { readonly 'dry-run'?: boolean | undefined; readonly help?: boolean | undefined };
  try {
    ({ values: flags } = parseArgs({
      args: [...(options.argv ?? [])],
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (error) {
    options.fail(`${error instanceof Error ? error.message.split('\n')[0] : String(error)} (npm run discord:deploy -- --help lists the options)`);
    return 2;
  }
  if (flags.help) {
    options.write(DEPLOY_USAGE);
    return 0;
  }
  if (flags['dry-run']) {
    options.write(JSON.stringify(discordCommandJson(options.commands), null, 2));
    return 0;
  }
  let config: Config;
  try {
    config = loadConfig(options.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    options.fail(error.message);
    return 2;
  }
  const discord = config.discord;
  if (!discord) {
    options.fail("DISCORD_TOKEN is missing: set it to the bot token from your application's Bot page in the Discord Developer Portal (see the README)");
    return 2;
  }
  if (!discord.applicationId) {
    options.fail("DISCORD_APPLICATION_ID is missing: set it to the Application ID from your application's General Information page");
    return 2;
  }
  const rest = createRest(discord.token, discord.apiUrl);
  const registry = restCommandRegistry(rest, discord.applicationId, discord.guildId);
  try {
    const plan = await deployCommands(registry, discordCommandJson(options.commands));
    const names = (label: string, list: readonly { readonly name: string }[]) => {
      if (list.length > 0) options.write(`${label}: ${list.map((command) => `/${command.name}`).join(', ')}`);
    };
    names('created', plan.created);
    names('updated', plan.updated);
    names('removed', plan.removed);
    options.write(deploySummary(plan, registry.scope));
    if (!discord.guildId && plan.created.length + plan.updated.length > 0) {
      options.write('Global commands can take a few minutes to appear; set DISCORD_GUILD_ID to register in one server at once.');
    }
    return 0;
  } catch (error) {
    options.fail(explainDeployError(error, discord.guildId, discord.apiUrl));
    return 1;
  } finally {
    closeRest(rest);
  }
}

/** One line that says what Discord answered and what to change. */
export function explainDeployError(error: unknown, guildId: string | undefined, apiUrl: string | undefined): string {
  if (error instanceof DiscordAPIError) {
    if (error.status === 401) return 'Discord refused DISCORD_TOKEN (401 Unauthorized): copy the token again from the Bot page (Reset Token) and set it';
    if (error.code === 50001 && guildId) {
      return `Discord says Missing Access to server ${guildId}: invite the bot there with the applications.commands scope (the README's invite link), check DISCORD_GUILD_ID, or unset it to register globally`;
    }
    if (error.code === 10002 || error.status === 404 || error.code === 50001) {
      return 'Discord does not know this application for this token: check that DISCORD_APPLICATION_ID is the Application ID of the bot whose token is DISCORD_TOKEN';
    }
    return `Discord refused the commands (${error.status}, code ${String(error.code)}): ${error.message}`;
  }
  if (error instanceof RateLimitError) return `Discord is rate limiting command registration; try again in ${Math.ceil(error.retryAfter / 1000)} s`;
  if (error instanceof HTTPError) return `Discord answered ${error.status} ${error.message}; try again later`;
  const message = error instanceof Error ? error.message : String(error);
  return `could not reach Discord${apiUrl ? ` at ${apiUrl}` : ''}: ${message}`;
}
