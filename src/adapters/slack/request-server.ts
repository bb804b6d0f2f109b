/**
 * The HTTP server in front of Bolt's receiver. It refuses, before Bolt reads a byte of the body,
 * a request whose `x-slack-request-timestamp` is more than five minutes from now in either
 * direction, as Slack's own recipe does (Bolt checks only the past, so a request signed for the
 * future could be replayed until then). Signatures are then checked by Bolt as usual.
 */
import { createServer, type Server } from 'node:http';
import type { HTTPReceiver } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';

/** Slack's window for a request's timestamp, either way. */
export const MAX_TIMESTAMP_SKEW_S = 5 * 60;

/**
 * A server handing Bolt's receiver the requests whose timestamp is within the window.
 *
 * The window is wall-clock time, as Slack signs with it (not the bot's clock, which tests move).
 *
 * @example createRequestServer(receiver, { log }).listen(3000)
 */
export function createRequestServer(receiver: HTTPReceiver, deps: { readonly log: Logger; readonly nowMs?: () => number }): Server {
  const nowMs = deps.nowMs ?? Date.now;
  return createServer((req, res) => {
    const header = req.headers['x-slack-request-timestamp'];
    if (typeof header === 'string') {
      const skew = Math.abs(Math.floor(nowMs() / 1000) - Number(header));
      if (!Number.isFinite(skew) || skew > MAX_TIMESTAMP_SKEW_S) {
        deps.log.warn({ skewSeconds: Number.isFinite(skew) ? skew : null }, 'refused a Slack request whose timestamp is more than five minutes away');
        res.writeHead(401).end();
        return;
      }
    }
    try {
      receiver.requestListener(req, res);
    } catch {
      // Bolt throws for a path it does not serve.
      if (!res.headersSent) res.writeHead(404);
      res.end();
    }
  });
}
