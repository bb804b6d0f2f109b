/**
 * A fake Slack on 127.0.0.1 for end-to-end tests of the real Bolt: the Web API, the
 * response_urls, Socket Mode, and signed requests to the app's receiver. See index.ts
 * for a usage example.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { recordAckMessage } from './ack-message.ts';
import { Outage, type OutageMode } from '../outage.ts';
import { FailureQueue } from './failures.ts';
import { HttpDriver } from './http-driver.ts';
import type { PayloadContext } from './payloads.ts';
import { Recording } from './recording.ts';
import { SocketDriver } from './socket-driver.ts';
import { SocketModeServer } from './socket-mode-server.ts';
import type { FailureSpec, FakeSlackOptions, FakeUser, PostedMessage, RecordedCall } from './types.ts';
import type { Identity } from './web-api-methods.ts';
import { WebApiServer } from './web-api-server.ts';
import { Workspace, type LiveMessage } from './workspace.ts';

const DEFAULT_USERS: readonly FakeUser[] = [{ id: 'U0ALICE', name: 'alice', realName: 'Alice Example', tz: 'Europe/London' }];

export class FakeSlack {
  /** Web API base URL, ending in `/api/`: pass it as Bolt's `clientOptions.slackApiUrl`. */
  readonly apiUrl: string;
  /** `http://127.0.0.1:<port>`. */
  readonly origin: string;
  /** Signed requests and events to the app's HTTP receiver. */
  readonly http: HttpDriver;
  /** Envelopes to the app over Socket Mode. */
  readonly socket: SocketDriver;
  readonly botToken: string;
  readonly appToken: string;
  readonly signingSecret: string;
  readonly identity: Identity;

  private constructor(
    private readonly server: http.Server,
    private readonly socketServer: SocketModeServer,
    private readonly workspace: Workspace,
    private readonly recording: Recording<RecordedCall>,
    private readonly failures: FailureQueue,
    private readonly outage: Outage,
    settings: { origin: string; botToken: string; appToken: string; signingSecret: string; identity: Identity },
  ) {
    this.origin = settings.origin;
    this.apiUrl = `${settings.origin}/api/`;
    this.botToken = settings.botToken;
    this.appToken = settings.appToken;
    this.signingSecret = settings.signingSecret;
    this.identity = settings.identity;
    const ctx: PayloadContext = { workspace, identity: settings.identity, origin: settings.origin };
    this.http = new HttpDriver(ctx, settings.signingSecret);
    this.socket = new SocketDriver(ctx, socketServer);
  }

  /** Starts the fake on 127.0.0.1 at a free port. */
  static async start(options: FakeSlackOptions = {}): Promise<FakeSlack> {
    const identity: Identity = {
      botUserId: options.botUserId ?? 'U0BOT',
      botId: options.botId ?? 'B0BOT',
      botName: 'briefbot',
      teamId: options.teamId ?? 'T0TEAM',
      teamName: options.teamName ?? 'Fake Newsroom',
      appId: options.appId ?? 'A0APP',
    };
    const workspace = new Workspace(options.users ?? DEFAULT_USERS, options.channels ?? [{ id: 'C0GENERAL', name: 'general' }]);
    const recording = new Recording<RecordedCall>((c) => `${c.method}${c.outcome.ok ? '' : `(${c.outcome.error})`}`);
    const failures = new FailureQueue();
    const socketServer = new SocketModeServer({
      appId: identity.appId,
      pingIntervalMs: options.socketPingIntervalMs,
      onAck: (envelope, ack) => {
        if (envelope.type === 'slash_commands') recordAckMessage(workspace, envelope.payload, ack.payload);
      },
    });
    let origin = '';
    const botToken = options.botToken ?? 'xoxb-fake-bot-token';
    const appToken = options.appToken ?? 'xapp-fake-app-token';
    const api = new WebApiServer({
      workspace,
      identity,
      calls: recording,
      failures,
      botToken,
      appToken,
      openSocketUrl: () => socketServer.issueUrl(origin),
    });
    const server = http.createServer((req, res) => {
      if (outage.intercept(req, res)) return;
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const method = /^\/api\/([\w.]+)$/.exec(url.pathname)?.[1];
      const respondId = /^\/respond\/([\w-]+)$/.exec(url.pathname)?.[1];
      const served =
        method !== undefined
          ? api.handleApi(req, res, method, url.search.slice(1))
          : respondId !== undefined && req.method === 'POST'
            ? api.handleRespond(req, res, respondId)
            : undefined;
      if (!served) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not a fake Slack route');
        return;
      }
      served.catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
        res.end(`fake Slack failed: ${String(error)}`);
      });
    });
    // A 200 that is an error: what Slack's edge has answered while its backends were down.
    const outage = new Outage(server, { ok: false, error: 'internal_error' }, () => socketServer.dropAll());
    server.on('upgrade', (req, socket, head: Buffer) => {
      if (outage.interceptUpgrade(socket)) return;
      if (!socketServer.handleUpgrade(req, socket, head)) socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new FakeSlack(server, socketServer, workspace, recording, failures, outage, {
      origin,
      botToken,
      appToken,
      signingSecret: options.signingSecret ?? 'fake-signing-secret',
      identity,
    });
  }

  /**
   * Closes every socket and the server. Stop the Bolt app first: a Socket Mode client
   * that loses its server tries to reconnect.
   */
  async stop(): Promise<void> {
    await this.outage.end();
    this.recording.cancelWaits();
    await this.socketServer.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((error) => (error ? reject(error) : resolve())));
  }

  /** Every Web API and response_url call, in arrival order. */
  get calls(): readonly RecordedCall[] {
    return this.recording.all();
  }

  /** The calls to one method, e.g. `callsTo('chat.postMessage')`. */
  callsTo(method: string): readonly RecordedCall[] {
    return this.recording.all().filter((c) => c.method === method);
  }

  /**
   * Resolves with the first call, already made or still to come, that matches; rejects
   * after `timeoutMs` listing the calls seen. To wait for a call after some point, note
   * `const mark = fake.calls.length` and match `c.seq >= mark`.
   */
  waitFor(predicate: (call: RecordedCall) => boolean, timeoutMs = 2_000): Promise<RecordedCall> {
    return this.recording.waitFor(predicate, timeoutMs, 'a matching Slack call');
  }

  /**
   * What the app sent into a channel, in order: posts, ephemerals, updates, deletes,
   * respond() payloads and ack bodies. Rejected calls leave nothing here.
   */
  messagesIn(channel: string): readonly PostedMessage[] {
    return this.workspace.messagesIn(channel);
  }

  /** Every message the app sent, in all channels. */
  get messages(): readonly PostedMessage[] {
    return this.workspace.allMessages();
  }

  /** The channel as users now see it: non-ephemeral messages after updates and deletes. */
  history(channel: string): readonly LiveMessage[] {
    return this.workspace.history(channel);
  }

  /** The bot's DM channel with a user (made on first use, as `conversations.open` would). */
  dmChannelFor(userId: string): string {
    return this.workspace.dmChannelFor(userId);
  }

  /**
   * Makes the next `times` calls to `method` fail: `{ method: 'chat.postMessage', status:
   * 429, retryAfter: 1 }`, `{ method, status: 503 }`, or `{ method, error:
   * 'channel_not_found' }`. Use `method: 'response_url'` for respond(). Rules queue in order.
   */
  failNext(spec: FailureSpec): void {
    this.failures.add(spec);
  }

  /**
   * Takes Slack away: Socket Mode connections drop, and until `comeBack()` the Web API (and
   * Socket Mode) refuse connections (`refuse`), or answer with an HTML error page, truncated
   * JSON, a 200 with `{ ok: false, error: 'internal_error' }`, or never answer (`silent`).
   */
  goAway(mode: OutageMode = 'refuse'): Promise<void> {
    return this.outage.begin(mode);
  }

  /** Serves again, on the same port, after `goAway`. */
  comeBack(): Promise<void> {
    return this.outage.end();
  }

  /** Injected failures not yet used. */
  pendingFailures(): number {
    return this.failures.remaining();
  }
}
