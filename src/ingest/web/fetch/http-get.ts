/**
 * One guarded HTTP GET, following redirects by hand so every hop is checked again: only
 * http(s), no credentials, no private address (each name resolved through the guarded
 * lookup, each IP literal checked here), at most five hops and never the same address twice.
 * It asks for gzip, deflate or brotli, sends the caller's conditional headers, gives up after
 * the timeout (headers and body together), and stops reading past the size cap, compressed or
 * not. Every failure comes back as a short reason, never an exception.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { Readable } from 'node:stream';
import { blockedReason } from './address-policy.ts';
import { guardedLookup, RefusedAddressError, systemResolver, type AddressPolicy, type Resolver } from './guarded-lookup.ts';
import { retryAfterMs } from './retry-after.ts';
import { checkUrl, redactUrl } from './url-policy.ts';

export interface HttpGetOptions {
  readonly userAgent: string;
  readonly timeoutMs: number;
  /** The largest body accepted, after decompression. */
  readonly maxBytes: number;
  /** Fetch from loopback and private addresses too (tests; BRIEFBOT_ALLOW_PRIVATE_URLS). */
  readonly allowPrivate: boolean;
  /** Which addresses are refused, when not `allowPrivate` (default: address-policy.ts). */
  readonly policy?: AddressPolicy;
  readonly resolver?: Resolver;
  /** Extra request headers: Accept, If-None-Match, If-Modified-Since. */
  readonly headers?: Readonly<Record<string, string>>;
  /** For Retry-After dates. */
  readonly now?: () => Date;
}

export interface Validators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

export type HttpResult =
  | {
      readonly kind: 'ok';
      readonly url: string;
      readonly status: number;
      readonly contentType: string | null;
      readonly body: Buffer;
      readonly validators: Validators;
    }
  | { readonly kind: 'not-modified'; readonly url: string; readonly validators: Validators }
  | {
      readonly kind: 'failed';
      readonly url: string;
      readonly reason: string;
      /** The HTTP status, when the server answered. */
      readonly status: number | null;
      /** How long the server asked us to wait (429, 503 with Retry-After). */
      readonly retryAfterMs: number | null;
    };

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs `address`, following redirects.
 *
 * @example await httpGet('https://courier.example/feed.xml', { userAgent, timeoutMs: 15000, maxBytes: 5 << 20, allowPrivate: false })
 *   → { kind: 'ok', url: 'https://courier.example/feed.xml', status: 200, contentType: 'application/rss+xml', body: <Buffer …>, … }
 */
export async function httpGet(address: string, options: HttpGetOptions): Promise<HttpResult> {
  const deadline = Date.now() + options.timeoutMs;
  const policy: AddressPolicy = options.allowPrivate ? () => null : (options.policy ?? blockedReason);
  const seen = new Set<string>();
  let current = address;
  for (let hop = 0; ; hop++) {
    const failed = (reason: string, status: number | null = null, retry: number | null = null): HttpResult => ({
      kind: 'failed',
      url: redactUrl(current),
      reason,
      status,
      retryAfterMs: retry,
    });
    const checked = checkUrl(current);
    if (!checked.ok) return failed(hop === 0 ? checked.reason : `redirected to an address that cannot be followed: ${checked.reason}`);
    const url = checked.url;
    if (seen.has(url.href)) return failed(`redirect loop: ${redactUrl(url.href)} redirects back to itself`);
    seen.add(url.href);
    const literal = url.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) !== 0) {
      const reason = policy(literal);
      if (reason !== null) return failed(`${literal} is a ${reason} address, which briefbot does not fetch from`);
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) return failed(`timed out after ${options.timeoutMs / 1000} s`);
    let response: RawResponse;
    try {
      response = await request(url, options, policy, remaining);
    } catch (error) {
      return failed(describeError(error, options.timeoutMs));
    }
    const { headers } = response.message;
    const status = response.message.statusCode ?? 0;
    if (REDIRECTS.has(status)) {
      response.message.resume();
      const location = headers.location;
      if (!location) return failed(`HTTP ${status} redirect with no Location`, status);
      if (hop + 1 > MAX_REDIRECTS) return failed(`too many redirects (more than ${MAX_REDIRECTS})`, status);
      try {
        current = new URL(location, url).href;
      } catch {
        return failed(`HTTP ${status} redirect to an invalid address`, status);
      }
      continue;
    }
    const validators: Validators = { etag: header(headers.etag), lastModified: header(headers['last-modified']) };
    if (status === 304) {
      response.message.resume();
      return { kind: 'not-modified', url: url.href, validators };
    }
    if (status < 200 || status >= 300) {
      response.message.resume();
      const retry = status === 429 || status === 503 ? retryAfterMs(header(headers['retry-after']), (options.now ?? (() => new Date()))()) : null;
      return failed(`HTTP ${status}${response.message.statusMessage ? ` ${response.message.statusMessage}` : ''}`, status, retry);
    }
    const declared = Number(headers['content-length']);
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      response.message.destroy();
      return failed(tooLarge(declared, options.maxBytes), status);
    }
    try {
      const body = await readBody(response.message, options.maxBytes, deadline - Date.now());
      return { kind: 'ok', url: url.href, status, contentType: header(headers['content-type']), body, validators };
    } catch (error) {
      return failed(describeError(error, options.timeoutMs), status);
    }
  }
}

