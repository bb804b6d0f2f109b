/**
 * Every setting briefbot reads from the environment, parsed once at start by one schema.
 * Nothing else reads `process.env`: entry points call `loadConfig(process.env)` and pass the
 * result on. A bad value fails at once, naming the variable and what to set.
 */
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';

/** The project folder, so defaults do not depend on where briefbot is started from. */
export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const optionalText = z
  .string()
  .transform((value) => value.trim())
  .optional()
  .transform((value) => (value ? value : undefined));

const schema = z.object({
  BRIEFBOT_DB: optionalText.describe('the SQLite database file, or :memory:'),
  BRIEFBOT_CORPUS: optionalText.describe('a folder of articles to index when the database is empty'),
  BRIEFBOT_BENCH_CORPUS: optionalText.describe('a folder of articles for npm run bench'),
  NO_COLOR: optionalText.describe('any value to turn off colour in the terminal (see no-color.org)'),
  LOG_LEVEL: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.enum(LOG_LEVELS))
    .optional()
    .describe(`one of ${LOG_LEVELS.join(', ')}`),
});

export interface Config {
  /** Absolute path of the SQLite file, or ':memory:'. */
  readonly db: string;
  /** Absolute path of the corpus ingested into an empty database. */
  readonly corpus: string;
  /** Where `npm run bench` reads real articles; absent means it looks beside the project. */
  readonly benchCorpus: string;
  /** Unset means each entry point's own default (the CLI is quieter than the bot). */
  readonly logLevel: LogLevel | undefined;
  /** NO_COLOR is set (to anything but ''): terminal output has no colour or bold. */
  readonly noColor: boolean;
}

/** A setting with a bad value; the message names the variable and what to set. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses the environment into a `Config`. Paths given in the environment are relative to
 * `cwd`; defaults are relative to the project (`data/briefbot.db`, `seeds/`).
 *
 * @example loadConfig({ LOG_LEVEL: 'debug' }).logLevel === 'debug'
 * @throws ConfigError naming the variable: `LOG_LEVEL is "loud": set it to one of fatal, …`
 */
export function loadConfig(
  env: Readonly<Record<string, string | undefined>>,
  cwd: string = process.cwd(),
): Config {
  const parsed = schema.safeParse(pick(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const described = schema.shape[name as keyof typeof schema.shape]?.description;
    throw new ConfigError(
      `${name} is ${JSON.stringify(env[name])}: set it to ${described ?? 'a valid value'}, or unset it`,
    );
  }
  const values = parsed.data;
  const path = (value: string | undefined, fallback: string): string =>
    value === ':memory:' ? value : value ? resolve(cwd, value) : resolve(PROJECT_ROOT, fallback);
  return {
    db: path(values.BRIEFBOT_DB, 'data/briefbot.db'),
    corpus: path(values.BRIEFBOT_CORPUS, 'seeds'),
    benchCorpus: path(values.BRIEFBOT_BENCH_CORPUS, '../shared/corpus/bbc-news'),
    logLevel: values.LOG_LEVEL,
    noColor: values.NO_COLOR !== undefined,
  };
}

function pick(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key]]));
}
