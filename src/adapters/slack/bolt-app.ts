/**
 * The Bolt app for a configuration, with its receiver built here so the adapter owns the
 * connection: Socket Mode when an app-level token is set (no public URL needed), its client
 * told never to reconnect by itself (the adapter retries for ever, with backoff, and logs each
 * change); otherwise Bolt's HTTP receiver serving `/slack/events` for events, slash commands
 * and interactions alike, behind the adapter's own server. The bot's identity comes from an
 * `authorize` the adapter supplies, so building the app never calls Slack. Web API clients talk
 * to `config.apiUrl` when set (tests, proxies) and never attach request details (which include
 * the token) to the errors they throw.
 */
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, webApi, type Authorize } from '@slack/bolt';
import type { SlackConfig } from '../../config.ts';
import type { Logger } from '../../core/logger.ts';
import { boltLogger } from './bolt-logger.ts';
import { webClientRetryConfig, type RetryPolicy } from './retry-policy.ts';

/** Where Slack sends events, slash commands and interactions (the manifest's request URLs end in it). */
export const EVENTS_PATH = '/slack/events';

export interface BoltAppOptions {
  readonly retry: RetryPolicy;
  /** A Web API call with no answer after this long fails (and is retried). */
  readonly requestTimeoutMs: number;
}

export interface BoltParts {
  readonly app: App;
  /** Set in HTTP mode: the adapter's server hands it the requests. */
  readonly http: HTTPReceiver | undefined;
  /** Set in Socket Mode: the adapter starts and restarts its client. */
  readonly socket: SocketModeReceiver | undefined;
}

/** The secrets to scrub from everything Bolt logs. */
export function slackSecrets(config: SlackConfig): string[] {
  return [config.botToken, config.appToken, config.signingSecret].filter((s): s is string => s !== undefined);
}

/** Web API client options: our base URL, retry policy and timeout. */
export function clientOptions(config: SlackConfig, options: BoltAppOptions): webApi.WebClientOptions {
  return {
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
    retryConfig: webClientRetryConfig(options.retry),
    timeout: options.requestTimeoutMs,
    attachOriginalToWebAPIRequestError: false,
  };
}

/**
 * A Web API client for the bot's own calls (posting digests, looking up admins), or, with
 * `retries: 0`, for the link's probes, which its loop retries, and whose failures it logs
 * as state changes rather than as a warning per call.
 */
export function createWebClient(config: SlackConfig, options: BoltAppOptions, log: Logger, purpose: 'calls' | 'probes'): webApi.WebClient {
  const base = clientOptions(config, options);
  const probing = purpose === 'probes';
  return new webApi.WebClient(config.botToken, {
    ...base,
    ...(probing ? { retryConfig: { retries: 0 } } : {}),
    logger: boltLogger(log, slackSecrets(config), probing ? LogLevel.ERROR : LogLevel.INFO),
  });
}

/** Builds (but does not start) the Bolt app and its receiver. */
export function createBoltApp(config: SlackConfig, options: BoltAppOptions, log: Logger, authorize: Authorize<boolean>): BoltParts {
  const logger = boltLogger(log, slackSecrets(config));
  const webOptions = clientOptions(config, options);
  if (config.appToken !== undefined) {
    const socket = new SocketModeReceiver({
      appToken: config.appToken,
      // The socket's own connection failures are the adapter's to log, once per change.
      logger: boltLogger(log, slackSecrets(config), LogLevel.ERROR, true),
      autoReconnectEnabled: false,
      installerOptions: { clientOptions: { ...webOptions, retryConfig: { retries: 0 } } },
    });
    return { app: new App({ receiver: socket, authorize, logger, clientOptions: webOptions }), http: undefined, socket };
  }
  if (config.signingSecret === undefined) {
    throw new Error('Slack needs SLACK_SIGNING_SECRET for the HTTP receiver, or SLACK_APP_TOKEN for Socket Mode');
  }
  const http = new HTTPReceiver({
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    // Bolt answers Slack's HTTP request as soon as ack() is called, before the answer is worked out.
    processBeforeResponse: false,
    logger,
  });
  return { app: new App({ receiver: http, authorize, logger, clientOptions: webOptions }), http, socket: undefined };
}

/** The Web API client joins method names onto the base URL, so it must end in a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
