/**
 * `npm start` (bin/start.js): the composition root, the only file that wires everything.
 * It reads the configuration once, builds the logger, the store and the clock, indexes the
 * default corpus when the store is empty, then starts every chat platform whose settings are
 * present, or the terminal chat when none is, and shuts down cleanly on SIGINT or SIGTERM
 * (or when the terminal chat's user leaves), closing the store last.
 *
 * Logs are JSON lines (pino) on stderr: at `warn` when only the terminal chat runs, so they do
 * not clutter it, at `info` for a server; LOG_LEVEL overrides both.
 */
import { commands } from '../commands/index.ts';
import { PlatformRefusedError, type ChannelPoster, type PlatformAdapter } from './core/adapter.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { CommandDefinition } from './core/command.ts';
import type { Services } from './core/dispatch.ts';
import { createConsoleChat, TERMINAL_SESSION } from './adapters/console/console-chat.ts';
import { historyFileFor } from './adapters/console/history.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { indexDefaultCorpusIfEmpty } from './ingest/default-corpus.ts';
import type { Watcher } from './ingest/watch.ts';
import { retryDigestsWhenBack } from './schedule/retry-when-back.ts';
import { createDigestScheduler } from './schedule/scheduler.ts';
import type { FeedNotifier } from './schedule/feed-poller.ts';
import { liveCoverage } from './schedule/live-coverage.ts';
import { fileClock } from './file-clock.ts';
import { createLogger } from './log.ts';
import { guardUnhandledRejections } from './process-guards.ts';
import { openStore, storeLocation } from './store/open-store.ts';
import type { Store } from './core/ports/store.ts';
import type { Logger } from './core/logger.ts';

/** What a platform adapter is built from. */
interface AdapterDeps {
  readonly config: Config;
  /** The whole registry: each adapter offers the commands whose surfaces include 'chat'. */
  readonly commands: readonly CommandDefinition[];
  /** Store, clock and logger; the adapter adds who asked (`contextFor`) and calls `dispatch`. */
  readonly services: Services;
}

interface Platform {
  readonly name: string;
  /** Whether its settings (tokens) are present in the configuration. */
  readonly configured: (config: Config) => boolean;
  /** Loads the adapter's module (its SDK takes a while to load, so only a configured one is) and builds it. */
  readonly create: (deps: AdapterDeps) => Promise<PlatformAdapter>;
}

/** The chat platforms, each started when its settings are present. */
const PLATFORMS: readonly Platform[] = [
  {
    name: 'slack',
    configured: (config) => config.slack !== undefined,
    create: async ({ config, commands, services }) => {
      const { createSlackAdapter } = await import('./adapters/slack/slack-adapter.ts');
      return createSlackAdapter({ config: config.slack!, commands, services, conversation: config.conversation });
    },
  },
  {
    name: 'discord',
    configured: (config) => config.discord !== undefined,
    create: async ({ config, commands, services }) => {
      const { createDiscordAdapter } = await import('./adapters/discord/discord-adapter.ts');
      return createDiscordAdapter({ config: config.discord!, commands, services, conversation: config.conversation });
    },
  },
];

const say = (line: string): void => {
  process.stderr.write(`briefbot: ${line}\n`);
};

async function main(): Promise<number> {
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    say(error.message);
    return 2;
  }
  const platforms = PLATFORMS.filter((platform) => platform.configured(config));
  const log = createLogger({ level: config.logLevel ?? (platforms.length > 0 ? 'info' : 'warn'), base: { app: 'briefbot' } });
  const unguard = guardUnhandledRejections(log);
  try {
    return await run(config, platforms, log);
  } finally {
    unguard();
  }
}

