/**
 * From what a user types in a chat to a command and its options. The rules, the same on every
 * chat surface:
 *
 * - a leading `/` is optional and command names are case-insensitive: `/Quote`, `quote`;
 * - `--name value`, `--name=value`, `--flag`, and "quoted words" as one value; a phone's
 *   em dash (`—article`) counts as `--` when it names an option;
 * - the words that are not options are the command's free text (its `rest` option), taken as
 *   typed: `ask who said "grave concerns"?` keeps its quotation marks;
 * - `--help` or `-h` after a command shows that command's help;
 * - text that does not start with a command goes to `ask` whole, unless it looks like a
 *   command (a leading `/`, a `--flag`, or one word close to a command's name), which gets
 *   "did you mean …?"; a line starting with a command's name whose words do not fit that
 *   command (`sources please`) is a question too, and so is a sentence of three or more
 *   words ending in "?" with no slash or flag (`Who said it?` even if a command is `who`);
 * - text with no letter or digit (blank, an emoji, "???") is `empty`: the caller answers it
 *   with a hint, never an error;
 * - plain words that ask for what another command gives go to it: "what's the latest",
 *   "summarise the story", "what happened" → `brief`; "timeline of X" → `timeline X`
 *   (see plain-requests.ts).
 */
import type { CommandDefinition, OptionSpec, ParsedOptions } from './command.ts';
import { closeMatches } from './close-matches.ts';
import { shortText } from './command-text.ts';
import { tokenize, type ChatToken } from './chat-tokens.ts';
import { validateOptions, type UsageProblem } from './option-validation.ts';
import { routePlainRequest } from './plain-requests.ts';

/** The command that plain words go to, when one is registered. */
export const ASK_COMMAND = 'ask';
export const HELP_COMMAND = 'help';

export type ChatParse =
  | { readonly kind: 'command'; readonly command: CommandDefinition; readonly options: ParsedOptions }
  | { readonly kind: 'problem'; readonly problem: UsageProblem; readonly command: CommandDefinition | null }
  | { readonly kind: 'empty' };

/**
 * What a chat line asks for.
 *
 * @example parseChatText('quote "Joan Smith" --article 003', commands)
 *   → { kind: 'command', command: quote, options: { speaker: 'Joan Smith', article: '003' } }
 * @example parseChatText('Who founded it?', commands) → { kind: 'command', command: ask, options: { question: 'Who founded it?' } }
 * @example parseChatText('sorces', commands) → { kind: 'problem', problem: { code: 'unknown-command', message: 'Unknown command "sorces": did you mean sources? …' } }
 * @example parseChatText('🙂', commands) → { kind: 'empty' }
 */
export function parseChatText(text: string, commands: readonly CommandDefinition[]): ChatParse {
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed)) return { kind: 'empty' };
  const slashed = trimmed.startsWith('/');
  const body = slashed ? trimmed.slice(1).trimStart() : trimmed;
  const tokens = tokenize(body);
  const first = tokens[0]!;
  const name = first.quoted ? null : first.value.toLowerCase();
  const command = name === null ? undefined : findCommand(commands, name);
  const ask = findCommand(commands, ASK_COMMAND);
  const hasFlag = tokens.some((token) => /^--\p{L}/u.test(token.value) && !token.quoted);
  // "Who founded it?" is a question even when a command is called `who`.
  const readsAsQuestion = !slashed && !hasFlag && tokens.length >= 3 && /\?\s*$/.test(trimmed);
  if (ask && readsAsQuestion && command !== ask) return askWhole(ask, trimmed, commands);
  // "timeline of the merger" starts with a command's name but reads as a plain request.
  const request = !slashed && !hasFlag ? routedRequest(trimmed, commands) : null;
  if (request) return request;
  if (command) {
    const parsed = parseArguments(command, body, tokens.slice(1), commands);
    const couldBeQuestion = parsed.kind === 'problem' && !slashed && !hasFlag && ask !== undefined && ask !== command;
    return couldBeQuestion ? askWhole(ask, trimmed, commands) : parsed;
  }
  const names = commands.map((c) => c.name);
  const near = name === null ? [] : nearCommands(name, names);
  const commandLike = slashed || hasFlag || (tokens.length === 1 && near.length > 0);
  if (!commandLike && ask) return askWhole(ask, trimmed, commands);
  const typed = shortText(first.value, 30);
  const message =
    near.length > 0
      ? `Unknown command "${typed}": did you mean ${near.join(' or ')}?${helpHint(commands)}`
      : `Unknown command "${typed}". Commands: ${names.join(', ')}.`;
  return { kind: 'problem', problem: { code: 'unknown-command', message }, command: null };
}

/**
 * The options of a command whose name is already known, from the text after it: what a
 * Slack slash command or a mention naming a command sends.
 *
 * @example parseCommandText(quote, 'Smith --article 003', commands)
 *   → { kind: 'command', command: quote, options: { speaker: 'Smith', article: '003' } }
 */
export function parseCommandText(command: CommandDefinition, text: string, commands: readonly CommandDefinition[] = []): ChatParse {
  return parseArguments(command, text, tokenize(text), commands);
}

/** ' (see help quote)' when help is offered, else ''. */
export function chatHint(command: CommandDefinition, commands: readonly CommandDefinition[]): string {
  return findCommand(commands, HELP_COMMAND) ? ` (see help ${command.name})` : '';
}

function helpHint(commands: readonly CommandDefinition[]): string {
  return findCommand(commands, HELP_COMMAND) ? ' Type help for the list.' : '';
}

