/**
 * The one place every surface runs a command (CLI, terminal chat, Slack, Discord), so the
 * same input gives the same reply everywhere and errors are handled once:
 *
 * - a `UserError` becomes a short reply, `ephemeral: true`, with its message;
 * - a `StoreUnavailableError` (the database is away for a moment) says "the index is
 *   unavailable, try again shortly", logged as a warning;
 * - anything else is logged once, with its cause and an error id, and the user gets a polite
 *   apology quoting the id; commands never catch their own errors;
 * - every dispatch is logged at info as `{ command, ms, outcome }`.
 *
 * Adapters parse first (`parseChatText` for typed text, `parseCommandText` when the platform
 * names the command, `validateOptions` for typed options), then `dispatch`; or call
 * `dispatchText` for a line typed in a chat.
 */
import { performance } from 'node:perf_hooks';
import type { CommandContext, CommandDefinition, Invoker, ParsedOptions } from './command.ts';
import { newErrorId } from './error-id.ts';
import { isStoreUnavailable, isUserError } from './errors.ts';
import type { Reply } from './reply.ts';
import { ASK_COMMAND, HELP_COMMAND, parseChatText, type ChatParse } from './chat-parse.ts';
import type { UsageProblem } from './option-validation.ts';

export { ASK_COMMAND, HELP_COMMAND, chatHint, parseChatText, parseCommandText, type ChatParse } from './chat-parse.ts';
export { validateOptions, type UsageProblem, type Validation } from './option-validation.ts';

export type Outcome = 'ok' | 'user-error' | 'internal-error';

export interface DispatchResult {
  readonly reply: Reply;
  readonly outcome: Outcome;
  /** The UserError's or usage problem's code ('unknown-article', 'unknown-command' …); 'internal' for our failures. */
  readonly code?: string;
  /** A user error in the words typed (a bad option, an unknown command): the CLI exits 2 for it. */
  readonly usage?: boolean;
  /** Set for an internal error: the id the user is given and the log line carries. */
  readonly errorId?: string;
  /** The command that ran, or null when the text named none. */
  readonly command: string | null;
  /** Wall time of the command, in milliseconds. */
  readonly ms: number;
}

/** What a command may use apart from who asked: the adapter adds the `Invoker` per message. */
export type Services = Omit<CommandContext, 'invoker'>;

/** The context for one message: the shared services and who sent it. */
export function contextFor(services: Services, invoker: Invoker): CommandContext {
  return { ...services, invoker };
}

/**
 * Runs a command with parsed options and turns whatever happens into a reply. Never throws
 * for the command's sake: a failure of ours becomes `outcome: 'internal-error'` with an id.
 * An `admin` command from someone who may not manage the channel is refused as a user error.
 *
 * @example await dispatch(sources, {}, context) → { reply: { title: '5 articles indexed', … }, outcome: 'ok', … }
 */
export async function dispatch(command: CommandDefinition, options: ParsedOptions, context: CommandContext): Promise<DispatchResult> {
  const started = performance.now();
  const log = context.log;
  const finish = (result: Omit<DispatchResult, 'ms' | 'command'>): DispatchResult => {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    log.info({ command: command.name, ms, outcome: result.outcome, ...(result.errorId ? { errorId: result.errorId } : {}) }, 'dispatched');
    return { ...result, command: command.name, ms };
  };
  if (command.admin && !context.invoker.canManageChannel) {
    return finish(userErrorResult('not-allowed', `Only people who can manage this channel may use "${command.name}".`, false));
  }
  try {
    const reply = await command.run(options, { ...context, log: log.child({ command: command.name }) });
    return finish({ reply, outcome: 'ok' });
  } catch (error) {
    if (isUserError(error)) return finish(userErrorResult(error.code, error.message, error.usage));
    if (isStoreUnavailable(error)) {
      // Not a bug to chase with an id: the database is away for a moment, and asking again works.
      log.warn({ err: error, command: command.name }, 'store unavailable');
      return finish({ reply: unavailable(), outcome: 'internal-error', code: 'store-unavailable' });
    }
    const errorId = newErrorId();
    log.error({ err: error, errorId, command: command.name }, 'command failed');
    return finish({ reply: apology(command.name, errorId), outcome: 'internal-error', code: 'internal', errorId });
  }
}

/**
 * Parses a line typed in a chat and runs what it asks for. Blank or emoji-only text gets a
 * short hint (outcome 'ok'); a usage problem a short private reply (outcome 'user-error').
 *
 * @example await dispatchText('sorces', commands, context)
 *   → { reply: { notice: 'Unknown command "sorces": did you mean sources? …', ephemeral: true }, outcome: 'user-error', code: 'unknown-command' }
 */
export async function dispatchText(text: string, commands: readonly CommandDefinition[], context: CommandContext): Promise<DispatchResult> {
  const parsed: ChatParse = parseChatText(text, commands);
  if (parsed.kind === 'command') return dispatch(parsed.command, parsed.options, context);
  const command = parsed.kind === 'problem' ? (parsed.command?.name ?? null) : null;
  const result = parsed.kind === 'empty' ? { reply: hintReply(commands), outcome: 'ok' as const } : problemResult(parsed.problem);
  context.log.info({ command, ms: 0, outcome: result.outcome, ...(result.code ? { code: result.code } : {}) }, 'dispatched');
  return { ...result, command, ms: 0 };
}

/** A usage problem as the result a dispatch would give: a short private reply. */
export function problemResult(problem: UsageProblem): Omit<DispatchResult, 'ms' | 'command'> {
  return userErrorResult(problem.code, problem.message, true);
}

/** The reply for a message with nothing to act on: how to ask, with an example from the definitions. */
export function hintReply(commands: readonly CommandDefinition[]): Reply {
  const ask = commands.find((c) => c.name === ASK_COMMAND);
  const question = ask?.examples[0]?.replace(new RegExp(`^/?${ASK_COMMAND}\\s+`, 'i'), '');
  const example = question ?? commands.find((c) => c.name !== HELP_COMMAND)?.examples[0];
  const lines = [
    ask ? 'Ask me about the story in plain words.' : 'Type a command.',
    ...(example ? [`For example: ${example}`] : []),
    ...(commands.some((c) => c.name === HELP_COMMAND) ? ['Type help to see every command.'] : []),
  ];
  return { parts: [{ kind: 'lines', lines }], citations: [], ephemeral: true };
}

function userErrorResult(code: string, message: string, usage: boolean): Omit<DispatchResult, 'ms' | 'command'> {
  return { reply: { parts: [], citations: [], notice: message, ephemeral: true }, outcome: 'user-error', code, ...(usage ? { usage } : {}) };
}

/** The reply while the store's database cannot be reached. */
function unavailable(): Reply {
  return { parts: [], citations: [], notice: 'The index is unavailable, try again shortly.', ephemeral: true };
}

function apology(command: string, errorId: string): Reply {
  return {
    parts: [],
    citations: [],
    notice: `Sorry, something went wrong while running "${command}" (error ${errorId}). It has been logged; please try again, and mention the error id if it keeps happening.`,
    ephemeral: true,
  };
}
