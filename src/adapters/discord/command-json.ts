/**
 * The Discord application command JSON generated from the command definitions, so a slash
 * command's name, description and typed options can never drift from what `help`, the CLI
 * and the chat parser offer. Pure: no discord.js, no I/O; `npm run discord:deploy` sends it.
 */
import type { CommandDefinition, OptionSpec } from '../../core/command.ts';
import { clipText } from '../../core/graphemes.ts';

/** Discord's option types for the option types a definition can declare. */
export const OPTION_TYPE = { string: 3, integer: 4, boolean: 5 } as const;
/** A slash command (CHAT_INPUT). */
export const CHAT_INPUT = 1;
/** The Manage Channels bit: admin commands are shown by default only to those who have it. */
export const MANAGE_CHANNELS = String(1n << 4n);

/** Discord's limits on command JSON. */
export const COMMAND_LIMITS = { name: 32, description: 100, choices: 25, options: 25, maxLength: 6000 } as const;

export interface CommandChoiceJson {
  readonly name: string;
  readonly value: string | number;
}

export interface CommandOptionJson {
  readonly type: (typeof OPTION_TYPE)[keyof typeof OPTION_TYPE];
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly choices?: readonly CommandChoiceJson[];
  readonly autocomplete?: boolean;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
}

export interface CommandJson {
  readonly type: typeof CHAT_INPUT;
  readonly name: string;
  readonly description: string;
  readonly options: readonly CommandOptionJson[];
  /** Set for admin commands: Discord then hides them from members without Manage Channels. */
  readonly default_member_permissions?: string;
}

/**
 * The JSON for every command offered in chats, in registry order.
 *
 * @example discordCommandJson([quote])[0]
 *   → { type: 1, name: 'quote', description: 'Who said what: …', options: [
 *       { type: 3, name: 'about', description: 'A speaker (name or role) or a topic', max_length: 300 },
 *       { type: 3, name: 'speaker', description: '…', autocomplete: true, max_length: 300 }, …] }
 */
export function discordCommandJson(commands: readonly CommandDefinition[]): CommandJson[] {
  return commands.filter((command) => command.surfaces.includes('chat')).map(commandJson);
}

/** One command as Discord's JSON: options required first, each within Discord's limits. */
export function commandJson(command: CommandDefinition): CommandJson {
  const options = [...command.options]
    .sort((a, b) => Number(b.required === true) - Number(a.required === true))
    .slice(0, COMMAND_LIMITS.options)
    .map(optionJson);
  return {
    type: CHAT_INPUT,
    name: discordName(command.name),
    description: description(command.description, command.name),
    options,
    ...(command.admin ? { default_member_permissions: MANAGE_CHANNELS } : {}),
  };
}

/**
 * A name Discord accepts: lower case, letters, digits, `-` and `_`, at most 32 characters.
 *
 * @example discordName('Quote Diff') → 'quote-diff'
 */
export function discordName(name: string): string {
  const cleaned = name
    .toLowerCase()
    .replace(/[^-_\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, COMMAND_LIMITS.name);
  return cleaned === '' ? 'command' : cleaned;
}

function optionJson(spec: OptionSpec): CommandOptionJson {
  const type = OPTION_TYPE[spec.type];
  const choices = spec.choices ?? [];
  // Discord offers at most 25 fixed choices; past that the typed value is checked on arrival.
  const offered = choices.length > 0 && choices.length <= COMMAND_LIMITS.choices && !spec.autocomplete && !spec.multiple;
  const listHint = spec.multiple ? ' (separate several with commas)' : '';
  return {
    type,
    name: discordName(spec.name),
    description: description(`${spec.description}${listHint}`, spec.name),
    ...(spec.required ? { required: true } : {}),
    ...(offered ? { choices: choices.map((choice) => ({ name: choice, value: type === OPTION_TYPE.integer ? Number(choice) : choice })) } : {}),
    ...(spec.autocomplete && type !== OPTION_TYPE.boolean ? { autocomplete: true } : {}),
    // A list's limit is per item, so Discord cannot check it on the whole text.
    ...(type === OPTION_TYPE.string && spec.maxLength !== undefined && !spec.multiple
      ? { max_length: Math.max(1, Math.min(spec.maxLength, COMMAND_LIMITS.maxLength)) }
      : {}),
    ...(type === OPTION_TYPE.integer && spec.min !== undefined ? { min_value: spec.min } : {}),
    ...(type === OPTION_TYPE.integer && spec.max !== undefined ? { max_value: spec.max } : {}),
  };
}

/** One line of 1–100 characters, cut at a word with an ellipsis when longer. */
function description(text: string, fallback: string): string {
  const line = text.replace(/\s+/g, ' ').trim() || fallback;
  if (line.length <= COMMAND_LIMITS.description) return line;
  // Room for the ellipsis, cut between characters as a reader sees them (never inside an emoji).
  const cut = clipText(line, COMMAND_LIMITS.description - 1, '');
  const atWord = cut.replace(/\s+\S*$/, '');
  return `${atWord.length >= 60 ? atWord : cut}…`;
}
