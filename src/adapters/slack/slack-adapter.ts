/**
 * The Slack adapter: every chat command as a slash command (`/briefbot-ask` …, and
 * `/briefbot COMMAND …`), mentions answered in their thread, direct messages, and a
 * `ChannelPoster` for scheduled digests. It translates Slack's events into the core's
 * `dispatch` and renders replies with `renderSlack`; commands never see Slack. Its link to
 * Slack comes and goes (slack-connection.ts): retried for ever, each change logged once.
 *
 *   const slack = createSlackAdapter({ config: config.slack, commands, services });
 *   await slack.start();            // HTTP receiver on config.port, or Socket Mode with an app token
 *   await slack.poster.post('C0NEWS', digest);
 *   await slack.stop();             // stops listening, lets answers in flight finish
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SlackConfig } from '../../config.ts';
import type { ChannelPoster, PlatformAdapter, PlatformLink } from '../../core/adapter.ts';
import type { CommandDefinition } from '../../core/command.ts';
import type { Services } from '../../core/dispatch.ts';
import { DEFAULT_BACKOFF, realWaits, type Backoff, type Waits } from '../link/backoff.ts';
import { createBoltApp, createWebClient, EVENTS_PATH } from './bolt-app.ts';
import { BotIdentity } from './bot-identity.ts';
import { slackChannelPoster } from './channel-poster.ts';
import { prefixProblems } from './command-names.ts';
import { registerConversationEvents } from './conversation-events.ts';
import { registerAnswerActions } from './answer-actions.ts';
import { DEFAULT_MESSAGE_CAP } from '../answer-pages.ts';
import { DEFAULT_IDLE_MINUTES, type ConversationSettings } from '../../core/conversation/converse.ts';
import { ManagerCheck } from './permissions.ts';
import { createRequestServer } from './request-server.ts';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.ts';
import { slackConnection } from './slack-connection.ts';
import { registerSlashCommands } from './slash-commands.ts';
import { describeSlackFailure } from './slack-errors.ts';
import { registerStaleInteractions } from './stale-interactions.ts';

/** Timings and limits; production uses the defaults, tests shorten them. */
export interface SlackTuning {
  /** The address the HTTP receiver binds: every interface when undefined (tests use 127.0.0.1). */
  readonly host: string | undefined;
  readonly retry: RetryPolicy;
  /** A Web API call with no answer after this long fails (and is retried). */
  readonly requestTimeoutMs: number;
  /** A command still running after this long gets a "working…" message. */
  readonly workingAfterMs: number;
  /** At most one edit of a working message per this many milliseconds (Slack rate-limits chat.update). */
  readonly progressEveryMs: number;
  /** How long a workspace-admin lookup (`users.info`) is trusted. */
  readonly managerCacheMs: number;
  /** How long `stop()` waits for answers in flight. */
  readonly drainMs: number;
  /** The waits between attempts to reach Slack again. */
  readonly backoff: Backoff;
  /** How those waits pass: real time, or a test's. */
  readonly waits: Waits;
}

export const DEFAULT_SLACK_TUNING: SlackTuning = {
  host: undefined,
  retry: DEFAULT_RETRY_POLICY,
  requestTimeoutMs: 15_000,
  workingAfterMs: 1_500,
  progressEveryMs: 1_000,
  managerCacheMs: 5 * 60_000,
  drainMs: 10_000,
  backoff: DEFAULT_BACKOFF,
  waits: realWaits,
};

export interface SlackAdapterDeps {
  readonly config: SlackConfig;
  /** The whole registry: the adapter offers the commands whose surfaces include 'chat'. */
  readonly commands: readonly CommandDefinition[];
  /** Store, clock, logger (and writer, digests); the adapter adds who asked. */
  readonly services: Services;
  readonly tuning?: Partial<SlackTuning>;
  /** Follow-ups in threads and DMs: how long a conversation may stay idle (default 30 minutes). */
  readonly conversation?: ConversationSettings;
}

