/**
 * `briefbot --help` and `briefbot COMMAND --help`: usage with the CLI's global options,
 * generated from the command definitions with the same wording as `help` in every chat, so
 * help cannot drift from what the parser accepts.
 */
import type { CommandDefinition } from '../../core/command.ts';
import { optionRows, twoColumns, usageLine } from '../../core/command-text.ts';
import { CHAT_DESCRIPTION, CHAT_MODE } from './chat-mode.ts';
import { MIGRATE_DESCRIPTION, MIGRATE_MODE } from './migrate-mode.ts';

const GLOBAL_HELP = [
  '  --db FILE   the SQLite database (default data/briefbot.db, or BRIEFBOT_DB)',
  '  --json      print the machine-readable answer',
  '  -h, --help  show help',
];

/** The overview: every CLI command with its one-line description. */
export function generalHelp(commands: readonly CommandDefinition[]): string {
  return [
    'Usage: briefbot [--db FILE] [--json] COMMAND [options]',
    '',
    'Commands:',
    ...twoColumns([
      ...commands.map((c) => [c.name, c.description] as const),
      [CHAT_MODE, CHAT_DESCRIPTION] as const,
      [MIGRATE_MODE, MIGRATE_DESCRIPTION] as const,
    ]),
    '',
    'Options for every command:',
    ...GLOBAL_HELP,
    '',
    'Run "briefbot COMMAND --help" for what a command takes.',
  ].join('\n');
}

/** One command's usage line, description, options and examples. */
export function commandHelp(command: CommandDefinition): string {
  const rows = optionRows(command);
  return [
    `Usage: ${usageLine(command, 'briefbot ')}`,
    '',
    command.description,
    ...(rows.length > 0 ? ['', 'Options:', ...twoColumns(rows)] : []),
    '',
    'Options for every command:',
    ...GLOBAL_HELP,
    ...(command.examples.length > 0 ? ['', 'Examples:', ...command.examples.map((e) => `  briefbot ${e}`)] : []),
  ].join('\n');
}
