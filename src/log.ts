/**
 * The pino logger factory: JSON lines on stderr (stdout is the CLI's answer), a child per
 * component, and secrets redacted by field name wherever they appear in a log call.
 *
 * pino itself is loaded when the first line is written, not before: a CLI call that logs
 * nothing (most do, at its default level warn) does not pay the few tens of milliseconds its
 * import costs.
 */
import { createRequire } from 'node:module';
import type { Logger } from './core/logger.ts';
import type { LogLevel } from './config.ts';

type Pino = typeof import('pino').default;

/** Field names that may hold a secret: their values never reach the log. */
const SECRET_FIELDS = ['token', 'botToken', 'appToken', 'apiKey', 'signingSecret', 'password', 'authorization'];

/** pino's numbers for the levels: a line is written when its level's number is at least the logger's. */
const LEVEL_VALUES: Readonly<Record<LogLevel, number>> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60, silent: Number.POSITIVE_INFINITY };

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
  let root: Logger | undefined;
  return deferred(() => (root ??= pinoLogger(options)), LEVEL_VALUES[options.level], []);
}

/** The logger for `bindings` (a chain of children), made from the root only when it first writes. */
function deferred(root: () => Logger, threshold: number, bindings: readonly object[]): Logger {
  let logger: Logger | undefined;
  const real = () => (logger ??= bindings.reduce<Logger>((parent, fields) => parent.child(fields), root()));
  const at =
    (value: number, method: 'debug' | 'info' | 'warn' | 'error') =>
    (fields: object, message?: string): void => {
      if (value < threshold) return;
      if (message === undefined) real()[method](fields);
      else real()[method](fields, message);
    };
  return {
    debug: at(LEVEL_VALUES.debug, 'debug'),
    info: at(LEVEL_VALUES.info, 'info'),
    warn: at(LEVEL_VALUES.warn, 'warn'),
    error: at(LEVEL_VALUES.error, 'error'),
    child: (fields) => deferred(root, threshold, [...bindings, fields]),
  };
}

function pinoLogger(options: LoggerOptions): Logger {
  const pino = createRequire(import.meta.url)('pino') as Pino;
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
