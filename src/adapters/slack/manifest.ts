/**
 * The Slack app manifest, generated from the command definitions, so the app Slack knows
 * offers exactly the slash commands the adapter answers: one `/PREFIX-NAME` per chat command
 * with its description and usage hint, the umbrella `/PREFIX`, the bot scopes the adapter's
 * Web API calls need, and the two events it listens for (`app_mention`, `message.im`).
 * Paste the output into "Create an app → From a manifest" at api.slack.com/apps.
 */
import type { CommandDefinition } from '../../core/command.ts';
import { usageLine } from '../../core/command-text.ts';
import { EVENTS_PATH } from './bolt-app.ts';
import { slashCommandName, umbrellaCommandName } from './command-names.ts';

/**
 * Why each scope: `commands` (slash commands), `app_mentions:read` (mentions),
 * `im:history` (direct messages), `chat:write` (answers, edits, ephemerals, digests),
 * `users:read` (`users.info`: whether the asker is a workspace admin, for admin commands).
 */
export const BOT_SCOPES = ['app_mentions:read', 'chat:write', 'commands', 'im:history', 'users:read'] as const;
export const BOT_EVENTS = ['app_mention', 'message.im'] as const;

/** Where Slack is told to send requests when no URL is given: replace it, or use Socket Mode. */
export const PLACEHOLDER_REQUEST_URL = `https://YOUR-PUBLIC-HOST${EVENTS_PATH}`;

export interface ManifestOptions {
  readonly commands: readonly CommandDefinition[];
  /** SLACK_COMMAND_PREFIX: commands are `/PREFIX-NAME`. */
  readonly prefix: string;
  /** Socket Mode: Slack sends nothing over HTTP, so the manifest names no request URLs. */
  readonly socketMode: boolean;
  /** The public URL of Bolt's receiver, e.g. https://bot.example.com/slack/events. */
  readonly requestUrl?: string;
  /** The app's name in Slack; default briefbot. */
  readonly appName?: string;
}

export interface SlashCommandEntry {
  readonly command: string;
  readonly description: string;
  readonly usage_hint?: string;
  readonly url?: string;
  readonly should_escape: boolean;
}

/** A manifest as Slack's schema has it (https://api.slack.com/reference/manifests). */
export interface SlackManifest {
  readonly display_information: { readonly name: string; readonly description: string };
  readonly features: {
    readonly app_home: { readonly home_tab_enabled: boolean; readonly messages_tab_enabled: boolean; readonly messages_tab_read_only_enabled: boolean };
    readonly bot_user: { readonly display_name: string; readonly always_online: boolean };
    readonly slash_commands: readonly SlashCommandEntry[];
  };
  readonly oauth_config: { readonly scopes: { readonly bot: readonly string[] } };
  readonly settings: {
    readonly event_subscriptions: { readonly request_url?: string; readonly bot_events: readonly string[] };
    readonly interactivity: { readonly is_enabled: boolean; readonly request_url?: string };
    readonly org_deploy_enabled: boolean;
    readonly socket_mode_enabled: boolean;
    readonly token_rotation_enabled: boolean;
  };
}

/**
 * The manifest for these commands (only those offered in chat), as given: `checkedSlackManifest`
 * (manifest-limits.ts) says what in it Slack would refuse.
 *
 * @example slackManifest({ commands, prefix: 'briefbot', socketMode: true }).features.slash_commands[1]
 *   → { command: '/briefbot-ask', description: 'Ask a question …', usage_hint: 'QUESTION', should_escape: false }
 */
export function slackManifest(options: ManifestOptions): SlackManifest {
  const { prefix } = options;
  const chat = options.commands.filter((c) => c.surfaces.includes('chat'));
  const url = options.socketMode ? undefined : (options.requestUrl ?? PLACEHOLDER_REQUEST_URL);
  const withUrl = url === undefined ? {} : { url };
  const name = options.appName ?? 'briefbot';
  const umbrella: SlashCommandEntry = {
    command: umbrellaCommandName(prefix),
    description: `Any ${name} command: ${chat.map((c) => c.name).join(', ')}`,
    usage_hint: 'COMMAND [options], e.g. help',
    ...withUrl,
    should_escape: false,
  };
  const entries = chat.map((command): SlashCommandEntry => {
    const hint = usageLine(command).slice(command.name.length).trim();
    return {
      command: slashCommandName(prefix, command.name),
      description: command.description,
      ...(hint ? { usage_hint: hint } : {}),
      ...withUrl,
      should_escape: false,
    };
  });
  return {
    display_information: {
      name,
      description: 'Briefs the team on a news story, with every claim cited to outlet, date and article.',
    },
    features: {
      // The messages tab is how users open a DM with the bot.
      app_home: { home_tab_enabled: false, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: name, always_online: true },
      slash_commands: [umbrella, ...entries],
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url === undefined ? {} : { request_url: url }), bot_events: [...BOT_EVENTS] },
      // Interactivity on, so a button left over from an older version is acknowledged, not an error.
      interactivity: { is_enabled: true, ...(url === undefined ? {} : { request_url: url }) },
      org_deploy_enabled: false,
      socket_mode_enabled: options.socketMode,
      token_rotation_enabled: false,
    },
  };
}
