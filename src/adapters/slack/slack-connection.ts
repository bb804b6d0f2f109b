/**
 * The bot's link to Slack, kept for as long as the bot runs. In Socket Mode it is the websocket:
 * when it drops, or Slack is unreachable when it is opened, it is opened again with backoff
 * (the Socket Mode client never reconnects by itself here, since its own retries end in an
 * unhandled rejection once the Web API stays away). Over HTTP, Slack calls the bot, so the link
 * is the Web API: a call that fails as if Slack were away (a post, a reply) starts probing
 * `auth.test` with backoff until Slack answers again. Either way, each change is logged once,
 * listeners hear when Slack is back (digests that failed meanwhile are then retried), and a
 * token Slack refuses ends the link with one line naming the variable.
 */
import type { SocketModeClient } from '@slack/socket-mode';
import { PlatformRefusedError } from '../../core/adapter.ts';
import type { Logger } from '../../core/logger.ts';
import type { Backoff, Waits } from '../link/backoff.ts';
import { keepTrying, tryOnce, type AttemptFailure } from '../link/keep-trying.ts';
import { LinkMonitor } from '../link/link-monitor.ts';
import type { BotIdentity } from './bot-identity.ts';
import { callVerdict, slackAttemptFailure, slackCause, type SlackTokenVariable } from './slack-link.ts';

export interface SlackConnectionDeps {
  readonly identity: BotIdentity;
  /** The Socket Mode client, in Socket Mode; undefined over HTTP. */
  readonly socket: SocketModeClient | undefined;
  readonly backoff: Backoff;
  readonly waits: Waits;
  readonly log: Logger;
}

export interface SlackConnection {
  readonly monitor: LinkMonitor;
  /**
   * Reaches Slack once: resolves when connected, or when Slack could not be reached (the link
   * then keeps trying in the background); rejects when Slack refuses a token.
   */
  start(): Promise<void>;
  /** Stops trying, and closes the socket. */
  stop(): Promise<void>;
  /** A Web API call failed: over HTTP, if it looks like Slack is away, watch for its return. */
  suspect(error: unknown): void;
}

/** An error tagged with the token that was in use, so a refusal names the right variable. */
class TokenStepError extends Error {
  constructor(
    readonly variable: SlackTokenVariable,
    override readonly cause: unknown,
  ) {
    super('a Slack call failed');
  }
}

async function step(variable: SlackTokenVariable, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    throw error instanceof PlatformRefusedError ? error : new TokenStepError(variable, error);
  }
}

function classify(error: unknown): AttemptFailure {
  return error instanceof TokenStepError ? slackAttemptFailure(error.cause, error.variable) : slackAttemptFailure(error, 'SLACK_BOT_TOKEN');
}

/** The link for one adapter; see the file comment. */
export function slackConnection(deps: SlackConnectionDeps): SlackConnection {
  const monitor = new LinkMonitor('Slack', deps.log, () => deps.waits.now());
  const stopping = new AbortController();
  const { socket } = deps;
  let attempting = false;
  let loop: Promise<unknown> | undefined;

  // Over HTTP each attempt asks auth.test again; in Socket Mode the identity is asked once,
  // then each attempt opens the socket.
  const attempt = async (): Promise<void> => {
    attempting = true;
    try {
      if (socket === undefined) return await step('SLACK_BOT_TOKEN', () => deps.identity.check());
      await step('SLACK_BOT_TOKEN', () => deps.identity.ensure());
      await step('SLACK_APP_TOKEN', () => socket.start());
    } finally {
      attempting = false;
    }
  };

  /** Keeps trying in the background, once at a time; `failures` attempts have failed already. */
  const reconnect = (failures: number): void => {
    if (loop !== undefined || stopping.signal.aborted) return;
    loop = keepTrying(attempt, failures, { monitor, backoff: deps.backoff, waits: deps.waits, classify, signal: stopping.signal })
      // A refusal has told the monitor, whose `refused` the composition root awaits.
      .catch(() => undefined)
      .finally(() => {
        loop = undefined;
      });
  };

  // The socket closed: Slack recycled its server, or the network went. Either way, open it again.
  socket?.on('disconnected', () => {
    if (stopping.signal.aborted || attempting || monitor.state !== 'connected') return;
    monitor.down('the Socket Mode connection closed');
    reconnect(0);
  });

  return {
    monitor,
    async start() {
      const failure = await tryOnce(attempt, classify);
      if (failure === null) return monitor.up();
      if ('refused' in failure) {
        monitor.refusedWith(failure.refused);
        throw failure.refused;
      }
      monitor.down(failure.cause);
      reconnect(1);
    },
    async stop() {
      stopping.abort();
      await loop;
      await socket?.disconnect();
    },
    suspect(error) {
      const verdict = callVerdict(error);
      if (verdict === 'refused') {
        // The token was revoked while running: nothing will work until it is replaced.
        const failure = slackAttemptFailure(error, 'SLACK_BOT_TOKEN');
        if ('refused' in failure) monitor.refusedWith(failure.refused);
        return;
      }
      // In Socket Mode the socket says whether Slack is there; a call's own problem says nothing.
      if (verdict !== 'away' || socket !== undefined || monitor.state !== 'connected') return;
      monitor.down(slackCause(error));
      reconnect(1);
    },
  };
}