/** Close names, and names the typed word starts with ("briefing" → brief), closest first. */
function nearCommands(name: string, names: readonly string[]): string[] {
  const extended = names.filter((n) => n.length >= 3 && name.startsWith(n.toLowerCase()));
  return [...new Set([...closeMatches(name, names, 3), ...extended])].slice(0, 3);
}

function findCommand(commands: readonly CommandDefinition[], name: string): CommandDefinition | undefined {
  return commands.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

interface Flag {
  readonly name: string;
  /** The value after `=`, if any. */
  readonly value: string | undefined;
}

/** The option a word names, or null when it is an ordinary word. */
function flagOf(token: ChatToken, command: CommandDefinition): Flag | null {
  if (token.quoted) return null;
  if (token.value === '-h') return { name: 'help', value: undefined };
  const match = /^(--|[\u2014\u2013])(\p{L}[\p{L}\p{N}_-]*)(?:=([\s\S]*))?$/u.exec(token.value);
  if (!match) return null;
  const name = match[2]!.toLowerCase();
  // A dash of prose ("—who said it") is a flag only when it names an option.
  if (match[1] !== '--' && name !== 'help' && !command.options.some((o) => o.name.toLowerCase() === name)) return null;
  return { name, value: match[3] };
}

function parseArguments(command: CommandDefinition, text: string, tokens: readonly ChatToken[], commands: readonly CommandDefinition[]): ChatParse {
  const hint = chatHint(command, commands);
  const problem = (code: string, message: string): ChatParse => ({ kind: 'problem', problem: { code, message: `${message}${hint}` }, command });
  const raw: Record<string, unknown> = {};
  const positional: { readonly token: ChatToken; readonly at: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const flag = flagOf(token, command);
    if (flag === null) {
      positional.push({ token, at: i });
      continue;
    }
    const spec = command.options.find((o) => o.name.toLowerCase() === flag.name);
    if (!spec && flag.name === 'help') return helpFor(command, commands) ?? problem('unknown-option', `unknown option --help for "${command.name}"`);
    if (!spec) {
      const near = closeMatches(
        flag.name,
        command.options.map((o) => o.name),
        3,
      );
      const suggestion = near.length > 0 ? `; did you mean ${near.map((n) => `--${n}`).join(' or ')}?` : '';
      return problem('unknown-option', `unknown option --${shortText(flag.name)} for "${command.name}"${suggestion}`);
    }
    let value: unknown = flag.value;
    if (value === undefined && spec.type === 'boolean') value = true;
    if (value === undefined) {
      const next = tokens[i + 1];
      if (next === undefined || flagOf(next, command) !== null) return problem('missing-value', `option --${spec.name} needs a value`);
      value = next.value;
      i++;
    }
    raw[spec.name] = spec.multiple ? [...asList(raw[spec.name]), value] : value;
  }
  if (positional.length > 0) {
    const rest = command.options.find((o) => o.rest);
    const first = positional[0]!.token;
    if (!rest || raw[rest.name] !== undefined) return problem('unexpected-text', `unexpected "${shortText(first.value)}" for "${command.name}"`);
    raw[rest.name] = rest.multiple ? positional.map((p) => p.token.value) : restText(text, positional);
  }
  const validation = validateOptions(command, raw, hint);
  return validation.ok ? { kind: 'command', command, options: validation.options } : { kind: 'problem', problem: validation.problem, command };
}

/**
 * The free text as typed when its words stand together (quotation marks kept), one quoted
 * word without its marks, or the words joined when options stood between them.
 */
function restText(text: string, positional: readonly { readonly token: ChatToken; readonly at: number }[]): string {
  const first = positional[0]!;
  const last = positional[positional.length - 1]!;
  if (positional.length === 1 && first.token.quoted) return first.token.value;
  if (last.at - first.at === positional.length - 1) return text.slice(first.token.start, last.token.end);
  return positional.map((p) => p.token.value).join(' ');
}

function asList(value: unknown): unknown[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/**
 * Plain words: a request another command answers ("what's the latest" → brief, "timeline of
 * the merger" → timeline), else `ask` with the whole line as its free text.
 */
function askWhole(ask: CommandDefinition, text: string, commands: readonly CommandDefinition[]): ChatParse {
  const request = routedRequest(text, commands);
  if (request) return request;
  const rest: OptionSpec | undefined = ask.options.find((o) => o.rest);
  if (!rest) return parseArguments(ask, text, tokenize(text), commands);
  const validation = validateOptions(ask, { [rest.name]: text }, chatHint(ask, commands));
  return validation.ok ? { kind: 'command', command: ask, options: validation.options } : { kind: 'problem', problem: validation.problem, command: ask };
}

/** The command a plain request goes to, with its topic, when it is registered. */
function routedRequest(text: string, commands: readonly CommandDefinition[]): ChatParse | null {
  const routed = routePlainRequest(text);
  const command = routed ? findCommand(commands, routed.command) : undefined;
  if (!routed || !command) return null;
  const rest = command.options.find((o) => o.rest);
  const validation = validateOptions(command, rest && routed.topic ? { [rest.name]: routed.topic } : {}, chatHint(command, commands));
  return validation.ok ? { kind: 'command', command, options: validation.options } : null;
}

/** `help COMMAND`, when help is offered and takes a command name. */
function helpFor(command: CommandDefinition, commands: readonly CommandDefinition[]): ChatParse | null {
  const help = findCommand(commands, HELP_COMMAND);
  const topic = help?.options.find((o) => o.rest);
  if (!help || !topic) return null;
  return { kind: 'command', command: help, options: { [topic.name]: command.name } };
}
