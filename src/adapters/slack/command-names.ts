/**
 * How briefbot's commands are named in Slack. A workspace shares one namespace of slash
 * commands between every installed app, so a bare `/ask` or `/brief` would collide; each
 * command is `/PREFIX-NAME` (`/briefbot-ask`), and `/PREFIX` alone takes `COMMAND args`
 * (`/briefbot quote --speaker "…"`). The manifest and the receiver both name commands here,
 * so what Slack is told to send is exactly what the adapter answers.
 *
 * Decisions: the prefix is SLACK_COMMAND_PREFIX (default `briefbot`, so two installs in one
 * workspace can use `news` and `sport`); a hyphen joins prefix and name because Slack's
 * autocomplete lists every `/briefbot-…` together when the user types `/briefbot`; names are
 * lower case because Slack matches them so. Slack allows 32 characters with the slash: with
 * the default prefix the longest, `/briefbot-timeline`, has 18. A prefix that makes any name
 * too long or invalid is logged as a warning at start and refused by `npm run slack:manifest`
 * (`prefixProblems`, one line per problem).
 */
import type { CommandDefinition } from '../../core/command.ts';

/** Slack's limit on a slash command, slash included (the manifest schema's maxLength). */
export const SLASH_COMMAND_MAX_LENGTH = 32;

/**
 * The slash command of one chat command.
 *
 * @example slashCommandName('briefbot', 'ask') === '/briefbot-ask'
 */
export function slashCommandName(prefix: string, name: string): string {
  return `/${prefix}-${name}`.toLowerCase();
}

/**
 * The slash command that takes any command as its first word.
 *
 * @example umbrellaCommandName('briefbot') === '/briefbot'
 */
export function umbrellaCommandName(prefix: string): string {
  return `/${prefix}`.toLowerCase();
}

/** What a slash command Slack sent stands for. */
export type SlashTarget =
  | { readonly kind: 'command'; readonly command: CommandDefinition }
  | { readonly kind: 'umbrella' }
  /** Our prefix, but no command of that name any more (renamed or removed since the app was set up). */
  | { readonly kind: 'retired'; readonly name: string }
  /** Not one of ours at all: the app's configuration names a command this prefix never made. */
  | { readonly kind: 'foreign' };

/**
 * Resolves a slash command to a chat command, case-insensitively.
 *
 * @example resolveSlashCommand('/briefbot-ask', 'briefbot', commands) → { kind: 'command', command: ask }
 * @example resolveSlashCommand('/briefbot', 'briefbot', commands) → { kind: 'umbrella' }
 * @example resolveSlashCommand('/briefbot-whois', 'briefbot', commands) → { kind: 'retired', name: 'whois' }
 */
export function resolveSlashCommand(slash: string, prefix: string, commands: readonly CommandDefinition[]): SlashTarget {
  const typed = slash.trim().toLowerCase();
  if (typed === umbrellaCommandName(prefix)) return { kind: 'umbrella' };
  const head = `${umbrellaCommandName(prefix)}-`;
  if (!typed.startsWith(head)) return { kind: 'foreign' };
  const name = typed.slice(head.length);
  const command = commands.find((c) => slashCommandName(prefix, c.name) === typed);
  return command ? { kind: 'command', command } : { kind: 'retired', name };
}

/**
 * What is wrong with the slash commands a prefix makes for these command names, each problem
 * once however many commands it touches: characters Slack refuses, and names over 32
 * characters (with the longest, and the longest prefix that would fit). Empty when all is well.
 *
 * @example prefixProblems('x'.repeat(30), ['ask', 'timeline'])
 *   → ['the prefix "xxx…" makes 3 slash commands longer than Slack's 32 characters (/xxx…-timeline has 40): use a prefix of at most 22 characters (SLACK_COMMAND_PREFIX, or --prefix)']
 */
export function prefixProblems(prefix: string, names: readonly string[]): string[] {
  const slashes = [umbrellaCommandName(prefix), ...names.map((name) => slashCommandName(prefix, name))];
  const problems: string[] = [];
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(umbrellaCommandName(prefix).slice(1))) {
    problems.push(`the prefix "${prefix}" makes slash commands such as "${slashes[0]}", but Slack allows only a-z, 0-9, - and _ (and a letter or digit first)`);
  }
  const long = slashes.filter((slash) => slash.length > SLASH_COMMAND_MAX_LENGTH);
  if (long.length > 0) {
    const longest = long.reduce((a, b) => (b.length > a.length ? b : a));
    const longestName = Math.max(0, ...names.map((name) => name.length));
    const fits = SLASH_COMMAND_MAX_LENGTH - 2 - longestName;
    problems.push(
      `the prefix "${prefix}" makes ${long.length === 1 ? 'a slash command' : `${long.length} slash commands`} longer than Slack's ${SLASH_COMMAND_MAX_LENGTH} characters (${longest} has ${longest.length}): use a prefix of at most ${fits} characters (SLACK_COMMAND_PREFIX, or --prefix)`,
    );
  }
  return problems;
}
