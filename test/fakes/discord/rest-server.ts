/**
 * The HTTP side of the fake: `/api/v10/...` requests are parsed (JSON or multipart with
 * `payload_json`), authenticated, possibly failed on purpose, routed and recorded.
 * Rate-limit headers look like Discord's so discord.js's limiter behaves as in production.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DiscordHttpError } from './errors.ts';
import type { Recorder } from './recorder.ts';
import { findRoute, matchTemplate, type Route } from './router.ts';
import type { FailureHandle, FailureSpec, FileRecord, HeldRequest, HoldSpec, Json } from './types.ts';

const API_PREFIX = '/api/v10';

interface FailureRule extends FailureHandle {
  readonly spec: FailureSpec;
  hits: number;
  remaining: number;
}

interface HoldRule {
  readonly spec: HoldSpec;
  taken: boolean;
  arrived: (body: Json | undefined) => void;
  released: Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: Json | undefined;
  readonly headers: Readonly<Record<string, string>>;
  /** Sent instead of JSON (a proxy's HTML error page). */
  readonly text?: string;
}

export class RestServer {
  readonly #failures: FailureRule[] = [];
  readonly #holds: HoldRule[] = [];

  constructor(
    private readonly routes: readonly Route[],
    private readonly recorder: Recorder,
    private readonly token: string | undefined,
  ) {}

  /** Makes the next `times` requests matching the spec fail with its status. */
  failNext(spec: FailureSpec): FailureHandle {
    const rule: FailureRule = { spec, hits: 0, remaining: spec.times ?? 1 };
    this.#failures.push(rule);
    return rule;
  }

  /**
   * The next request matching the spec waits, unanswered, until `release()`; then it is
   * handled as if it had just arrived, whether or not its client is still there (Discord acts
   * on a request whose sender has died).
   */
  holdNext(spec: HoldSpec): HeldRequest {
    let arrived: (body: Json | undefined) => void = () => {};
    let release: () => void = () => {};
    const whenArrived = new Promise<Json | undefined>((resolve) => (arrived = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.#holds.push({ spec, taken: false, arrived, released });
    return { arrived: whenArrived, release };
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const seq = this.recorder.nextSeq();
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const method = (req.method ?? 'GET').toUpperCase();
    const path = url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) || '/' : url.pathname;
    const query = Object.fromEntries(url.searchParams);
    const authorization = req.headers.authorization;

    let body: Json | undefined;
    let files: FileRecord[] = [];
    let reply: Reply;
    let routeName = '(unmatched)';
    let params: Record<string, string> = {};
    let injected = false;
    try {
      ({ body, files } = await parseBody(await readAll(req), String(req.headers['content-type'] ?? '')));
      const found = url.pathname.startsWith(API_PREFIX) ? findRoute(this.routes, method, path) : undefined;
      if (found) {
        routeName = found.route.template;
        params = found.params;
      }
      const hold = this.#holds.find((h) => !h.taken && fits(h.spec, method, path));
      if (hold) {
        hold.taken = true;
        hold.arrived(body);
        await hold.released;
      }
      const failure = this.#takeFailure(method, path);
      if (failure) {
        injected = true;
        reply = failureReply(failure, `${method}:${routeName}`);
      } else if (!found) {
        const otherMethod = this.routes.some((r) => matchTemplate(r.template, path));
        reply = otherMethod ? json(405, { message: '405: Method Not Allowed', code: 0 }) : json(404, { message: '404: Not Found', code: 0 });
      } else if (found.route.auth && !this.#authorized(authorization)) {
        reply = json(401, { message: '401: Unauthorized', code: 0 });
      } else {
        const result = found.route.handle({ params, query, body, files, at });
        reply = { status: result.status, body: result.body, headers: bucketHeaders(`${method}:${routeName}`) };
      }
    } catch (error) {
      reply =
        error instanceof DiscordHttpError
          ? { status: error.status, body: error.body, headers: bucketHeaders(`${method}:${routeName}`) }
          : json(500, { message: `fake discord: ${(error as Error).message}`, code: 0 });
    }

    this.recorder.record({
      seq,
      method,
      path,
      route: routeName,
      params,
      query,
      body,
      files,
      authorization,
      at,
      status: reply.status,
      response: reply.body,
      injected,
    });
    send(res, reply);
  }

  #authorized(header: string | undefined): boolean {
    if (!header?.startsWith('Bot ')) return false;
    return this.token === undefined || header === `Bot ${this.token}`;
  }

