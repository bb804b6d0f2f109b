/**
 * Slack's limits on an app manifest (its published schema, github.com/slackapi/manifest-schema),
 * checked before the manifest is printed, so Slack never refuses what we generate. Each problem
 * is stated once, however many fields it touches: a prefix that makes every command too long is
 * one problem, not one per command.
 */
import { prefixProblems } from './command-names.ts';
import { slackManifest, type ManifestOptions, type SlackManifest } from './manifest.ts';

/** The schema's maximum lengths, in characters. */
export const MANIFEST_LIMITS = {
  appName: 35,
  appDescription: 140,
  botDisplayName: 80,
  slashCommands: 50,
  commandDescription: 2_000,
  usageHint: 1_000,
  /** A slash command's url; the event and interactivity URLs may be 3,500, and the one --url sets all three. */
  requestUrl: 3_000,
} as const;

/**
 * The manifest for `options`, or the problems that keep Slack from accepting it.
 *
 * @example checkedSlackManifest({ commands, prefix: 'briefbot', socketMode: true, appName: 'A'.repeat(39) })
 *   → { problems: ['--name "AAAA…" has 39 characters; Slack allows 35 for an app\'s name'] }
 */
export function checkedSlackManifest(options: ManifestOptions): { readonly manifest: SlackManifest } | { readonly problems: readonly string[] } {
  const manifest = slackManifest(options);
  const problems = manifestProblems(manifest, options);
  return problems.length > 0 ? { problems } : { manifest };
}

/** Every way `manifest` (built from `options`) breaks Slack's limits, one line each. */
export function manifestProblems(manifest: SlackManifest, options: ManifestOptions): string[] {
  const chat = options.commands.filter((command) => command.surfaces.includes('chat')).map((command) => command.name);
  const problems = prefixProblems(options.prefix, chat);
  const tooLong = (what: string, value: string, max: number) => {
    if (value.length > max) problems.push(`${what} has ${value.length.toLocaleString('en-GB')} characters; Slack allows ${max.toLocaleString('en-GB')}`);
  };
  const name = manifest.display_information.name;
  if (name.trim() === '') problems.push('--name is empty: give the app a name of 1 to 35 characters');
  else tooLong(`--name "${name}"`, name, MANIFEST_LIMITS.appName);
  tooLong('the app description', manifest.display_information.description, MANIFEST_LIMITS.appDescription);
  // The bot's display name is the app's name: a name too long for the app is already reported.
  if (name.length <= MANIFEST_LIMITS.appName) tooLong('the bot display name', manifest.features.bot_user.display_name, MANIFEST_LIMITS.botDisplayName);
  const entries = manifest.features.slash_commands;
  if (entries.length > MANIFEST_LIMITS.slashCommands) {
    problems.push(`${entries.length} slash commands; Slack allows ${MANIFEST_LIMITS.slashCommands} per app`);
  }
  for (const entry of entries) {
    tooLong(`the description of ${entry.command}`, entry.description, MANIFEST_LIMITS.commandDescription);
    if (entry.usage_hint !== undefined) tooLong(`the usage hint of ${entry.command}`, entry.usage_hint, MANIFEST_LIMITS.usageHint);
  }
  if (options.requestUrl !== undefined) {
    if (!/^https?:\/\/\S+$/.test(options.requestUrl)) {
      problems.push(`--url is "${options.requestUrl.slice(0, 60)}": give the full public URL of the receiver, e.g. https://bot.example.com/slack/events`);
    } else tooLong('--url', options.requestUrl, MANIFEST_LIMITS.requestUrl);
  }
  return problems;
}
