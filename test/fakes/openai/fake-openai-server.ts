/**
 * A fake OpenAI-compatible server on 127.0.0.1 for tests: `POST /v1/chat/completions`
 * (streaming and not) and `GET /v1/models`. Tests script what it does per request or as a
 * queue, and read back every request it received, so they can assert what the prompt held.
 * The real `openai` package talks to it with `baseURL: fake.url`.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { answer, unknownModel, type FakeBehaviour } from './behaviours.ts';
import { respond, sendJson } from './respond.ts';

export interface RecordedMessage {
  readonly role: string;
  readonly content: string;
}

/** One request as the fake received it. */
export interface RecordedRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The parsed JSON body, or the raw text when it was not JSON. */
  readonly body: unknown;
  readonly model: string | null;
  readonly messages: readonly RecordedMessage[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  readonly maxTokens: number | null;
  readonly temperature: number | null;
  /** Milliseconds since the fake started. */
  readonly at: number;
}

export interface FakeOpenAIOptions {
  /** Models the fake knows; a request for another gets OpenAI's 404 model_not_found. */
  readonly models?: readonly string[];
}

export interface FakeOpenAI {
  /** The base URL to give the client: `http://127.0.0.1:<port>/v1`. */
  readonly url: string;
  /** Every request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Completion requests only. */
  readonly completions: readonly RecordedRequest[];
  /** Behaviours for the next requests, one each, in order. */
  enqueue(...behaviours: FakeBehaviour[]): void;
  /** What to do when the queue is empty (at first: a fixed answer saying nothing was scripted). */
  setDefault(behaviour: FakeBehaviour): void;
  /** A per-request choice, asked before the queue; returning undefined falls through. */
  route(choose: ((request: RecordedRequest) => FakeBehaviour | undefined) | null): void;
  /** Forgets the queue, the route, the default and the recorded requests. */
  reset(): void;
  close(): Promise<void>;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function record(req: http.IncomingMessage, raw: string, started: number): RecordedRequest {
  const body = parse(raw);
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const messages = Array.isArray(b['messages'])
    ? (b['messages'] as { role?: unknown; content?: unknown }[]).map((m) => ({
        role: String(m.role),
        content: typeof m.content === 'string' ? m.content : JSON.stringify(m.content),
      }))
    : [];
  const options = b['stream_options'] as { include_usage?: unknown } | undefined;
  return {
    method: req.method ?? 'GET',
    path: (req.url ?? '/').split('?')[0]!,
    headers: req.headers,
    body,
    model: typeof b['model'] === 'string' ? b['model'] : null,
    messages,
    stream: b['stream'] === true,
    includeUsage: options?.include_usage === true,
    maxTokens: typeof b['max_tokens'] === 'number' ? b['max_tokens'] : null,
    temperature: typeof b['temperature'] === 'number' ? b['temperature'] : null,
    at: Date.now() - started,
  };
}

/**
 * Starts the fake on an ephemeral port of 127.0.0.1.
 * @example
 *   const fake = await startFakeOpenAI();
 *   fake.enqueue(answer('Huawei denied it [1].'));
 *   const client = new OpenAI({ apiKey: 'test', baseURL: fake.url });
 */
export async function startFakeOpenAI(options: FakeOpenAIOptions = {}): Promise<FakeOpenAI> {
  const models = options.models ?? ['fake-model'];
  const started = Date.now();
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  let queue: FakeBehaviour[] = [];
  let fallback: FakeBehaviour = answer('The fake OpenAI server had no scripted answer for this request.');
  let chooser: ((request: RecordedRequest) => FakeBehaviour | undefined) | null = null;

  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (part: string) => (raw += part));
    req.on('end', () => {
      const request = record(req, raw, started);
      requests.push(request);
      const { method, path } = request;
      if (method === 'GET' && path === '/v1/models') {
        return sendJson(res, 200, { object: 'list', data: models.map((id) => ({ id, object: 'model', created: 1_700_000_000, owned_by: 'fake' })) });
      }
      if (method === 'POST' && path === '/v1/chat/completions') {
        const behaviour =
          request.model !== null && !models.includes(request.model) ? unknownModel(request.model) : (chooser?.(request) ?? queue.shift() ?? fallback);
        void respond(
          res,
          {
            model: request.model ?? 'unknown',
            stream: request.stream,
            includeUsage: request.includeUsage,
            promptChars: request.messages.reduce((n, m) => n + m.content.length, 0),
          },
          behaviour,
        );
        return;
      }
      sendJson(res, 404, { error: { message: `Unknown request URL: ${method} ${path}.`, type: 'invalid_request_error', param: null, code: 'unknown_url' } });
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return requests;
    },
    get completions() {
      return requests.filter((r) => r.path === '/v1/chat/completions');
    },
    enqueue: (...behaviours) => {
      queue.push(...behaviours);
    },
    setDefault: (behaviour) => {
      fallback = behaviour;
    },
    route: (choose) => {
      chooser = choose;
    },
    reset() {
      queue = [];
      chooser = null;
      fallback = answer('The fake OpenAI server had no scripted answer for this request.');
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
