/**
 * Bolt, its Web API client and its Socket Mode client log through this bridge into the bot's
 * pino logger, one line per call with the words joined into `msg`. Whatever they say passes
 * through `scrubSecrets` first: a library's message may carry a token or a Socket Mode
 * ticket, and no secret may reach the log.
 */
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';

const RANK: Readonly<Record<LogLevel, number>> = {
  [LogLevel.DEBUG]: 10,
  [LogLevel.INFO]: 20,
  [LogLevel.WARN]: 30,
  [LogLevel.ERROR]: 40,
};

/** Slack tokens by their documented prefixes: bot, user, app-level, refresh, config. */
const TOKEN_PATTERN = /\b(?:xox[a-z]|xapp|xoxe(?:\.xox[a-z])?)-[A-Za-z0-9-]+/g;
/** A Socket Mode URL's one-time ticket is a credential too. */
const TICKET_PATTERN = /([?&]ticket=)[^&\s"']+/g;
/** A response_url lets anyone post as the bot into that conversation for 30 minutes. */
const RESPONSE_URL_PATTERN = /(\/commands\/|\/actions\/)[A-Za-z0-9/_-]+/g;
/** Whole library messages are capped: a debug dump of a request body is not worth a megabyte line. */
const MAX_MESSAGE = 2_000;

/**
 * Text with every Slack token, the given secrets, Socket Mode tickets and response_url paths
 * replaced by `[redacted]`.
 *
 * @example scrubSecrets('Authorization: Bearer xoxb-1-2-abc', []) === 'Authorization: Bearer [redacted]'
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 6) out = out.split(secret).join('[redacted]');
  }
  return out.replace(TOKEN_PATTERN, '[redacted]').replace(TICKET_PATTERN, '$1[redacted]').replace(RESPONSE_URL_PATTERN, '$1[redacted]');
}

/**
 * A Bolt `Logger` writing to `log` (a child with `{ lib: 'bolt' }`), at `initial` (Bolt may
 * change it) and above, with secrets scrubbed from every line. With `quiet`, what the library
 * says is written at debug: for a client whose failures the adapter logs itself, once per change.
 *
 * @example boltLogger(log, [botToken]).warn('http request failed', 'timeout') → log.warn({ lib: 'bolt' }, 'http request failed timeout')
 */
export function boltLogger(log: Logger, secrets: readonly string[], initial: LogLevel = LogLevel.INFO, quiet = false): BoltLogger {
  const target = log.child({ lib: 'bolt' });
  let level: LogLevel = initial;
  const write = (at: LogLevel, words: readonly unknown[]): void => {
    if (RANK[at] < RANK[level] && !quiet) return;
    const msg = scrubSecrets(words.map(wordText).join(' '), secrets).slice(0, MAX_MESSAGE);
    target[quiet ? LogLevel.DEBUG : at]({}, msg);
  };
  return {
    debug: (...msg: unknown[]) => write(LogLevel.DEBUG, msg),
    info: (...msg: unknown[]) => write(LogLevel.INFO, msg),
    warn: (...msg: unknown[]) => write(LogLevel.WARN, msg),
    error: (...msg: unknown[]) => write(LogLevel.ERROR, msg),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}

/** One logged word as text; an error by its name, code and message only (its fields may hold request headers). */
function wordText(word: unknown): string {
  if (typeof word === 'string') return word;
  if (word instanceof Error) {
    const code = (word as { code?: unknown }).code;
    return `${word.name}${typeof code === 'string' ? ` (${code})` : ''}: ${word.message}`;
  }
  if (word === null || typeof word !== 'object') return String(word);
  try {
    return JSON.stringify(word);
  } catch {
    return Object.prototype.toString.call(word);
  }
}