  #takeFailure(method: string, path: string): FailureRule | undefined {
    const rule = this.#failures.find((r) => r.remaining > 0 && fits(r.spec, method, path));
    if (rule) {
      rule.remaining -= 1;
      rule.hits += 1;
    }
    return rule;
  }
}

/** Whether a request is one a failure or hold rule names. */
function fits(spec: { readonly method?: string; readonly path: string | RegExp }, method: string, path: string): boolean {
  if (spec.method && spec.method.toUpperCase() !== method) return false;
  return typeof spec.path === 'string' ? matchTemplate(spec.path, path) !== undefined : spec.path.test(path);
}

/** Discord's 429 (headers and body), or a 5xx as Discord or its proxy sends it. */
function failureReply(rule: FailureRule, bucket: string): Reply {
  const { status } = rule.spec;
  if (status === 429) {
    const retryAfter = rule.spec.retryAfter ?? 0.25;
    const global = rule.spec.global === true;
    const headers: Record<string, string> = {
      // The header is whole seconds, rounded up; the precise wait is in reset-after and the body.
      'retry-after': String(Math.ceil(retryAfter)),
      'x-ratelimit-scope': global ? 'global' : 'user',
    };
    if (global) headers['x-ratelimit-global'] = 'true';
    else {
      Object.assign(headers, bucketHeaders(bucket), {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': (Date.now() / 1000 + retryAfter).toFixed(3),
        'x-ratelimit-reset-after': retryAfter.toFixed(3),
      });
    }
    return { status, headers, body: { message: 'You are being rate limited.', retry_after: retryAfter, global } };
  }
  if (status === 500) return json(500, { message: '500: Internal Server Error', code: 0 });
  const title = `${status} ${status === 502 ? 'Bad Gateway' : status === 503 ? 'Service Unavailable' : 'Gateway Time-out'}`;
  return {
    status,
    body: undefined,
    headers: { 'content-type': 'text/html' },
    text: `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center>` + '<hr><center>cloudflare</center></body></html>',
  };
}

/** A steady, roomy bucket: discord.js learns the bucket but never has to wait for it. */
function bucketHeaders(bucket: string): Record<string, string> {
  let hash = 0;
  for (const char of bucket) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return {
    'x-ratelimit-bucket': hash.toString(16).padStart(8, '0'),
    'x-ratelimit-limit': '5',
    'x-ratelimit-remaining': '4',
    'x-ratelimit-reset': (Date.now() / 1000 + 1).toFixed(3),
    'x-ratelimit-reset-after': '1.000',
  };
}

function json(status: number, body: Json): Reply {
  return { status, body, headers: {} };
}

function send(res: ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = { ...reply.headers };
  let payload = '';
  if (reply.text !== undefined) payload = reply.text;
  else if (reply.status !== 204 && reply.body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(reply.body);
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function readAll(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON, or multipart whose `payload_json` is the body and whose files are listed. */
async function parseBody(raw: Buffer, contentType: string): Promise<{ body: Json | undefined; files: FileRecord[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  if (contentType.startsWith('multipart/form-data')) {
    // The platform's own multipart parser: a Request built in memory, never sent anywhere.
    const form = await new Request('http://127.0.0.1/', {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: raw,
    }).formData();
    let body: Json | undefined;
    const files: FileRecord[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = parseJson(value);
      } else {
        files.push({ field, filename: value.name, size: value.size, contentType: value.type });
      }
    }
    return { body, files };
  }
  return { body: parseJson(raw.toString('utf8')), files: [] };
}

function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new DiscordHttpError(400, { message: 'The request body contains invalid JSON.', code: 50109 });
  }
}
