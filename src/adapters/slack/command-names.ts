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
 * too long or invalid is logged as a warning at start and refused by `npm run slack:manifest`.
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
 * Why a prefix and command name cannot make a slash command Slack accepts, or null when they
 * can: lower-case letters, digits, `-` and `_`, at most 32 characters with the slash.
 *
 * @example slashNameProblem('briefbot', 'ask') === null
 * @example slashNameProblem('Brief Bot', 'ask') → '"/brief bot-ask" may only hold a-z, 0-9, - and _'
 */
export function slashNameProblem(prefix: string, name: string | null): string | null {
  const slash = name === null ? umbrellaCommandName(prefix) : slashCommandName(prefix, name);
  if (!/^\/[a-z0-9][a-z0-9_-]*$/.test(slash)) return `"${slash}" may only hold a-z, 0-9, - and _`;
  if (slash.length > SLASH_COMMAND_MAX_LENGTH) {
    return `"${slash}" is ${slash.length} characters; Slack allows ${SLASH_COMMAND_MAX_LENGTH} (choose a shorter SLACK_COMMAND_PREFIX)`;
  }
  return null;
}
