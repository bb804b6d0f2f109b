/**
 * The pino logger factory: JSON lines on stderr (stdout is the CLI's answer), a child per
 * component, and secrets redacted by field name wherever they appear in a log call.
 */
import pino from 'pino';
import type { Logger } from './core/logger.ts';
import type { LogLevel } from './config.ts';

/** Field names that may hold a secret: their values never reach the log. */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'apiKey', 'signingSecret', 'password', 'authorization'];

export interface LoggerOptions {
  readonly level: LogLevel;
  /** Where lines go: stderr unless a test passes its own stream. */
  readonly destination?: NodeJS.WritableStream;
  /** Fields on every line, such as `{ app: 'briefbot-cli' }`. */
  readonly base?: Readonly<Record<string, unknown>>;
}

/**
 * A logger writing JSON lines at `level` and above. Log context, not content: pass ids and
 * counts, never a whole article or a token (tokens are redacted anyway).
 *
 * @example createLogger({ level: 'info' }).child({ component: 'ingest' }).info({ added: 3 }, 'ingested')
 */
export function createLogger(options: LoggerOptions): Logger {
  const paths = SECRET_FIELDS.flatMap((field) => [field, `*.${field}`, `*.*.${field}`]);
  return pino(
    {
      level: options.level,
      base: { ...(options.base ?? {}) },
      redact: { paths, censor: '[redacted]' },
    },
    options.destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
