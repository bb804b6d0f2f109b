/**
 * A fake platform going away and coming back, the ways real ones do: the port refusing
 * connections, a proxy's HTML error page, JSON cut off mid-way, a 200 whose body is an error,
 * or a server that accepts the connection and never answers. Every websocket is dropped when
 * the outage begins, and new ones are refused until it ends.
 *
 *   const outage = new Outage(server, { ok: false, error: 'internal_error' });
 *   await outage.begin('html');     // every request gets a 502 HTML page
 *   … the bot reconnects with backoff …
 *   await outage.end();             // served again, on the same port
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';

export type OutageMode = 'refuse' | 'html' | 'truncated-json' | 'error-body' | 'silent';

export const OUTAGE_MODES: readonly OutageMode[] = ['refuse', 'html', 'truncated-json', 'error-body', 'silent'];

export class Outage {
  #mode: OutageMode | null = null;
  #held = new Set<ServerResponse>();
  #heldSockets = new Set<Duplex>();
  #port = 0;

  /**
   * @param server the fake's HTTP server, already listening on 127.0.0.1
   * @param errorBody what the platform says in a 200 that is an error
   * @param dropSockets closes every open websocket (the gateway, Socket Mode)
   */
  constructor(
    private readonly server: Server,
    private readonly errorBody: object,
    private readonly dropSockets: () => void,
  ) {}

  get mode(): OutageMode | null {
    return this.#mode;
  }

  /** Starts the outage: sockets drop, and every request from now on is answered as `mode` says. */
  async begin(mode: OutageMode): Promise<void> {
    if (this.#mode !== null) throw new Error(`the fake is already away (${this.#mode})`);
    this.#mode = mode;
    this.#port = (this.server.address() as AddressInfo).port;
    this.dropSockets();
    if (mode === 'refuse') {
      await new Promise<void>((resolve) => {
        this.server.close(() => resolve());
        this.server.closeAllConnections();
      });
    }
  }

  /** Ends the outage: the same port serves again; requests left hanging are cut. */
  async end(): Promise<void> {
    const mode = this.#mode;
    if (mode === null) return;
    for (const res of this.#held) res.destroy();
    this.#held.clear();
    for (const socket of this.#heldSockets) socket.destroy();
    this.#heldSockets.clear();
    if (mode === 'refuse') {
      await new Promise<void>((resolve, reject) => {
        this.server.once('error', reject);
        this.server.listen(this.#port, '127.0.0.1', () => {
          this.server.off('error', reject);
          resolve();
        });
      });
    }
    this.#mode = null;
  }

  /** Answers a request as the outage would; false when the fake is up and should serve it. */
  intercept(_req: IncomingMessage, res: ServerResponse): boolean {
    switch (this.#mode) {
      case null:
      case 'refuse':
        return false;
      case 'html':
        res
          .writeHead(502, { 'content-type': 'text/html' })
          .end('<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>');
        return true;
      case 'truncated-json':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"ok":true,"url":"ws://127.0.0.1:1/so');
        return true;
      case 'error-body':
        res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify(this.errorBody));
        return true;
      case 'silent':
        this.#held.add(res);
        res.on('close', () => this.#held.delete(res));
        return true;
    }
  }

  /** Refuses a websocket upgrade while away; false when the fake is up. */
  interceptUpgrade(socket: Duplex): boolean {
    if (this.#mode === null) return false;
    if (this.#mode === 'silent') {
      this.#heldSockets.add(socket);
      return true;
    }
    socket.end('HTTP/1.1 503 Service Unavailable\r\ncontent-type: text/html\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
    return true;
  }
}
