/**
 * Help text for the terminal, generated from the command definitions: nothing here is
 * written by hand per command, so help cannot drift from what the parser accepts.
 */
import type { CommandDefinition, OptionSpec } from '../../core/command.ts';
import { label } from './parse-args.ts';

const GLOBAL_HELP = [
  '  --db FILE   the SQLite database (default data/briefbot.db, or BRIEFBOT_DB)',
  '  --json      print the machine-readable answer',
  '  -h, --help  show help',
];

/** The overview: every CLI command with its one-line description. */
export function generalHelp(commands: readonly CommandDefinition[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'Usage: briefbot [--db FILE] [--json] COMMAND [options]',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.description}`),
    '',
    'Options for every command:',
    ...GLOBAL_HELP,
    '',
    'Run "briefbot COMMAND --help" for what a command takes.',
  ].join('\n');
}

/** One command's usage line, description, options and examples. */
export function commandHelp(command: CommandDefinition): string {
  const flags = command.options.filter((o) => !o.rest);
  const rest = command.options.find((o) => o.rest);
  const usage = [
    'Usage: briefbot',
    command.name,
    ...flags.map((o) => (o.required ? flagUsage(o) : `[${flagUsage(o)}]`)),
    ...(rest ? [restUsage(rest)] : []),
  ].join(' ');
  const lines = command.options.map((o) => [o.rest ? label(o) : flagUsage(o), describe(o)] as const);
  const width = Math.max(0, ...lines.map(([left]) => left.length));
  return [
    usage,
    '',
    command.description,
    ...(lines.length > 0 ? ['', 'Options:', ...lines.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`)] : []),
    '',
    'Options for every command:',
    ...GLOBAL_HELP,
    ...(command.examples.length > 0 ? ['', 'Examples:', ...command.examples.map((e) => `  briefbot ${e}`)] : []),
  ].join('\n');
}

function flagUsage(option: OptionSpec): string {
  if (option.type === 'boolean') return `--${option.name}`;
  return `--${option.name} ${option.type === 'integer' ? 'N' : option.name.toUpperCase()}`;
}

function restUsage(option: OptionSpec): string {
  const word = option.multiple ? `${label(option)}…` : label(option);
  return option.required ? word : `[${word}]`;
}

function describe(option: OptionSpec): string {
  const notes = [
    option.choices ? `one of ${option.choices.join(', ')}` : null,
    option.min !== undefined ? `at least ${option.min}` : null,
    option.max !== undefined ? `at most ${option.max}` : null,
  ].filter((note): note is string => note !== null);
  return notes.length > 0 ? `${option.description} (${notes.join('; ')})` : option.description;
}