async function run(config: Config, platforms: readonly Platform[], log: Logger): Promise<number> {
  let store: Store;
  try {
    store = await openStore(config);
  } catch (error) {
    log.debug({ err: error, db: storeLocation(config) }, 'cannot open the database');
    say(`cannot open the database ${storeLocation(config)}: ${(error as Error).message}`);
    return 1;
  }
  // Tests that spawn several bot processes move one shared time through a file.
  const clock: Clock = config.testClock ? fileClock(config.testClock.file) : systemClock;
  const sweepEveryMs = config.testClock?.sweepMs;
  // The writer's SDK is loaded only when an endpoint is configured.
  const llm = config.llm ? await import('./llm/index.ts') : undefined;
  const writer = llm?.createProseWriter(config.llm, { log, clock, ledgerFile: llm.ledgerPathFor(config.db) });
  if (writer) log.info({ writer: writer.label }, 'LLM writer on');
  // The scheduler posts through the adapters' posters, known once the adapters are built.
  const posters: ChannelPoster[] = [];
  const digestScheduler = createDigestScheduler({
    store,
    clock,
    log,
    posters,
    ...(sweepEveryMs ? { sweepEveryMs } : {}),
    config: { missed: config.digests.missed, timezone: config.digests.timezone },
    ...(writer ? { writer } : {}),
  });
  // A feed's pause and recovery are told where it was added: a chat channel through its
  // platform's poster (the digests' own), the terminal on stderr.
  const notify: FeedNotifier = async (owner, reply) => {
    const poster = posters.find((p) => p.platform === owner.platform);
    if (poster && owner.channel) await poster.post(owner.channel, reply);
    else if (reply.notice) say(reply.notice);
  };
  const feedPoller = liveCoverage(config.web, { store, clock, log, notify, ...(sweepEveryMs ? { sweepEveryMs } : {}) });
  const services: Services = { store, clock, log, digests: digestScheduler.service, feeds: feedPoller.service, ...(writer ? { writer } : {}) };
  try {
    await indexDefaultCorpusIfEmpty(config.corpus, { ...services, say });
  } catch (error) {
    log.error({ err: error, corpus: config.corpus }, 'indexing the default corpus failed');
    say(`could not index ${config.corpus}; starting with what is indexed (the log has the details)`);
  }

  let adapters: PlatformAdapter[];
  try {
    adapters = await buildAdapters(config, platforms, services, log);
  } catch (error) {
    // A setting an adapter cannot work with: one line, and the store closed.
    log.error({ err: error }, 'building the adapters failed');
    say(`cannot start: ${(error as Error).message}`);
    await store.close();
    return 1;
  }
  for (const adapter of adapters) if (adapter.poster) posters.push(adapter.poster);
  const signal = shutdownSignal();
  let watcher: Watcher | undefined;
  let scheduling = false;
  const started: PlatformAdapter[] = [];
  try {
    for (const adapter of adapters) {
      try {
        await adapter.start();
      } catch (error) {
        started.push(adapter);
        // A token the platform refuses: the one line says which variable to check.
        if (error instanceof PlatformRefusedError) {
          log.debug({ platform: adapter.name, said: error.said }, 'the platform refused the credentials');
          say(error.message);
          return 1;
        }
        // A port in use, a setting that cannot work: say which platform and why, and stop cleanly.
        log.error({ err: error, platform: adapter.name }, 'starting failed');
        say(`cannot start ${adapter.name}: ${(error as Error).message}`);
        return 1;
      }
      started.push(adapter);
      log.info({ platform: adapter.name }, 'started');
    }
    // Digests post to Slack or Discord; the terminal chat alone only manages and previews them.
    if (posters.length > 0) {
      await digestScheduler.start();
      scheduling = true;
      retryDigestsWhenBack(adapters, digestScheduler, log);
    }
    await feedPoller.start();
    if (config.digests.watch) {
      try {
        const { startWatcher } = await import('./ingest/watch.ts');
        watcher = startWatcher({ folder: config.digests.watch, services: { store, clock, log } });
      } catch (error) {
        log.error({ err: error, folder: config.digests.watch }, 'cannot watch the folder');
        say(`cannot watch ${config.digests.watch} (BRIEFBOT_WATCH): ${(error as Error).message}; new articles there need briefbot ingest`);
      }
    }
    const ended = adapters.map((adapter) => adapter.finished).filter((done): done is Promise<void> => done !== undefined);
    const refusals = adapters.flatMap((adapter) => (adapter.link ? [adapter.link.refused] : []));
    const reason = await Promise.race([signal.received, ...ended.map((done) => done.then(() => 'finished')), ...refusals]);
    if (reason instanceof PlatformRefusedError) {
      // Refused after starting (a token revoked, or refused once an outage ended): nothing will work.
      say(reason.message);
      log.info({ platform: reason.platform }, 'shutting down: the platform refused the credentials');
      return 1;
    }
    log.info({ reason }, 'shutting down');
  } finally {
    await watcher?.stop();
    await feedPoller.stop();
    if (scheduling) await digestScheduler.stop();
    for (const adapter of started.reverse()) {
      await adapter.stop().catch((error: unknown) => log.error({ err: error, platform: adapter.name }, 'stopping failed'));
    }
    signal.dispose();
    await store.close();
  }
  return 0;
}

/** Every configured platform's adapter, or the terminal chat when none is configured. */
async function buildAdapters(config: Config, platforms: readonly Platform[], services: Services, log: Logger): Promise<PlatformAdapter[]> {
  if (platforms.length === 0) {
    const chat = createConsoleChat({
      input: process.stdin,
      output: process.stdout,
      commands,
      services,
      noColor: config.noColor,
      historyFile: historyFileFor(config.db),
      conversation: { key: TERMINAL_SESSION, idleMinutes: config.conversation.idleMinutes },
    });
    return [chat];
  }
  return Promise.all(
    platforms.map((platform) => platform.create({ config, commands, services: { ...services, log: log.child({ platform: platform.name }) } })),
  );
}

/** The first SIGINT or SIGTERM asks for a clean shutdown; a second one exits at once. */
function shutdownSignal(): { readonly received: Promise<string>; dispose(): void } {
  const signals = ['SIGINT', 'SIGTERM'] as const;
  let resolve: (name: string) => void = () => {};
  const received = new Promise<string>((done) => (resolve = done));
  let count = 0;
  const handler = (name: NodeJS.Signals) => {
    if (++count > 1) process.exit(130);
    resolve(name);
  };
  for (const name of signals) process.on(name, handler);
  return {
    received,
    dispose: () => {
      for (const name of signals) process.off(name, handler);
    },
  };
}

process.exitCode = await main();
// Anything still holding the event loop open (a socket a library forgot) must not keep a
// finished bot alive; unref'd, so a clean exit does not wait for it.
setTimeout(() => process.exit(), 3000).unref();