export interface SlackAdapter extends PlatformAdapter {
  readonly poster: ChannelPoster;
  readonly link: PlatformLink;
  /** Where the HTTP receiver listens once started (`http://127.0.0.1:3000/slack/events`); undefined in Socket Mode. */
  readonly requestUrl: string | undefined;
  /** Resolves once no answer is in flight. */
  idle(): Promise<void>;
}

/** The Slack adapter for `main.ts`; see the file comment. Throws when the configuration cannot work. */
export function createSlackAdapter(deps: SlackAdapterDeps): SlackAdapter {
  const { config, services } = deps;
  const tuning: SlackTuning = { ...DEFAULT_SLACK_TUNING, ...deps.tuning };
  const log = services.log;
  const commands = deps.commands.filter((command) => command.surfaces.includes('chat'));
  const names = commands.map((c) => c.name);
  for (const problem of prefixProblems(config.commandPrefix, names)) {
    log.warn({ problem }, 'Slack may refuse these slash command names');
  }

  const identity = new BotIdentity(createWebClient(config, tuning, log, 'probes'), config.botToken);
  const { app, http, socket } = createBoltApp(config, tuning, log, identity.authorize);
  const client = createWebClient(config, tuning, log, 'calls');
  const connection = slackConnection({ identity, socket: socket?.client, backoff: tuning.backoff, waits: tuning.waits, log });
  const inFlight = new Set<Promise<void>>();
  const track = (work: () => Promise<void>): void => {
    const running: Promise<void> = work()
      .catch((error: unknown) => log.error({ ...describeSlackFailure(error) }, 'a Slack answer failed'))
      .finally(() => inFlight.delete(running));
    inFlight.add(running);
  };
  const idle = async (): Promise<void> => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };
  const answerDeps = {
    commands,
    services,
    managers: new ManagerCheck(client, { adminUsers: config.adminUsers, cacheMs: tuning.managerCacheMs }, log),
    timing: { workingAfterMs: tuning.workingAfterMs, progressEveryMs: tuning.progressEveryMs },
    log,
    suspect: connection.suspect,
    track,
    conversation: deps.conversation ?? { idleMinutes: DEFAULT_IDLE_MINUTES },
    messageCap: config.maxMessages ?? DEFAULT_MESSAGE_CAP,
  };
  registerSlashCommands(app, { ...answerDeps, prefix: config.commandPrefix, retry: tuning.retry });
  registerConversationEvents(app, answerDeps);
  registerAnswerActions(app, { services, log, retry: tuning.retry, messageCap: answerDeps.messageCap, track });
  registerStaleInteractions(app, config.commandPrefix, tuning.retry, log);
  app.error(async (error) => {
    log.error({ ...describeSlackFailure(error) }, 'Bolt reported an error');
  });

  let server: Server | undefined;
  let requestUrl: string | undefined;
  return {
    name: 'slack',
    poster: slackChannelPoster(client, log, connection.suspect),
    link: connection.monitor,
    get requestUrl() {
      return requestUrl;
    },
    idle,
    async start() {
      // A refused token ends the start here; Slack unreachable does not: the receiver listens
      // anyway (Slack may well reach us first), and the link keeps trying in the background.
      await connection.start();
      if (http !== undefined) {
        server = createRequestServer(http, { log });
        const address = await listen(server, config.port, tuning.host);
        const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        requestUrl = `http://${host}:${address.port}${EVENTS_PATH}`;
        log.info({ mode: 'http', port: address.port, path: EVENTS_PATH }, 'listening for Slack');
      }
    },
    async stop() {
      await connection.stop();
      if (server !== undefined) await new Promise<void>((resolve) => server?.close(() => resolve()));
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), tuning.drainMs)));
      const outcome = await Promise.race([idle().then(() => 'idle' as const), deadline]);
      clearTimeout(timer);
      if (outcome === 'timeout') log.warn({ inFlight: inFlight.size }, 'stopped with Slack answers still in flight');
    },
  };
}

/** Listens on `port` (0: any free port); rejects when the port is taken. */
function listen(server: Server, port: number, host: string | undefined): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const done = () => {
      server.off('error', reject);
      resolve(server.address() as AddressInfo);
    };
    if (host === undefined) server.listen(port, done);
    else server.listen(port, host, done);
  });
}
