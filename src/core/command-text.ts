/**
 * How commands and their options are named in usage lines, help and messages, the same on
 * every surface: a flag is `--speaker`, the free text is its name in capitals (`QUESTION`).
 * Everything is generated from the definitions, so help cannot drift from what parsing accepts.
 */
import { clipText } from './graphemes.ts';
import type { CommandDefinition, OptionSpec } from './command.ts';

/**
 * How help and messages name an option: `--speaker` for a flag, `QUESTION` for the free text.
 *
 * @example optionLabel({ name: 'question', rest: true, … }) === 'QUESTION'
 */
export function optionLabel(spec: OptionSpec): string {
  return spec.rest ? spec.name.toUpperCase() : `--${spec.name}`;
}

/**
 * An option as it is typed: `--speaker SPEAKER`, `--limit N`, `--full`, or `QUESTION` (with
 * `…` when it takes several values).
 */
export function optionUsage(spec: OptionSpec): string {
  if (spec.rest) return spec.multiple ? `${optionLabel(spec)}…` : optionLabel(spec);
  if (spec.type === 'boolean') return `--${spec.name}`;
  return `--${spec.name} ${spec.type === 'integer' ? 'N' : spec.name.toUpperCase()}`;
}

/**
 * The usage line of a command: flags first, then the free text; optional parts in brackets.
 *
 * @example usageLine(quotes) === 'quotes [--speaker SPEAKER] [--article ARTICLE]'
 * @example usageLine(ask, 'briefbot ') === 'briefbot ask QUESTION'
 */
export function usageLine(command: CommandDefinition, prefix = ''): string {
  const flags = command.options.filter((o) => !o.rest);
  const rest = command.options.filter((o) => o.rest);
  const word = (o: OptionSpec) => (o.required ? optionUsage(o) : `[${optionUsage(o)}]`);
  return [`${prefix}${command.name}`, ...flags.map(word), ...rest.map(word)].join(' ');
}

/**
 * An option's description with its limits: `sort order (one of date, speaker)`,
 * `at most this many (at least 1; at most 50)`.
 */
export function optionDescription(spec: OptionSpec): string {
  const notes = [
    spec.choices ? `one of ${spec.choices.join(', ')}` : null,
    spec.min !== undefined ? `at least ${spec.min}` : null,
    spec.max !== undefined ? `at most ${spec.max}` : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0 ? `${spec.description} (${notes.join('; ')})` : spec.description;
}

/**
 * Rows of `[usage, description]` for a command's options, for a two-column list.
 *
 * @example optionRows(quotes) → [['--speaker SPEAKER', 'by this speaker'], …]
 */
export function optionRows(command: CommandDefinition): readonly (readonly [string, string])[] {
  return command.options.map((o) => [optionUsage(o), optionDescription(o)] as const);
}

/** Rows laid out in two aligned columns, each line indented by `indent`. */
export function twoColumns(rows: readonly (readonly [string, string])[], indent = '  '): string[] {
  const width = Math.max(0, ...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `${indent}${left.padEnd(width)}  ${right}`.trimEnd());
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what is removed from an echoed value.
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]+/g;

/**
 * Text the user typed, cut short and on one line with no control characters, so echoing a
 * 4,000-character argument back stays a one-line message.
 *
 * @example shortText('x'.repeat(4000), 5) === 'xxxxx…'
 */
export function shortText(value: string, max = 30): string {
  // Control characters (C0, DEL, C1) go, so an echoed value cannot move the cursor or colour.
  const flat = value.replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  return clipText(flat, max + 1);
}

/**
 * A value the user typed, quoted for a message (see `shortText`).
 *
 * @example echoValue('ten') === '"ten"'
 */
export function echoValue(value: string, max = 30): string {
  return `"${shortText(value, max)}"`;
}
