/**
 * One-shot CLI commands: parse the command line from the command definitions, open the
 * store, build the LLM writer when an endpoint is configured (else answers are extractive),
 * index the default corpus if the store is empty, run the command through the shared
 * dispatch (as every chat does) and print its reply as terminal text or JSON. Errors are one
 * line on stderr and a non-zero exit: 2 for a command line to fix, 1 for anything else. The
 * stack of an unexpected error goes to the log, never to the user.
 */
import { resolve } from 'node:path';
import type { CommandDefinition } from '../../core/command.ts';
import { systemClock, type Clock } from '../../core/clock.ts';
import { contextFor, dispatch, type Services } from '../../core/dispatch.ts';
import { newErrorId } from '../../core/error-id.ts';
import type { Logger } from '../../core/logger.ts';
import type { DigestService } from '../../core/ports/digests.ts';
import type { FeedService } from '../../core/ports/feeds.ts';
import type { ProseWriter } from '../../core/ports/writer.ts';
import { ConfigError, loadConfig, type Config } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { indexDefaultCorpusIfEmpty } from '../../ingest/default-corpus.ts';
import { renderJson, renderJsonError } from '../../render/json.ts';
import { renderTerminal, type TerminalOptions } from '../../render/terminal.ts';
import { wrapWidth } from '../../render/terminal-text.ts';
import { openStore, storeLocation } from '../../store/open-store.ts';
import type { Store } from '../../core/ports/store.ts';
import { createConsoleChat } from '../console/console-chat.ts';
import { historyFileFor } from '../console/history.ts';
import { CHAT_HELP, chatInvocation, type ChatInvocation } from './chat-mode.ts';
import { commandHelp, generalHelp } from './help.ts';
import { MIGRATE_HELP, migrateInvocation, type MigrateInvocation } from './migrate-mode.ts';
import { describeDatabaseUrl } from '../../store/postgres/database-url.ts';
import { parseCommandLine, UsageError, type Invocation } from './parse-args.ts';

export interface CliIo {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves --db and paths from the environment (command arguments use the process's own). */
  readonly cwd: string;
  /** `isTTY` and `columns` turn on colour and wrapping, as on a terminal. */
  readonly stdout: { write(text: string): unknown; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(text: string): unknown };
  /** What `briefbot chat` reads; the process's own streams in the executable. */
  readonly stdin?: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly clock?: Clock;
  /** A logger for tests; the CLI otherwise logs JSON lines to stderr. */
  readonly log?: Logger;
}

/** Exit codes: 0 done, 1 the command failed, 2 the command line or settings need fixing. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * Runs one CLI invocation and returns its exit code.
 *
 * @example await runCli({ argv: ['sources', '--json'], env: process.env, cwd, stdout, stderr }) === 0
 */
export async function runCli(io: CliIo, commands: readonly CommandDefinition[]): Promise<number> {
  const fail = (code: number, message: string) => {
    io.stderr.write(`briefbot: ${message}\n`);
    return code;
  };
  let config: Config;
  let invocation: Invocation | ChatInvocation | MigrateInvocation;
  try {
    config = loadConfig(io.env, io.cwd);
    invocation =
      migrateInvocation(io.argv, io.cwd) ??
      chatInvocation(io.argv) ??
      parseCommandLine(
        io.argv,
        commands.filter((c) => c.surfaces.includes('cli')),
      );
  } catch (error) {
    if (error instanceof ConfigError || error instanceof UsageError) return fail(EXIT.usage, error.message);
    throw error;
  }
  if (invocation.kind === 'migrate') return runMigrate(io, invocation);
  if (invocation.kind === 'chat' && invocation.help) {
    io.stdout.write(`${CHAT_HELP}\n`);
    return EXIT.ok;
  }
  if (invocation.kind === 'help') {
    const text = invocation.command ? commandHelp(invocation.command) : generalHelp(commands.filter((c) => c.surfaces.includes('cli')));
    (invocation.asked ? io.stdout : io.stderr).write(`${text}\n`);
    return invocation.asked ? EXIT.ok : EXIT.usage;
  }

  const log = io.log ?? createLogger({ level: config.logLevel ?? 'warn', base: { app: 'briefbot-cli' } });
  const dbOption = invocation.kind === 'chat' ? invocation.db : invocation.global.db;
  const dbFile = dbOption === undefined ? config.db : dbOption === ':memory:' ? ':memory:' : resolve(io.cwd, dbOption);
  // An explicit --db names a SQLite file; otherwise DATABASE_URL, when set, chooses PostgreSQL.
  const settings = { db: dbFile, databaseUrl: dbOption === undefined ? config.databaseUrl : null };
  let store: Store;
  try {
    store = await openStore(settings);
  } catch (error) {
    // The user's to fix (a path, permissions, a newer schema, a server down): one line, the cause only in debug.
    log.debug({ err: error, db: storeLocation(settings) }, 'cannot open the database');
    return fail(EXIT.failed, `cannot open the database ${storeLocation(settings)}: ${(error as Error).message}`);
  }
  const clock = io.clock ?? systemClock;
  const writer = await cliWriter(config, dbFile, clock, log);
  // The chat may run any command; a one-shot command only its own.
  const name = invocation.kind === 'chat' ? null : invocation.command.name;
  const services: Services = {
    store,
    clock,
    log,
    // Only `digest` uses the digest service; the others start without loading it.
    ...(name === null || name === 'digest' ? { digests: await cliDigests(store, clock, log, config, writer) } : {}),
    ...(name === null || FEED_COMMANDS.has(name) ? { feeds: await cliFeeds(store, clock, log, config) } : {}),
    ...(writer ? { writer } : {}),
  };
  const context = contextFor(services, { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: true });
  try {
    if (name !== 'ingest') {
      const say = (line: string) => io.stderr.write(`briefbot: ${line}\n`);
      await indexDefaultCorpusIfEmpty(config.corpus, { ...services, say });
    }
  } catch (error) {
    const errorId = newErrorId();
    log.error({ err: error, errorId, corpus: config.corpus }, 'indexing the default corpus failed');
    await store.close();
    return fail(EXIT.failed, `something went wrong indexing ${config.corpus} (error ${errorId}; the log on stderr has the details)`);
  }
  if (invocation.kind === 'chat') return runChat(io, invocation, { config, services, commands, store, dbFile });
  const { command, options, global } = invocation;
  try {
    const result = await dispatch(command, options, context);
    switch (result.outcome) {
      case 'ok':
        io.stdout.write(global.json ? renderJson(result.reply) : renderTerminal(result.reply, terminalOptions(io, config)));
        return EXIT.ok;
      case 'user-error': {
        const message = result.reply.notice ?? 'the command could not run';
        if (global.json) io.stdout.write(renderJsonError(result.code ?? 'user-error', message));
        // Words to fix exit 2, like a bad flag; "nothing found" and "not allowed" exit 1.
        return fail(result.usage ? EXIT.usage : EXIT.failed, message);
      }
      case 'internal-error':
        if (global.json) io.stdout.write(renderJsonError('internal', `something went wrong (error ${result.errorId})`));
        return fail(EXIT.failed, `something went wrong running "${command.name}" (error ${result.errorId}; the log on stderr has the details)`);
    }
  } finally {
    await store.close();
  }
}

/** `briefbot chat`: the terminal chat over the CLI's streams, until the input ends or the user leaves. */
async function runChat(
  io: CliIo,
  invocation: ChatInvocation,
  { config, services, commands, store, dbFile }: { config: Config; services: Services; commands: readonly CommandDefinition[]; store: Store; dbFile: string },
): Promise<number> {
  const stdin = io.stdin;
  const stdout = io.stdout as NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };
  if (!stdin || typeof stdout.on !== 'function') {
    io.stderr.write('briefbot: chat needs standard input and output streams\n');
    await store.close();
    return EXIT.failed;
  }
  const chat = createConsoleChat({
    input: stdin,
    output: stdout,
    commands,
    services,
    noColor: config.noColor,
    historyFile: historyFileFor(dbFile),
    conversation: { key: `console:${invocation.session}`, idleMinutes: config.conversation.idleMinutes },
    json: invocation.json,
  });
  try {
    await chat.start();
    await chat.finished;
  } finally {
    await store.close();
  }
  return EXIT.ok;
}

