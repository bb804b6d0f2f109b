/**
 * Every setting briefbot reads from the environment, parsed once at start by one schema.
 * Nothing else reads `process.env`: entry points call `loadConfig(process.env)` and pass the
 * result on. A bad value fails at once, naming the variable and what to set.
 */
import { fileURLToPath } from 'node:url';
import { basename, dirname, resolve } from 'node:path';
// zod's mini build: the same schemas as functions, a tenth of the code to load on every start
// (the classic build is some 800 kB that each CLI call compiled, 50-80 ms of CPU).
import * as z from 'zod/mini';

const HERE = dirname(fileURLToPath(import.meta.url));
/**
 * The project folder, so defaults do not depend on where briefbot is started from: the parent
 * of src/, whether this runs from the sources, compiled into dist/src/ or bundled into a chunk
 * in dist/bundle/ (bin/build.js): a folder in dist/ means dist/'s parent.
 */
export const PROJECT_ROOT = basename(resolve(HERE, '..')) === 'dist' ? resolve(HERE, '../..') : resolve(HERE, '..');

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Text, trimmed; blank is the same as unset. */
const optionalText = z.pipe(
  z.optional(
    z.pipe(
      z.string(),
      z.transform((value) => value.trim()),
    ),
  ),
  z.transform((value) => (value ? value : undefined)),
);

/** A whole number from `min` (to `max`), written in digits, or unset. */
const optionalInteger = (min: number, max?: number) =>
  z.optional(z.pipe(z.coerce.number(), z.int().check(z.minimum(min), ...(max === undefined ? [] : [z.maximum(max)]))));

/** `schema` with what to set, for the message when a value is bad (read back by `descriptionOf`). */
const described = <T extends z.ZodMiniType>(schema: T, description: string): T => schema.check(z.describe(description));

