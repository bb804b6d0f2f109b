/**
 * `briefbot chat [--session NAME] [--db FILE]`: the terminal chat from the CLI. On a terminal
 * it is the interactive chat of `npm start`; with piped input it reads one message per line
 * and prints each reply (one blank line between replies), so a conversation can be scripted:
 *
 *   printf 'Who chairs the board?\nwhy?\nwhat did he say next?\n' | briefbot chat
 *
 * Every line is a turn of the session's conversation, kept in the database: a second run
 * within the idle time carries it on; `--session NAME` keeps separate ones apart.
 */
import { parseArgs } from 'node:util';
import { UsageError } from './parse-args.ts';

export const CHAT_MODE = 'chat';
export const CHAT_DESCRIPTION = 'Chat in the terminal; with piped input, one message per line, each reply printed';
export const CHAT_HELP = [
  'Usage: briefbot chat [--session NAME] [--json] [--db FILE]',
  '',
  `${CHAT_DESCRIPTION}.`,
  'Follow-ups ("why?", "what did he say next?", "source 2?", "more") go on from earlier lines of',
  'the same session, also in a later run, until it has been idle for BRIEFBOT_CONVERSATION_IDLE_MINUTES.',
  '',
  'Options:',
  '  --session NAME  the conversation to carry on (default: terminal)',
  '  --json          each reply as one line of JSON: command, outcome, title, notice, reply',
  '  --db FILE       the SQLite database (default data/briefbot.db, or BRIEFBOT_DB)',
  '  -h, --help      show help',
  '',
  'Example:',
  "  printf 'Who said prices will rise?\\nwhy?\\n' | briefbot chat",
].join('\n');

export interface ChatInvocation {
  readonly kind: 'chat';
  readonly db: string | undefined;
  /** The conversation key's name: `console:NAME`. */
  readonly session: string;
  readonly json: boolean;
  readonly help: boolean;
}

const SESSION = /^[\p{L}\p{N}._-]{1,64}$/u;

/**
 * The chat invocation, when the command word is `chat`; null for any other command line.
 * @example chatInvocation(['chat', '--session', 'demo']) → { kind: 'chat', session: 'demo', db: undefined, json: false, help: false }
 * @throws UsageError for an unknown option or a session name that is not a short word
 */
export function chatInvocation(argv: readonly string[]): ChatInvocation | null {
  const words = argv.filter((arg, i) => !arg.startsWith('-') && argv[i - 1] !== '--db' && argv[i - 1] !== '--session');
  if (words[0] !== CHAT_MODE) return null;
  const parsed = parseChatArgs(argv.filter((arg) => arg !== CHAT_MODE));
  const session = parsed.values.session ?? 'terminal';
  if (!SESSION.test(session)) throw new UsageError('--session takes a short name of letters, digits, dots, dashes or underscores', CHAT_MODE);
  return { kind: 'chat', db: parsed.values.db, session, json: parsed.values.json === true, help: parsed.values.help === true };
}

const CHAT_OPTIONS = { db: { type: 'string' }, session: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

function parseChatArgs(args: string[]) {
  try {
    return parseArgs({ args, options: CHAT_OPTIONS, allowPositionals: false, strict: true });
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} for "chat" (see briefbot chat --help)`, CHAT_MODE);
  }
}