interface RawResponse {
  readonly message: IncomingMessage;
}

function request(url: URL, options: HttpGetOptions, policy: AddressPolicy, timeoutMs: number): Promise<RawResponse> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(url, {
      method: 'GET',
      agent: false,
      lookup: guardedLookup(options.resolver ?? systemResolver, policy),
      headers: { 'user-agent': options.userAgent, 'accept-encoding': 'gzip, deflate, br', ...options.headers },
    });
    const timer = setTimeout(() => req.destroy(new TimeoutError()), timeoutMs);
    req.on('response', (message) => {
      clearTimeout(timer);
      resolve({ message });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** The body, decompressed, or an error when it passes `maxBytes` or the time runs out. */
function readBody(message: IncomingMessage, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const encoding = (header(message.headers['content-encoding']) ?? '').toLowerCase().trim();
  let stream: Readable = message;
  if (encoding === 'gzip' || encoding === 'x-gzip') stream = message.pipe(createGunzip());
  else if (encoding === 'deflate') stream = message.pipe(createInflate());
  else if (encoding === 'br') stream = message.pipe(createBrotliDecompress());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let raw = 0;
    const stop = (error: Error) => {
      clearTimeout(timer);
      message.destroy();
      if (stream !== message) stream.destroy();
      reject(error);
    };
    const timer = setTimeout(() => stop(new TimeoutError()), Math.max(1, timeoutMs));
    // A compressed body is capped too: a small bomb must not keep the socket reading forever.
    if (stream !== message) {
      message.on('data', (chunk: Buffer) => {
        raw += chunk.length;
        if (raw > maxBytes) stop(new TooLargeError(raw, maxBytes));
      });
    }
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) return stop(new TooLargeError(size, maxBytes));
      chunks.push(chunk);
    });
    stream.on('end', () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks));
    });
    stream.on('error', (error) =>
      stop(
        error instanceof TooLargeError || error instanceof TimeoutError
          ? error
          : new Error(`the body could not be read (${encoding || 'plain'}): ${error.message}`),
      ),
    );
    message.on('error', (error) => stop(error));
  });
}

class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

class TooLargeError extends Error {
  override readonly name = 'TooLargeError';
  constructor(size: number, limit: number) {
    super(tooLarge(size, limit));
  }
}

function tooLarge(size: number, limit: number): string {
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  return `too large: over ${mb(Math.min(size, limit + 1))} MB (the limit is ${mb(limit)} MB)`;
}

function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof TimeoutError) return `timed out after ${timeoutMs / 1000} s`;
  if (error instanceof TooLargeError || error instanceof RefusedAddressError) return error.message;
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    case 'ECONNREFUSED':
      return 'the server refused the connection';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'the server closed the connection';
    case 'ETIMEDOUT':
      return `timed out after ${timeoutMs / 1000} s`;
    case 'CERT_HAS_EXPIRED':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'ERR_TLS_CERT_ALTNAME_INVALID':
      return `the server's certificate is not valid (${code})`;
    default:
      return `the request failed: ${redactUrl(error instanceof Error ? error.message : String(error))}`;
  }
}

function header(value: string | string[] | undefined): string | null {
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first.trim() === '' ? null : first.trim();
}