const schema = z.object({
  BRIEFBOT_DB: described(optionalText, 'the SQLite database file, or :memory:'),
  DATABASE_URL: described(
    optionalText.check(z.refine((value) => value === undefined || /^postgres(ql)?:\/\/./.test(value))),
    'a PostgreSQL connection string, e.g. postgres://briefbot@db.internal:5432/briefbot',
  ),
  BRIEFBOT_CORPUS: described(optionalText, 'a folder of articles to index when the database is empty'),
  BRIEFBOT_BENCH_CORPUS: described(optionalText, 'a folder of articles for npm run bench'),
  EXTRACTION_BENCH_REPO: described(optionalText, 'a checkout (or git directory) of the article-extraction benchmark, for npm run eval'),
  BBC_SUMMARY_REPO: described(optionalText, 'a checkout or git directory of Ainedembe-Denis/BBC-News-Summary-ML-DL-Project, for npm run eval'),
  POLNEAR_REPO: described(optionalText, 'the git dir of a fetched snapshot of networkdynamics/PolNeAR, for npm run eval'),
  POLNEAR_SPLIT: described(z.optional(z.enum(['dev', 'train'])), 'dev or train (the test split is held out)'),
  NO_COLOR: described(optionalText, 'any value to turn off colour in the terminal (see no-color.org)'),
  SLACK_BOT_TOKEN: described(optionalText, "the Slack bot token (xoxb-…) from your app's OAuth & Permissions page"),
  SLACK_SIGNING_SECRET: described(optionalText, "the Slack signing secret from your app's Basic Information page"),
  SLACK_APP_TOKEN: described(optionalText, 'a Slack app-level token (xapp-…) with connections:write, to use Socket Mode'),
  SLACK_API_URL: described(optionalText, 'the Slack Web API base URL, ending in /api/ (for tests and proxies)'),
  SLACK_PORT: described(optionalInteger(0, 65535), 'a port number for the Slack HTTP receiver, e.g. 3000'),
  SLACK_COMMAND_PREFIX: described(optionalText, 'the prefix of the Slack slash commands, e.g. bb (giving /bb-ask); default briefbot'),
  SLACK_MAX_MESSAGES: described(optionalInteger(1, 4), 'a number from 1 to 4: messages one answer becomes on Slack before a More button, e.g. 3'),
  SLACK_ADMIN_USERS: described(optionalText, 'comma-separated Slack user ids allowed to manage digests besides workspace admins'),
  DISCORD_TOKEN: described(optionalText, "the Discord bot token from your application's Bot page"),
  DISCORD_APPLICATION_ID: described(optionalText, 'the Discord application id (General Information page)'),
  DISCORD_GUILD_ID: described(optionalText, 'a Discord server id to register commands in that server only'),
  DISCORD_MAX_MESSAGES: described(optionalInteger(1, 10), 'a number from 1 to 10: messages one answer becomes on Discord before a More button, e.g. 3'),
  DISCORD_API_URL: described(optionalText, 'the Discord REST base URL, e.g. http://127.0.0.1:9999/api (for tests and proxies)'),
  DISCORD_SHARDS: described(
    z.optional(z.string().check(z.trim(), z.regex(/^(auto|\d+(\s*,\s*\d+)*)$/))),
    'auto, or the comma-separated shard ids this process runs, e.g. 0,1 (with DISCORD_SHARD_COUNT)',
  ),
  DISCORD_SHARD_COUNT: described(optionalInteger(1, 10000), 'the total number of shards across every replica, e.g. 4'),
  OPENAI_API_KEY: described(optionalText, 'an API key for the OpenAI-compatible endpoint'),
  OPENAI_BASE_URL: described(optionalText, 'the base URL of an OpenAI-compatible endpoint, e.g. http://localhost:11434/v1'),
  BRIEFBOT_LLM_MODEL: described(optionalText, 'the model name to ask, e.g. gpt-4o-mini or llama3.1'),
  BRIEFBOT_LLM_DAILY_TOKENS: described(optionalInteger(0), 'a whole number of tokens per UTC day, e.g. 200000'),
  BRIEFBOT_LLM_TIMEOUT_MS: described(optionalInteger(100), 'milliseconds to wait for the writer to begin, e.g. 15000'),
  BRIEFBOT_WATCH: described(optionalText, 'a folder to watch: new and changed articles are indexed as they arrive'),
  BRIEFBOT_DIGEST_MISSED: described(z.optional(z.enum(['catch-up', 'skip'])), 'catch-up or skip'),
  BRIEFBOT_TIMEZONE: described(optionalText, 'an IANA time zone for digests when the channel has none, e.g. Europe/London'),
  BRIEFBOT_ALLOW_PRIVATE_URLS: described(optionalText, 'any value to let add fetch from loopback and private addresses (tests, an intranet)'),
  BRIEFBOT_FEED_INTERVAL_MINUTES: described(optionalInteger(1, 1440), 'minutes between polls of each feed, e.g. 15'),
  BRIEFBOT_FEED_PAUSE_AFTER: described(optionalInteger(1, 100), 'failures in a row that pause a feed, e.g. 5'),
  BRIEFBOT_FEED_MAX_ITEMS: described(optionalInteger(1, 500), 'articles fetched per poll of a feed, newest first, e.g. 20'),
  BRIEFBOT_FETCH_TIMEOUT_MS: described(optionalInteger(500, 120000), 'milliseconds a fetch of a feed or page may take, e.g. 15000'),
  BRIEFBOT_CONVERSATION_IDLE_MINUTES: described(optionalInteger(1, 10080), "minutes after which an idle conversation's context is forgotten, e.g. 30"),
  BRIEFBOT_BOT_URL: described(optionalText, 'a page about your bot for site owners, named in the User-Agent, e.g. https://example.org/briefbot'),
  BRIEFBOT_TEST_CLOCK_FILE: described(optionalText, 'tests only: a file holding the ISO time the bot takes as now'),
  BRIEFBOT_TEST_SWEEP_MS: described(optionalInteger(10, 60000), 'tests only: milliseconds between sweeps, e.g. 100'),
  LOG_LEVEL: described(z.optional(z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.enum(LOG_LEVELS))), `one of ${LOG_LEVELS.join(', ')}`),
});

