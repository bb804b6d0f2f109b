/**
 * Slack's Socket Mode side: the websocket a client reaches through the URL that
 * `apps.connections.open` hands out. It greets each connection with `hello`, sends
 * envelopes, and records the client's acks and how long each took.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer, type RawData } from 'ws';
import { Recording } from './recording.ts';
import type { SocketAck } from './types.ts';

export type EnvelopeType = 'slash_commands' | 'events_api' | 'interactive';

export interface Envelope {
  readonly envelopeId: string;
  readonly type: EnvelopeType;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly sentAt: number;
}

export interface SocketModeServerOptions {
  readonly appId: string;
  readonly pingIntervalMs?: number;
  /** Called once per ack, before the sender's promise resolves. */
  readonly onAck?: (envelope: Envelope, ack: SocketAck) => void;
}

interface Pending {
  readonly envelope: Envelope;
  readonly ws: WebSocket;
  readonly started: number;
  readonly resolve: (ack: SocketAck) => void;
  readonly reject: (error: Error) => void;
  readonly timer: NodeJS.Timeout;
}

const PATH = '/socket-mode';

export class SocketModeServer {
  readonly acks = new Recording<SocketAck>((a) => `${a.type}:${a.envelopeId}`);
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly tickets = new Set<string>();
  private readonly sockets = new Set<WebSocket>();
  private readonly pending = new Map<string, Pending>();
  private readonly connected = new Recording<number>((n) => `connection ${n}`);
  private pings = 0;
  private pongs = 0;

  constructor(private readonly options: SocketModeServerOptions) {}

  /** A one-use websocket URL, as `apps.connections.open` returns. */
  issueUrl(origin: string): string {
    const ticket = randomUUID();
    this.tickets.add(ticket);
    return `${origin.replace(/^http/, 'ws')}${PATH}?ticket=${ticket}`;
  }

  /** Takes an HTTP upgrade if it is for this server; returns false to let others answer. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== PATH) return false;
    const ticket = url.searchParams.get('ticket') ?? '';
    if (!this.tickets.delete(ticket)) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nconnection: close\r\ncontent-length: 0\r\n\r\n');
      return true;
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.accept(ws));
    return true;
  }

  /** Connections open now. */
  get openConnections(): number {
    return this.sockets.size;
  }

  /** Connections ever accepted (a reconnect counts again). */
  get totalConnections(): number {
    return this.connected.length;
  }

  /** Websocket pings received from clients (the ws library answers each with a pong). */
  get pingsReceived(): number {
    return this.pings;
  }

  /** Pongs received from clients, answering the pings sent every `socketPingIntervalMs`. */
  get pongsReceived(): number {
    return this.pongs;
  }

  /**
   * Resolves once the `n`th connection (counting from 1) has been sent `hello`. The client
   * may not have read it yet: await an envelope's ack to know it is serving.
   */
  async waitForConnection(n: number, timeoutMs: number): Promise<void> {
    await this.connected.waitFor((count) => count >= n, timeoutMs, `socket connection #${n}`);
  }

  /**
   * Sends an envelope on the newest open connection and resolves with the client's ack;
   * rejects if no ack comes within `timeoutMs` or the connection closes first.
   */
  send(type: EnvelopeType, payload: Readonly<Record<string, unknown>>, timeoutMs: number): Promise<SocketAck> {
    const ws = [...this.sockets].at(-1);
    if (!ws) return Promise.reject(new Error('no Socket Mode client is connected to the fake'));
    const envelope: Envelope = { envelopeId: randomUUID(), type, payload, sentAt: Date.now() };
    const message = {
      envelope_id: envelope.envelopeId,
      payload,
      type,
      accepts_response_payload: type !== 'events_api',
      ...(type === 'events_api' ? { retry_attempt: 0, retry_reason: '' } : {}),
    };
    return new Promise<SocketAck>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(envelope.envelopeId);
        reject(new Error(`Socket Mode client did not ack ${type} envelope within ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(envelope.envelopeId, { envelope, ws, started: performance.now(), resolve, reject, timer });
      ws.send(JSON.stringify(message));
    });
  }

  /** Asks every client to reconnect, as Slack does when it recycles a server (`type: 'disconnect'`). */
  requestReconnect(reason = 'refresh_requested'): void {
    for (const ws of this.sockets) ws.send(JSON.stringify({ type: 'disconnect', reason, debug_info: { host: 'fake-slack' } }));
  }

  /** Drops every connection at once, as a network failure would (no close frame). */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }

  /** Drops every connection and fails every envelope still waiting for an ack. */
  async close(): Promise<void> {
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('the fake Slack stopped before the envelope was acked'));
    }
    this.pending.clear();
    this.acks.cancelWaits();
    this.connected.cancelWaits();
    for (const ws of this.sockets) ws.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.add(ws);
    const pinger = this.options.pingIntervalMs === undefined ? undefined : setInterval(() => ws.ping('fake-slack'), this.options.pingIntervalMs);
    ws.on('ping', () => {
      this.pings += 1;
    });
    ws.on('pong', () => {
      this.pongs += 1;
    });
    ws.on('message', (data: RawData) => this.onMessage(data));
    ws.on('close', () => {
      clearInterval(pinger);
      this.sockets.delete(ws);
      this.failPendingOn(ws);
    });
    ws.on('error', () => ws.terminate());
    ws.send(
      JSON.stringify({
        type: 'hello',
        num_connections: this.sockets.size,
        debug_info: { host: 'fake-slack', build_number: 1, approximate_connection_time: 18_060 },
        connection_info: { app_id: this.options.appId },
      }),
    );
    this.connected.push(this.connected.length + 1);
  }

  private failPendingOn(ws: WebSocket): void {
    for (const [id, p] of this.pending) {
      if (p.ws !== ws) continue;
      clearTimeout(p.timer);
      this.pending.delete(id);
      p.reject(new Error(`the Socket Mode connection closed before the ${p.envelope.type} envelope was acked`));
    }
  }

  private onMessage(data: RawData): void {
    let message: { envelope_id?: unknown; payload?: unknown };
    try {
      message = JSON.parse(String(data)) as typeof message;
    } catch {
      return;
    }
    if (typeof message.envelope_id !== 'string') return;
    const pending = this.pending.get(message.envelope_id);
    if (!pending) return;
    this.pending.delete(message.envelope_id);
    clearTimeout(pending.timer);
    const payload = typeof message.payload === 'object' && message.payload !== null ? (message.payload as Record<string, unknown>) : {};
    const ack: SocketAck = {
      envelopeId: pending.envelope.envelopeId,
      type: pending.envelope.type,
      payload,
      ackMs: performance.now() - pending.started,
      at: Date.now(),
    };
    this.acks.push(ack);
    this.options.onAck?.(pending.envelope, ack);
    pending.resolve(ack);
  }
}
