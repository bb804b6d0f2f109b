/**
 * Parses a command line generically from the command definitions: the first word names the
 * command, its options become flags (`--speaker NAME`), its `rest` option takes the
 * positional words, and `--db FILE`, `--json` and `--help` work everywhere.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { CommandDefinition, OptionSpec, ParsedOptions } from '../../core/command.ts';
import { closeMatches } from '../../core/close-matches.ts';
import { echoValue } from '../../core/command-text.ts';
import { validateOptions } from '../../core/option-validation.ts';

export interface GlobalOptions {
  readonly db: string | undefined;
  readonly json: boolean;
}

export type Invocation =
  | { readonly kind: 'run'; readonly command: CommandDefinition; readonly options: ParsedOptions; readonly global: GlobalOptions }
  | {
      readonly kind: 'help';
      readonly command: CommandDefinition | null;
      readonly global: GlobalOptions;
      /** False when help is shown because no command was given. */
      readonly asked: boolean;
    };

/** A command line the user must fix; the message is one line, fit to print as it is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  constructor(
    message: string,
    readonly command: string | null = null,
  ) {
    super(message);
  }
}

const GLOBAL_OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/**
 * What the user asked for.
 *
 * @example parseCommandLine(['quotes', '--speaker', 'Chen', '--json'], commands)
 *   → { kind: 'run', command: quotes, options: { speaker: 'Chen' }, global: { json: true } }
 * @throws UsageError for an unknown command or option, a missing value or a bad number
 */
export function parseCommandLine(argv: readonly string[], commands: readonly CommandDefinition[]): Invocation {
  const at = commandPosition(argv);
  const name = at === -1 ? null : argv[at]!;
  const command = name === null ? null : commands.find((c) => c.name === name);
  if (name !== null && !command) {
    const near = closeMatches(
      name,
      commands.map((c) => c.name),
    );
    const hint = near.length > 0 ? `did you mean ${near.join(' or ')}?` : `commands: ${commands.map((c) => c.name).join(', ')}`;
    throw new UsageError(`unknown command "${name}": ${hint}`);
  }
  const rest = at === -1 ? [...argv] : [...argv.slice(0, at), ...argv.slice(at + 1)];
  const { values, positionals } = parseFlags(rest, command ?? null);
  const global: GlobalOptions = { db: values.db as string | undefined, json: values.json === true };
  if (values.help === true || !command) {
    if (!command && positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
    return { kind: 'help', command: command ?? null, global, asked: values.help === true };
  }
  return { kind: 'run', command, options: commandOptions(command, values, positionals), global };
}

/** Index of the command word: the first word that is neither a flag nor `--db`'s value. */
function commandPosition(argv: readonly string[]): number {
  for (let i = 0; i < argv.length; i++) {
    const token = argv[i]!;
    if (token === '--') return -1;
    if (token === '--db') i++;
    else if (!token.startsWith('-')) return i;
  }
  return -1;
}

function parseFlags(args: string[], command: CommandDefinition | null) {
  const options: NonNullable<ParseArgsConfig['options']> = { ...GLOBAL_OPTIONS };
  for (const spec of command?.options ?? []) {
    if (spec.rest) continue;
    options[spec.name] = {
      type: spec.type === 'boolean' ? 'boolean' : 'string',
      ...(spec.multiple ? { multiple: true } : {}),
    };
  }
  const takesValue = new Set(
    Object.entries(options)
      .filter(([, option]) => option.type === 'string')
      .map(([name]) => `--${name}`),
  );
  try {
    return parseArgs({ args: joinNegativeValues(args, takesValue), options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(describeParseError(error, command), command?.name ?? null);
  }
}

/**
 * node's parser reads the `-3` of `--limit -3` as a flag of its own; a negative number after a
 * flag that takes a value is that flag's value, so the range check can say what is wrong.
 *
 * @example joinNegativeValues(['--limit', '-3'], new Set(['--limit'])) → ['--limit=-3']
 */
function joinNegativeValues(args: readonly string[], takesValue: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    if (takesValue.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function describeParseError(error: unknown, command: CommandDefinition | null): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const flag = /'(-[^' ]+)/.exec(message)?.[1] ?? 'an option';
  const where = command ? ` for "${command.name}" (see briefbot ${command.name} --help)` : ' (see briefbot --help)';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${flag}${where}`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message) ? `option ${flag} needs a value${where}` : `option ${flag} takes no value${where}`;
  }
  return `${message.split('\n')[0]}${where}`;
}

function commandOptions(command: CommandDefinition, values: Record<string, unknown>, positionals: string[]): ParsedOptions {
  const hint = ` (see briefbot ${command.name} --help)`;
  const restSpec = command.options.find((spec) => spec.rest);
  if (!restSpec && positionals.length > 0) {
    throw new UsageError(`unexpected argument ${echoValue(positionals[0]!)} for "${command.name}"${hint}`, command.name);
  }
  const raw: Record<string, unknown> = {};
  for (const spec of command.options) {
    const value = spec.rest ? restValue(spec, positionals) : values[spec.name];
    if (value !== undefined) raw[spec.name] = value;
  }
  // The same checks and messages as every chat surface: required, type, range, choices, length.
  const validation = validateOptions(command, raw, hint);
  if (!validation.ok) throw new UsageError(validation.problem.message, command.name);
  return validation.options;
}

function restValue(spec: OptionSpec, positionals: string[]): string | string[] | undefined {
  if (positionals.length === 0) return undefined;
  return spec.multiple ? positionals : positionals.join(' ');
}