export interface Config {
  /** Absolute path of the SQLite file, or ':memory:'. */
  readonly db: string;
  /** DATABASE_URL: when set, the store is PostgreSQL at this address instead of the SQLite file. */
  readonly databaseUrl: string | null;
  /** Absolute path of the corpus ingested into an empty database. */
  readonly corpus: string;
  /** Where `npm run bench` reads real articles; absent means it looks beside the project. */
  readonly benchCorpus: string;
  /** ScrapingHub's article-extraction benchmark, scored by `npm run eval` when set. */
  readonly extractionBench: string | null;
  /** The BBC News Summary data set `npm run eval` scores briefs on; null when not fetched. */
  readonly bbcSummaryRepo: string | null;
  /** Where `npm run eval` finds PolNeAR (a git dir) and which split it scores; null when unset. */
  readonly polnear: { readonly repo: string; readonly split: 'dev' | 'train' } | null;
  /** Unset means each entry point's own default (the CLI is quieter than the bot). */
  readonly logLevel: LogLevel | undefined;
  /** NO_COLOR is set (to anything but ''): terminal output has no colour or bold. */
  readonly noColor: boolean;
  /** Present when SLACK_BOT_TOKEN is set. */
  readonly slack: SlackConfig | undefined;
  /** Present when DISCORD_TOKEN is set. */
  readonly discord: DiscordConfig | undefined;
  /** Present when OPENAI_API_KEY or OPENAI_BASE_URL is set: answers are written by the model. */
  readonly llm: LlmConfig | undefined;
  readonly digests: DigestConfig;
  readonly web: WebConfig;
  readonly conversation: ConversationConfig;
  /**
   * Tests only (BRIEFBOT_TEST_CLOCK_FILE): the bot's clock is read from a file the test
   * moves, and digests and feeds are swept every `sweepMs` of real time instead of by cron,
   * whose wake-ups follow the real clock. End-to-end tests of several processes use it.
   */
  readonly testClock: TestClockConfig | undefined;
}

export interface TestClockConfig {
  /** Absolute path of a file holding an ISO 8601 time. */
  readonly file: string;
  readonly sweepMs: number;
}

/** Follow-ups in threads, reply chains, direct messages and terminal sessions. */
export interface ConversationConfig {
  /** Minutes without a message after which a conversation's context is no longer used. */
  readonly idleMinutes: number;
}

/** Live coverage: fetching feeds and pages (`add`, the feed poller). */
export interface WebConfig {
  /** Loopback and private addresses may be fetched (BRIEFBOT_ALLOW_PRIVATE_URLS; tests set it). */
  readonly allowPrivate: boolean;
  readonly intervalMinutes: number;
  readonly pauseAfter: number;
  readonly maxItems: number;
  readonly timeoutMs: number;
  /** Named in the User-Agent so site owners can see who fetches and why. */
  readonly botUrl: string | null;
}

export interface SlackConfig {
  readonly botToken: string;
  /** Required for the HTTP receiver; Socket Mode (with an app token) does not need it. */
  readonly signingSecret: string | undefined;
  readonly appToken: string | undefined;
  readonly apiUrl: string | undefined;
  readonly port: number;
  /** Slash commands are `/${prefix}-${command}`. */
  readonly commandPrefix: string;
  readonly adminUsers: readonly string[];
  /** Messages one answer becomes before a "More" button (SLACK_MAX_MESSAGES, default 3). */
  readonly maxMessages?: number;
}

export interface DiscordConfig {
  readonly token: string;
  readonly applicationId: string | undefined;
  readonly guildId: string | undefined;
  readonly apiUrl: string | undefined;
  /** Messages one answer becomes before a "More" button (DISCORD_MAX_MESSAGES, default 3). */
  readonly maxMessages?: number;
  /** The gateway shards this process runs; absent, one connection for the whole bot. */
  readonly sharding?: DiscordSharding;
}

/**
 * discord.js's `shards` and `shardCount`: `auto` takes the count Discord recommends and runs
 * every shard here; a list runs only those of `count`, so several replicas can split them.
 */
