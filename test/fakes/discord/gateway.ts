/**
 * The fake gateway: HELLO, IDENTIFY → READY then GUILD_CREATE per guild, heartbeats and
 * their ACKs, sequence numbers, RESUME with replay of missed events, RECONNECT on request,
 * and dispatch filtered by the intents each session identified with.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { guildCreateJson, memberJson, userJson } from './payloads.ts';
import type { DiscordState } from './state.ts';
import type { GatewayFrameRecord, IdentifyRecord, Json, JsonObject, PrivilegedIntentName } from './types.ts';

export const INTENTS = {
  Guilds: 1 << 0,
  GuildMembers: 1 << 1,
  GuildPresences: 1 << 8,
  GuildMessages: 1 << 9,
  DirectMessages: 1 << 12,
  MessageContent: 1 << 15,
} as const;

const OP = {
  Dispatch: 0,
  Heartbeat: 1,
  Identify: 2,
  PresenceUpdate: 3,
  VoiceStateUpdate: 4,
  Resume: 6,
  Reconnect: 7,
  RequestGuildMembers: 8,
  InvalidSession: 9,
  Hello: 10,
  HeartbeatAck: 11,
} as const;

interface Frame {
  readonly op: number;
  readonly d: Json;
  readonly s: number | null;
  readonly t: string | null;
}

interface Session {
  readonly id: string;
  readonly token: string;
  readonly intents: number;
  /** [shard id, shard count] from IDENTIFY; [0, 1] when the client did not shard. */
  readonly shard: readonly [number, number];
  seq: number;
  /** Every dispatch of the session, replayed after a RESUME from the client's last seq. */
  readonly sent: Frame[];
  socket: WebSocket | undefined;
}

export interface GatewayOptions {
  readonly heartbeatIntervalMs: number;
  readonly token: string | undefined;
  readonly privilegedIntents: ReadonlySet<PrivilegedIntentName>;
  /** The URL READY gives as resume_gateway_url. */
  readonly resumeUrl: () => string;
}

