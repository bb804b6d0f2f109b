/**
 * Sending a payload to an app's Request URL the way Slack does: encoded per payload kind,
 * signed with the app's signing secret (`v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`),
 * and timed, since Slack counts the command acknowledged when the HTTP response arrives.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { stringify } from 'node:querystring';
import type { DeliveryOptions, DeliveryResult } from './types.ts';
import type { Payload } from './payloads.ts';

/**
 * How Slack encodes each kind: slash commands as form fields, interactions as a form
 * field `payload` holding JSON, Events API callbacks as JSON.
 */
export type Encoding = 'form-fields' | 'form-payload' | 'json';

/** Bolt refuses timestamps more than five minutes old; six is safely stale. */
const STALE_BY_SECONDS = 6 * 60;

/** The `x-slack-signature` for a body: `v0=` + hex HMAC-SHA256 of `v0:<timestamp>:<body>`. */
export function signSlackRequest(secret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

function encode(payload: Payload, encoding: Encoding): { body: string; contentType: string } {
  // Bolt parses a form only when the content type is exactly this, without a charset: as Slack sends it.
  if (encoding === 'form-fields') {
    return { body: stringify(payload as Record<string, string>), contentType: 'application/x-www-form-urlencoded' };
  }
  if (encoding === 'form-payload') {
    return { body: stringify({ payload: JSON.stringify(payload) }), contentType: 'application/x-www-form-urlencoded' };
  }
  return { body: JSON.stringify(payload), contentType: 'application/json' };
}

function signatureHeaders(secret: string, body: string, signing: DeliveryOptions['signing']): Record<string, string> {
  const now = Math.floor(Date.now() / 1000);
  switch (signing ?? 'valid') {
    case 'unsigned':
      return {};
    case 'bad-signature':
      return {
        'x-slack-request-timestamp': String(now),
        'x-slack-signature': signSlackRequest(`${secret}-but-wrong`, now, body),
      };
    case 'stale-timestamp': {
      const stale = now - STALE_BY_SECONDS;
      // Correctly signed, so only the age can make the receiver refuse it.
      return { 'x-slack-request-timestamp': String(stale), 'x-slack-signature': signSlackRequest(secret, stale, body) };
    }
    case 'future-timestamp': {
      // Signed for 400 seconds from now: a request captured and held to be replayed later.
      const ahead = now + 400;
      return { 'x-slack-request-timestamp': String(ahead), 'x-slack-signature': signSlackRequest(secret, ahead, body) };
    }
    case 'valid':
      return { 'x-slack-request-timestamp': String(now), 'x-slack-signature': signSlackRequest(secret, now, body) };
  }
}

/** POSTs a payload to `url`, signed as `options.signing` says, and resolves with the answer and its timing. */
export function deliver(url: string, payload: Payload, encoding: Encoding, secret: string, options: DeliveryOptions = {}): Promise<DeliveryResult> {
  const { body, contentType } = encode(payload, encoding);
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(Buffer.byteLength(body)),
    'user-agent': 'Slackbot 1.0 (+https://api.slack.com/robots)',
    ...signatureHeaders(secret, body, options.signing),
  };
  if (options.retryNum !== undefined) {
    headers['x-slack-retry-num'] = String(options.retryNum);
    headers['x-slack-retry-reason'] = 'http_timeout';
  }
  const timeoutMs = options.timeoutMs ?? 10_000;
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // No keep-alive agent: each delivery is its own connection, so nothing stays open after the test.
    const req = http.request(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: res.headers,
          ackMs: performance.now() - started,
          payload,
        }),
      );
      res.on('error', reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`receiver at ${url} did not answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
