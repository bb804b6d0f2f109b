/**
 * A fake web server on 127.0.0.1 for the feed and page tests: each path answers as a test
 * scripts it (a body with headers, gzip, an ETag the client can revalidate, a status with
 * Retry-After, a redirect, a body streamed past any size cap, a server that never answers),
 * and every request is recorded so tests can assert what the client sent.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface FakeResponse {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Send the body gzip-compressed with Content-Encoding: gzip. */
  readonly gzip?: boolean;
  /** Answer 304 when the request's If-None-Match is this ETag; send it with the body otherwise. */
  readonly etag?: string;
}

/** What a path does: a fixed response, or a function of the request (may write the response itself). */
export type Handler = FakeResponse | ((request: IncomingMessage, response: ServerResponse) => FakeResponse | void);

export interface RecordedWebRequest {
  readonly path: string;
  readonly headers: IncomingMessage['headers'];
}

export interface FakeWebServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly requests: readonly RecordedWebRequest[];
  /** Sets what `path` (with its query) answers; unknown paths get 404. */
  serve(path: string, handler: Handler): void;
  /** Requests for `path` so far. */
  hits(path: string): number;
  close(): Promise<void>;
}

/** Starts the server; `close()` it after the tests. */
export async function startFakeWebServer(): Promise<FakeWebServer> {
  const routes = new Map<string, Handler>();
  const requests: RecordedWebRequest[] = [];
  const sockets = new Set<Socket>();
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({ path, headers: request.headers });
    const handler = routes.get(path);
    if (handler === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const scripted = typeof handler === 'function' ? handler(request, response) : handler;
    if (scripted === undefined) return;
    send(request, response, scripted);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    serve: (path, handler) => void routes.set(path, handler),
    hits: (path) => requests.filter((r) => r.path === path).length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function send(request: IncomingMessage, response: ServerResponse, scripted: FakeResponse): void {
  const headers: Record<string, string> = { ...(scripted.headers ?? {}) };
  if (scripted.etag !== undefined) {
    headers['etag'] = scripted.etag;
    if (request.headers['if-none-match'] === scripted.etag) {
      response.writeHead(304, headers).end();
      return;
    }
  }
  let body = typeof scripted.body === 'string' ? Buffer.from(scripted.body, 'utf8') : (scripted.body ?? Buffer.alloc(0));
  if (scripted.gzip) {
    body = gzipSync(body);
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  response.writeHead(scripted.status ?? 200, headers).end(body);
}

/** Streams `megabytes` of filler with no Content-Length, as a server that never stops might. */
export function endlessBody(megabytes: number, contentType = 'application/rss+xml'): Handler {
  return (_request, response) => {
    response.writeHead(200, { 'content-type': contentType });
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    const write = (): void => {
      while (sent < megabytes * 1024 * 1024) {
        sent += chunk.length;
        if (!response.write(chunk)) {
          response.once('drain', write);
          return;
        }
      }
      response.end();
    };
    response.on('error', () => {});
    write();
  };
}