export type DiscordSharding = { readonly shards: 'auto' } | { readonly shards: readonly number[]; readonly count: number };

export interface LlmConfig {
  readonly apiKey: string | null;
  readonly baseURL: string | null;
  readonly model: string;
  readonly dailyTokens: number | null;
  readonly timeoutMs: number;
}

export interface DigestConfig {
  /** A slot missed while the bot was down: one catch-up digest, or none. */
  readonly missed: 'catch-up' | 'skip';
  readonly timezone: string;
  /** A folder to watch for new articles, absolute. */
  readonly watch: string | undefined;
}

export const DEFAULT_LLM_MODEL = 'gpt-4o-mini';
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
export function loadConfig(env: Readonly<Record<string, string | undefined>>, cwd: string = process.cwd()): Config {
  const parsed = schema.safeParse(pick(env));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = String(issue?.path[0] ?? 'environment');
    const described = descriptionOf(name);
    // A connection string may carry a password: it is never echoed.
    const shown = name === 'DATABASE_URL' ? 'not a PostgreSQL URL' : JSON.stringify(env[name]);
    throw new ConfigError(`${name} is ${shown}: set it to ${described ?? 'a valid value'}, or unset it`);
  }
  const values = parsed.data;
  const path = (value: string | undefined, fallback: string): string =>
    value === ':memory:' ? value : value ? resolve(cwd, value) : resolve(PROJECT_ROOT, fallback);
  const fail = (name: string, what: string): never => {
    throw new ConfigError(`${name} is missing: ${what}`);
  };
  const slack: SlackConfig | undefined = values.SLACK_BOT_TOKEN
    ? {
        botToken: values.SLACK_BOT_TOKEN,
        signingSecret:
          values.SLACK_SIGNING_SECRET ??
          (values.SLACK_APP_TOKEN
            ? undefined
            : fail(
                'SLACK_SIGNING_SECRET',
                "set it to the signing secret from your Slack app's Basic Information page, or set SLACK_APP_TOKEN to use Socket Mode",
              )),
        appToken: values.SLACK_APP_TOKEN,
        apiUrl: values.SLACK_API_URL,
        port: values.SLACK_PORT ?? 3000,
        commandPrefix: (values.SLACK_COMMAND_PREFIX ?? 'briefbot').replace(/^\/+|-+$/g, ''),
        adminUsers: (values.SLACK_ADMIN_USERS ?? '')
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
        maxMessages: values.SLACK_MAX_MESSAGES ?? 3,
      }
    : undefined;
  const discord: DiscordConfig | undefined = values.DISCORD_TOKEN
    ? {
        token: values.DISCORD_TOKEN,
        applicationId: values.DISCORD_APPLICATION_ID,
        guildId: values.DISCORD_GUILD_ID,
        apiUrl: values.DISCORD_API_URL,
        maxMessages: values.DISCORD_MAX_MESSAGES ?? 3,
        ...(values.DISCORD_SHARDS ? { sharding: sharding(values.DISCORD_SHARDS, values.DISCORD_SHARD_COUNT) } : {}),
      }
    : undefined;
  const llm: LlmConfig | undefined =
    values.OPENAI_API_KEY || values.OPENAI_BASE_URL
      ? {
          apiKey: values.OPENAI_API_KEY ?? null,
          baseURL: values.OPENAI_BASE_URL ?? null,
          model: values.BRIEFBOT_LLM_MODEL ?? DEFAULT_LLM_MODEL,
          dailyTokens: values.BRIEFBOT_LLM_DAILY_TOKENS ?? null,
          timeoutMs: values.BRIEFBOT_LLM_TIMEOUT_MS ?? 15_000,
        }
      : undefined;
  const timezone = values.BRIEFBOT_TIMEZONE ?? 'Europe/London';
  // Only a zone someone set is checked: the first Intl.DateTimeFormat of a process loads ICU's
  // zone data (15-30 ms), which a CLI call that never formats a date should not pay.
  if (values.BRIEFBOT_TIMEZONE !== undefined && !isTimeZone(timezone))
    throw new ConfigError(`BRIEFBOT_TIMEZONE is "${timezone}": set it to an IANA time zone such as Europe/London, or unset it`);
  return {
    slack,
    discord,
    llm,
    digests: {
      missed: values.BRIEFBOT_DIGEST_MISSED ?? 'catch-up',
      timezone,
      watch: values.BRIEFBOT_WATCH ? resolve(cwd, values.BRIEFBOT_WATCH) : undefined,
    },
    web: {
      allowPrivate: values.BRIEFBOT_ALLOW_PRIVATE_URLS !== undefined,
      intervalMinutes: values.BRIEFBOT_FEED_INTERVAL_MINUTES ?? 15,
      pauseAfter: values.BRIEFBOT_FEED_PAUSE_AFTER ?? 5,
      maxItems: values.BRIEFBOT_FEED_MAX_ITEMS ?? 20,
      timeoutMs: values.BRIEFBOT_FETCH_TIMEOUT_MS ?? 15_000,
      botUrl: values.BRIEFBOT_BOT_URL ?? null,
    },
    conversation: { idleMinutes: values.BRIEFBOT_CONVERSATION_IDLE_MINUTES ?? 30 },
    db: path(values.BRIEFBOT_DB, 'data/briefbot.db'),
    databaseUrl: values.DATABASE_URL ?? null,
    corpus: path(values.BRIEFBOT_CORPUS, 'seeds'),
    benchCorpus: path(values.BRIEFBOT_BENCH_CORPUS, '../shared/corpus/bbc-news'),
    extractionBench: values.EXTRACTION_BENCH_REPO ? resolve(cwd, values.EXTRACTION_BENCH_REPO) : null,
    bbcSummaryRepo: values.BBC_SUMMARY_REPO ? resolve(cwd, values.BBC_SUMMARY_REPO) : null,
    polnear: values.POLNEAR_REPO ? { repo: resolve(cwd, values.POLNEAR_REPO), split: values.POLNEAR_SPLIT ?? 'dev' } : null,
    logLevel: values.LOG_LEVEL,
    noColor: values.NO_COLOR !== undefined,
    testClock: values.BRIEFBOT_TEST_CLOCK_FILE
      ? { file: resolve(cwd, values.BRIEFBOT_TEST_CLOCK_FILE), sweepMs: values.BRIEFBOT_TEST_SWEEP_MS ?? 100 }
      : undefined,
  };
}