/** Builds an event's payload for one session, or undefined to leave that session out. */
export type PayloadFor = (intents: number) => JsonObject | undefined;

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  readonly frames: GatewayFrameRecord[] = [];
  readonly resumes: { readonly sessionId: string; readonly seq: number; readonly at: number }[] = [];
  heartbeats = 0;
  readonly #sessions = new Map<string, Session>();
  readonly #server = new WebSocketServer({ noServer: true });

  constructor(
    private readonly state: DiscordState,
    private readonly options: GatewayOptions,
    private readonly onChange: () => void,
  ) {
    this.#server.on('connection', (socket: WebSocket, req: IncomingMessage) => this.#accept(socket, req));
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.#server.handleUpgrade(req, socket, head, (ws) => this.#server.emit('connection', ws, req));
  }

  /** Whether some client has identified (its session may be mid-resume). */
  hasSession(): boolean {
    return this.#sessions.size > 0;
  }

  /**
   * Sends an event to every session `payloadFor` includes; returns how many it reached. As on
   * Discord, an event of a guild goes to the sessions of that guild's shard, any other
   * (a direct message) to shard 0's.
   */
  dispatch(t: string, payloadFor: PayloadFor): number {
    let count = 0;
    for (const session of this.#sessions.values()) {
      const d = payloadFor(session.intents);
      if (d === undefined) continue;
      const guildId = typeof d.guild_id === 'string' ? d.guild_id : undefined;
      if ((guildId ? shardOf(guildId, session.shard[1]) : 0) !== session.shard[0]) continue;
      this.#dispatchTo(session, t, d);
      count += 1;
    }
    return count;
  }

  /** Asks every connected client to reconnect and resume (op 7), as Discord does before maintenance. */
  requestReconnect(): void {
    for (const session of this.#sessions.values()) {
      if (session.socket) this.#send(session.socket, { op: OP.Reconnect, d: null, s: null, t: null });
    }
  }

  /** Closes every socket at once and stops accepting connections. */
  /** Drops every connection at once, as a network failure would: no close frame, sessions stay resumable. */
  dropAll(): void {
    for (const client of this.#server.clients) client.terminate();
  }

  async close(): Promise<void> {
    for (const client of this.#server.clients) client.terminate();
    this.#sessions.clear();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  #accept(socket: WebSocket, req: IncomingMessage): void {
    const query = new URL(req.url ?? '/', 'http://127.0.0.1').searchParams;
    if (query.get('v') !== '10') return void socket.close(4012, 'Invalid API version');
    if ((query.get('encoding') ?? 'json') !== 'json') return void socket.close(4002, 'Decode error');
    if (query.has('compress')) return void socket.close(4000, 'fake discord sends uncompressed frames only');
    let session: Session | undefined;

    socket.on('message', (raw: RawData) => {
      const frame = parseFrame(raw);
      if (!frame) return void socket.close(4002, 'Decode error');
      this.#log('received', frame);
      switch (frame.op) {
        case OP.Heartbeat:
          this.heartbeats += 1;
          this.#send(socket, { op: OP.HeartbeatAck, d: null, s: null, t: null });
          return;
        case OP.Identify:
          if (session) return void socket.close(4005, 'Already authenticated');
          session = this.#identify(socket, asObject(frame.d));
          return;
        case OP.Resume:
          if (session) return void socket.close(4005, 'Already authenticated');
          session = this.#resume(socket, asObject(frame.d));
          return;
        case OP.PresenceUpdate:
        case OP.VoiceStateUpdate:
          if (!session) socket.close(4003, 'Not authenticated');
          return;
        case OP.RequestGuildMembers:
          if (!session) return void socket.close(4003, 'Not authenticated');
          this.#memberChunk(session, asObject(frame.d));
          return;
        default:
          socket.close(4001, 'Unknown opcode');
      }
    });
    // A malformed frame from a client must not crash the test process; ws closes the socket itself.
    socket.on('error', () => undefined);
    socket.on('close', (code: number) => {
      if (!session || session.socket !== socket) return;
      session.socket = undefined;
      // A clean close ends the session for good; anything else leaves it resumable.
      if (code === 1000 || code === 1001) this.#sessions.delete(session.id);
      this.onChange();
    });
    this.#send(socket, { op: OP.Hello, d: { heartbeat_interval: this.options.heartbeatIntervalMs }, s: null, t: null });
  }

  #identify(socket: WebSocket, d: JsonObject): Session | undefined {
    const token = String(d.token ?? '');
    const intents = typeof d.intents === 'number' ? d.intents : -1;
    this.identifies.push({ token, intents, properties: d.properties ?? null, shard: d.shard ?? null, at: Date.now() });
    if (this.options.token !== undefined && token !== this.options.token) {
      socket.close(4004, 'Authentication failed');
      return undefined;
    }
    if (intents < 0) {
      socket.close(4013, 'Invalid intent(s)');
      return undefined;
    }
    for (const name of ['GuildMembers', 'GuildPresences', 'MessageContent'] as const) {
      if (intents & INTENTS[name] && !this.options.privilegedIntents.has(name)) {
        socket.close(4014, 'Disallowed intent(s)');
        return undefined;
      }
    }
    const shard = readShard(d.shard);
    if (!shard) {
      socket.close(4010, 'Invalid shard');
      return undefined;
    }
    const session: Session = { id: this.state.ids.next(), token, intents, shard, seq: 0, sent: [], socket };
    this.#sessions.set(session.id, session);
    const bot = this.state.users.get(this.state.botUserId)!;
    // A shard is told of, and sent, only its own guilds.
    const guilds = [...this.state.guilds.values()].filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
    this.#dispatchTo(session, 'READY', {
      v: 10,
      user_settings: {},
      user: { ...userJson(bot), verified: true, mfa_enabled: false, email: null },
      guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
      session_id: session.id,
      resume_gateway_url: this.options.resumeUrl(),
      session_type: 'normal',
      shard: [...shard],
      application: { id: this.state.applicationId, flags: 0 },
      relationships: [],
      private_channels: [],
      presences: [],
      guild_join_requests: [],
      geo_ordered_rtc_regions: [],
      auth: {},
      _trace: ['["fake-discord-gateway",{"micros":0}]'],
    });
    // Guilds arrive after READY, and only to sessions that asked for the Guilds intent.
    if (intents & INTENTS.Guilds) {
      for (const guild of guilds) this.#dispatchTo(session, 'GUILD_CREATE', guildCreateJson(this.state, guild));
    }
    this.onChange();
    return session;
  }

  #resume(socket: WebSocket, d: JsonObject): Session | undefined {
    const session = this.#sessions.get(String(d.session_id ?? ''));
    const seq = typeof d.seq === 'number' ? d.seq : 0;
    this.resumes.push({ sessionId: String(d.session_id ?? ''), seq, at: Date.now() });
    if (!session || session.token !== d.token) {
      this.#send(socket, { op: OP.InvalidSession, d: false, s: null, t: null });
      return undefined;
    }
    session.socket?.terminate();
    session.socket = socket;
    for (const frame of session.sent) if ((frame.s ?? 0) > seq) this.#send(socket, frame);
    this.#dispatchTo(session, 'RESUMED', {});
    this.onChange();
    return session;
  }

  #memberChunk(session: Session, d: JsonObject): void {
    const guild = this.state.guilds.get(String(d.guild_id ?? ''));
    if (!guild) return;
    const wanted = Array.isArray(d.user_ids) ? d.user_ids.map(String) : typeof d.user_ids === 'string' ? [d.user_ids] : undefined;
    const prefix = typeof d.query === 'string' ? d.query.toLowerCase() : '';
    const members = [...guild.members.values()].filter((m) => {
      if (wanted) return wanted.includes(m.userId);
      return (this.state.users.get(m.userId)?.username ?? '').toLowerCase().startsWith(prefix);
    });
    this.#dispatchTo(session, 'GUILD_MEMBERS_CHUNK', {
      guild_id: guild.id,
      members: members.map((m) => memberJson(this.state, m, true)),
      chunk_index: 0,
      chunk_count: 1,
      ...(d.nonce !== undefined ? { nonce: d.nonce } : {}),
    });
  }

  #dispatchTo(session: Session, t: string, d: JsonObject): void {
    session.seq += 1;
    const frame: Frame = { op: OP.Dispatch, d, s: session.seq, t };
    session.sent.push(frame);
    if (session.socket) this.#send(session.socket, frame);
  }

  #send(socket: WebSocket, frame: Frame): void {
    if (socket.readyState !== socket.OPEN) return;
    this.#log('sent', frame);
    socket.send(JSON.stringify(frame));
  }

  #log(direction: 'sent' | 'received', frame: Frame): void {
    this.frames.push({ direction, op: frame.op, t: frame.t ?? null, s: frame.s ?? null, at: Date.now() });
  }
}

/** Discord's rule: a guild's events go to shard (guild_id >> 22) % shard count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** IDENTIFY's `shard`, [id, count] with 0 <= id < count; absent is [0, 1]; anything else undefined. */
function readShard(value: Json | undefined): readonly [number, number] | undefined {
  if (value === undefined || value === null) return [0, 1];
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [id, count] = value;
  if (typeof id !== 'number' || typeof count !== 'number' || !Number.isInteger(id) || !Number.isInteger(count)) return undefined;
  return count >= 1 && id >= 0 && id < count ? [id, count] : undefined;
}

function parseFrame(raw: RawData): Frame | undefined {
  try {
    const value = JSON.parse(Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw)) as Partial<Frame>;
    return typeof value.op === 'number' ? { op: value.op, d: value.d ?? null, s: value.s ?? null, t: value.t ?? null } : undefined;
  } catch {
    return undefined;
  }
}

function asObject(value: Json): JsonObject {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as JsonObject) : {};
}