/**
 * The LLM writer when an endpoint is configured; its daily token count is kept beside the
 * database, so the budget holds across one-shot runs. Loaded only then: the openai package
 * takes a few hundred milliseconds to import, which a CLI without a model should not pay.
 */
async function cliWriter(config: Config, dbFile: string, clock: Clock, log: Logger): Promise<ProseWriter | undefined> {
  if (!config.llm) return undefined;
  const { createProseWriter, ledgerPathFor } = await import('../../llm/index.ts');
  return createProseWriter(config.llm, { log, clock, ledgerFile: ledgerPathFor(dbFile) });
}

/** The digest service over the CLI's store (subscriptions, previews; nothing is posted from here). */
async function cliDigests(store: Store, clock: Clock, log: Logger, config: Config, writer: ProseWriter | undefined): Promise<DigestService> {
  const { createDigestService } = await import('../../schedule/digest-service.ts');
  return createDigestService({ store, clock, log, timezone: config.digests.timezone, ...(writer ? { writer } : {}) });
}

/** The commands that follow feeds and fetch pages; the others start without that code. */
const FEED_COMMANDS: ReadonlySet<string> = new Set(['add', 'feeds', 'remove']);

async function cliFeeds(store: Store, clock: Clock, log: Logger, config: Config): Promise<FeedService> {
  const { liveCoverage } = await import('../../schedule/live-coverage.ts');
  // One-shot: no poll timer, the command's own fetches only.
  return liveCoverage(config.web, { store, clock, log, timer: false }).service;
}

/** Colour and wrapping only for a terminal, and no colour when NO_COLOR is set. */
function terminalOptions(io: CliIo, config: Config): TerminalOptions {
  if (io.stdout.isTTY !== true) return {};
  return { color: !config.noColor, width: wrapWidth(io.stdout.columns) };
}

/** `briefbot migrate`: copies the SQLite file into PostgreSQL and says what was copied. */
async function runMigrate(io: CliIo, invocation: MigrateInvocation): Promise<number> {
  if (invocation.help) {
    io.stdout.write(`${MIGRATE_HELP}\n`);
    return EXIT.ok;
  }
  const where = describeDatabaseUrl(invocation.to);
  try {
    // Loaded only here: the copy needs both engines at once.
    const { migrateSqliteToPostgres } = await import('../../store/migrate/sqlite-to-postgres.ts');
    const report = await migrateSqliteToPostgres(invocation.from, invocation.to);
    const others = Object.entries(report.tables)
      .filter(([, n]) => n > 0)
      .map(([table, n]) => `${n} ${table.replace(/_/g, ' ')}`);
    io.stdout.write(
      `Copied ${invocation.from} to PostgreSQL at ${where}: ${report.articles} articles (${report.copied} written this run)${others.length > 0 ? `, ${others.join(', ')}` : ''}.\n`,
    );
    return EXIT.ok;
  } catch (error) {
    // The URL's password never reaches the message: only the host, and the cause's own words.
    const message = (error as Error).message.split(invocation.to).join(where);
    io.stderr.write(`briefbot: cannot migrate ${invocation.from} to PostgreSQL at ${where}: ${message}\n`);
    return EXIT.failed;
  }
}