/**
 * DISCORD_SHARDS and DISCORD_SHARD_COUNT as discord.js takes them.
 *
 * @example sharding('0, 1', 4) → { shards: [0, 1], count: 4 }
 * @throws ConfigError when a list comes without a count, or names a shard the count has not
 */
function sharding(shards: string, count: number | undefined): DiscordSharding {
  if (shards === 'auto') return { shards: 'auto' };
  if (count === undefined)
    throw new ConfigError('DISCORD_SHARD_COUNT is missing: set it to the total number of shards across every replica when DISCORD_SHARDS lists shard ids');
  const ids = [...new Set(shards.split(',').map((id) => Number(id.trim())))].sort((a, b) => a - b);
  const outside = ids.find((id) => id >= count);
  if (outside !== undefined)
    throw new ConfigError(`DISCORD_SHARDS is "${shards}": shard ${outside} is not below DISCORD_SHARD_COUNT (${count}); shard ids run from 0 to ${count - 1}`);
  return { shards: ids, count };
}

/** This process's environment with some variables added: for a child process such as an eval scorer. */
export function environmentWith(extra: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

/** Whether the runtime knows a time zone by this IANA name. */
export function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** What to set a variable to, as its schema describes it. */
function descriptionOf(name: string): string | undefined {
  const variable = schema.shape[name as keyof typeof schema.shape];
  return variable ? z.globalRegistry.get(variable)?.description : undefined;
}

function pick(env: Readonly<Record<string, string | undefined>>): Record<string, string | undefined> {
  return Object.fromEntries(Object.keys(schema.shape).map((key) => [key, env[key]]));
}
