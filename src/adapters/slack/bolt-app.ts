/**
 * The Bolt app for a configuration: Socket Mode when an app-level token is set (no public
 * URL needed), otherwise Bolt's HTTP receiver serving `/slack/events` for events, slash
 * commands and interactions alike. The Web API client talks to `config.apiUrl` when set
 * (tests, proxies), retries within the adapter's policy, and never attaches request details
 * (which include the token) to the errors it throws.
 */
import { App, type webApi } from '@slack/bolt';
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

/** Builds (but does not start) the Bolt app; `secrets` are scrubbed from everything Bolt logs. */
export function createBoltApp(config: SlackConfig, options: BoltAppOptions, log: Logger): App {
  const secrets = [config.botToken, config.appToken, config.signingSecret].filter((s): s is string => s !== undefined);
  const logger = boltLogger(log, secrets);
  const clientOptions: webApi.WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: withTrailingSlash(config.apiUrl) } : {}),
    retryConfig: webClientRetryConfig(options.retry),
    timeout: options.requestTimeoutMs,
    attachOriginalToWebAPIRequestError: false,
  };
  if (config.appToken !== undefined) {
    return new App({ token: config.botToken, appToken: config.appToken, socketMode: true, logger, clientOptions });
  }
  if (config.signingSecret === undefined) {
    throw new Error('Slack needs SLACK_SIGNING_SECRET for the HTTP receiver, or SLACK_APP_TOKEN for Socket Mode');
  }
  return new App({
    token: config.botToken,
    signingSecret: config.signingSecret,
    endpoints: EVENTS_PATH,
    // Bolt answers Slack's HTTP request as soon as ack() is called, before the answer is worked out.
    processBeforeResponse: false,
    logger,
    clientOptions,
  });
}

/** The Web API client joins method names onto the base URL, so it must end in a slash. */
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
