/**
 * A fake Discord (gateway + REST API v10) on 127.0.0.1, realistic enough that the real,
 * unmodified discord.js 14 client logs in, caches guilds and channels, receives slash
 * commands, autocomplete and messages, and answers them, while the test records and asserts
 * every REST call. Discord's validation, rate limits and timing rules are enforced so an
 * adapter's mistakes fail in tests, not in production.
 *
 * @example
 * ```ts
 * const fake = await FakeDiscord.start({
 *   guilds: [{ roles: [{ name: 'Editors', permissions: ['ManageChannels'] }],
 *              members: [{ userId: '400000000000000001', roles: ['Editors'] }] }],
 * });
 * const client = new Client({
 *   intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages,
 *             GatewayIntentBits.DirectMessages, GatewayIntentBits.MessageContent],
 *   partials: [Partials.Channel],
 *   rest: { api: fake.apiUrl },          // the gateway URL then comes from GET /gateway/bot
 * });
 * client.on('interactionCreate', async (i) => {
 *   if (!i.isChatInputCommand()) return;
 *   await i.deferReply();
 *   await i.editReply({ embeds: [{ description: 'answer' }] });
 * });
 * await client.login('any-token');       // resolves once READY and every GUILD_CREATE arrived
 * const sent = fake.sendInteraction({ name: 'ask', userId: '400000000000000001', options: { question: 'who?' } });
 * const edit = await fake.waitForRequest('PATCH', `/webhooks/:app/${sent.token}/messages/@original`);
 * expect(fake.interaction(sent.id).ackDelayMs).toBeLessThan(3000);
 * await client.destroy();
 * await fake.stop();
 * ```
 */
import { createServer, type Server } from 'node:http';
import { Outage, type OutageMode } from '../outage.ts';
import type { AddressInfo } from 'node:net';
import { dispatchButton, dispatchInteraction, dispatchUserMessage, echoBotMessage } from './dispatchers.ts';
import { FakeGateway } from './gateway.ts';
import { Recorder } from './recorder.ts';
import { RestServer } from './rest-server.ts';
import { matchTemplate } from './router.ts';
import { commandRoutes } from './routes-commands.ts';
import { coreRoutes, type RestContext } from './routes-core.ts';
import { interactionRoutes } from './routes-interactions.ts';
import { messageRoutes } from './routes-messages.ts';
import { DiscordState, snapshot } from './state.ts';
import type {
  FailureHandle,
  FailureSpec,
  HeldRequest,
  HoldSpec,
  FakeDiscordOptions,
  FakeInteractionRecord,
  FakeMessage,
  GatewayFrameRecord,
  IdentifyRecord,
  JsonObject,
  PrivilegedIntentName,
  RecordedRequest,
  SendInteractionInput,
  ClickButtonInput,
  SendMessageInput,
  SentInteraction,
  SentMessage,
} from './types.ts';

export type * from './types.ts';
export { PERMISSION_FLAGS, type PermissionName } from './permissions.ts';
export { INTENTS } from './gateway.ts';
export { LIMITS } from './message-validation.ts';

const DEFAULT_WAIT_MS = 5_000;
const ALL_PRIVILEGED: readonly PrivilegedIntentName[] = ['GuildMembers', 'GuildPresences', 'MessageContent'];

export class FakeDiscord {
  /** Give this to discord.js as `rest: { api }`: `http://127.0.0.1:PORT/api`. */
  readonly apiUrl: string;
  /** What `GET /gateway/bot` hands out: `ws://127.0.0.1:PORT/gateway`. */
  readonly gatewayUrl: string;
  readonly applicationId: string;
  readonly botUserId: string;
  readonly #state: DiscordState;
  readonly #recorder: Recorder;
  readonly #gateway: FakeGateway;
  readonly #rest: RestServer;
  readonly #server: Server;
  readonly #outage: Outage;

  private constructor(parts: {
    state: DiscordState;
    recorder: Recorder;
    gateway: FakeGateway;
    rest: RestServer;
    server: Server;
    port: number;
    outage: Outage;
  }) {
    this.#outage = parts.outage;
    this.#state = parts.state;
    this.#recorder = parts.recorder;
    this.#gateway = parts.gateway;
    this.#rest = parts.rest;
    this.#server = parts.server;
    this.apiUrl = `http://127.0.0.1:${parts.port}/api`;
    this.gatewayUrl = `ws://127.0.0.1:${parts.port}/gateway`;
    this.applicationId = parts.state.applicationId;
    this.botUserId = parts.state.botUserId;
  }

  /** Builds the world from `options` and listens on an ephemeral port of 127.0.0.1. */
  static async start(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
    const state = new DiscordState(options);
    const recorder = new Recorder();
    let port = 0;
    const privilegedIntents = new Set(options.privilegedIntents ?? ALL_PRIVILEGED);
    const gateway = new FakeGateway(
      state,
      {
        heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
        token: options.token,
        privilegedIntents,
        resumeUrl: () => `ws://127.0.0.1:${port}/gateway-resume`,
      },
      () => recorder.notify(),
    );
    const context: RestContext = {
      state,
      gatewayUrl: () => `ws://127.0.0.1:${port}/gateway`,
      privilegedIntents,
      interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
      interactionTokenTtlMs: options.interactionTokenTtlMs ?? 15 * 60_000,
      onMessage: (message, event) => echoBotMessage(state, gateway, message, event),
    };
    const routes = [...coreRoutes(context), ...messageRoutes(context), ...interactionRoutes(context), ...commandRoutes(context)];
    const rest = new RestServer(routes, recorder, options.token);
    const server = createServer((req, res) => {
      if (!outage.intercept(req, res)) void rest.handle(req, res);
    });
    // A 200 that is an error: an upstream failure passed on with a success status.
    const outage = new Outage(server, { message: 'upstream connect error', code: 0 }, () => gateway.dropAll());
    server.on('upgrade', (req, socket, head) => {
      if (outage.interceptUpgrade(socket)) return;
      if ((req.url ?? '').startsWith('/gateway')) gateway.handleUpgrade(req, socket, head);
      else socket.destroy();
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
    return new FakeDiscord({ state, recorder, gateway, rest, server, port, outage });
  }

  /** Closes every websocket and HTTP connection and the server; pending waits reject. */
  async stop(): Promise<void> {
    await this.#outage.end();
    this.#recorder.cancelAll();
    await this.#gateway.close();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  /**
   * Takes Discord away: gateway connections drop (resumable, as a network failure leaves them),
   * and until `comeBack()` the REST API and the gateway refuse connections (`refuse`), or
   * answer with an HTML error page, truncated JSON, a 200 with an error body, or never answer.
   */
  goAway(mode: OutageMode = 'refuse'): Promise<void> {
    return this.#outage.begin(mode);
  }

  /** Serves again, on the same port, after `goAway`. */
  comeBack(): Promise<void> {
    return this.#outage.end();
  }

  // ── world ────────────────────────────────────────────────────────────────────────────

  /** Ids of the guilds, in the order they were described. */
  get guildIds(): readonly string[] {
    return [...this.#state.guilds.keys()];
  }

  /** The id of the guild channel with this name (first match across guilds). */
  channelId(name: string): string {
    const channel = [...this.#state.channels.values()].find((c) => c.name === name && c.guildId);
    if (!channel) throw new Error(`fake discord: no channel named ${name}`);
    return channel.id;
  }

  /** The id of the role with this name in a guild (the first guild by default). */
  roleId(name: string, guildId = this.guildIds[0]): string {
    const role = [...(this.#state.guilds.get(guildId ?? '')?.roles.values() ?? [])].find((r) => r.name === name);
    if (!role) throw new Error(`fake discord: no role named ${name}`);
    return role.id;
  }

  /** The first text channel of the first guild: where helpers speak when no channel is named. */
  get defaultChannelId(): string {
    return this.#state.defaultChannelId();
  }

  /** The DM channel between the bot and a user (opened now if it was not yet). */
  dmChannelId(userId: string): string {
    return this.#state.dmChannelFor(userId).id;
  }

  /** Makes a channel vanish: every route then answers 404 `{ code: 10003, message: 'Unknown Channel' }`. */
  makeChannelUnknown(channelId: string): void {
    const channel = this.#state.channels.get(channelId);
    if (!channel) throw new Error(`fake discord: no channel ${channelId}`);
    channel.unknown = true;
  }

  /** Registered commands, global by default or of one guild, as `GET` would return them. */
  commands(guildId?: string): readonly JsonObject[] {
    return [...(this.#state.commands.get(guildId ?? 'global')?.values() ?? [])];
  }

  // ── making things happen ─────────────────────────────────────────────────────────────

  /** A user posts a message (MESSAGE_CREATE); see SendMessageInput. Throws before any client identified. */
  sendMessage(input: SendMessageInput): SentMessage {
    const sent = dispatchUserMessage(this.#state, this.#gateway, input);
    this.#recorder.notify();
    return sent;
  }

  /** A user runs a slash command (type 2) or types into an autocompleted option (type 4). */
  sendInteraction(input: SendInteractionInput): SentInteraction {
    return dispatchInteraction(this.#state, this.#gateway, input);
  }

  /** A user clicks a button on a message (type 3, a message component). */
  clickButton(input: ClickButtonInput): SentInteraction {
    return dispatchButton(this.#state, this.#gateway, input);
  }

  /** Tells connected clients to reconnect (op 7); discord.js then RESUMEs on resume_gateway_url. */
  requestReconnect(): void {
    this.#gateway.requestReconnect();
  }

  /** The next `times` requests matching the spec fail (429 with Discord's headers and body, or 5xx). */
  failNext(spec: FailureSpec): FailureHandle {
    return this.#rest.failNext(spec);
  }

  /**
   * The next request matching the spec is held unanswered until `release()` (a post in flight
   * when its sender is killed); released, it is handled as usual, sender gone or not.
   */
  holdNext(spec: HoldSpec): HeldRequest {
    return this.#rest.holdNext(spec);
  }

  // ── what happened ────────────────────────────────────────────────────────────────────

  /** Every REST request so far, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.#recorder.requests;
  }

  /** Requests whose method matches and whose path fits the template (`:x` = one segment) or RegExp. */
  requestsTo(method: string, path: string | RegExp): RecordedRequest[] {
    return this.requests.filter((r) => r.method === method.toUpperCase() && pathFits(path, r.path));
  }

  /**
   * The first request (already made or still to come) that satisfies `predicate`. The
   * predicate is re-checked after every recorded request and gateway session change, so it
   * may also look at fake state (`fake.interaction(id).callbacks`), but not at test variables
   * that change later (use vi.waitFor for those).
   */
  waitFor(predicate: (request: RecordedRequest) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedRequest> {
    return this.#recorder.waitUntil(
      () => this.requests.find(predicate),
      timeoutMs,
      () => this.#recorder.summary(),
    );
  }

  /** The first request to `method path` (template or RegExp), made already or still to come. */
  waitForRequest(method: string, path: string | RegExp, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedRequest> {
    const want = method.toUpperCase();
    return this.waitFor((r) => r.method === want && pathFits(path, r.path), timeoutMs);
  }

  /** The messages of a channel, oldest first, deleted ones left out; users' and the bot's alike. */
  messagesIn(channelId: string): readonly FakeMessage[] {
    return this.#state.messagesIn(channelId);
  }

  /** One message as it stands now, or undefined. */
  message(id: string): FakeMessage | undefined {
    const message = this.#state.messages.get(id);
    return message ? snapshot(message) : undefined;
  }

  /** The first stored message (any channel, current state) that satisfies `predicate`. */
  waitForMessage(predicate: (message: FakeMessage) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<FakeMessage> {
    const find = () =>
      [...this.#state.messages.values()]
        .filter((m) => !m.deleted)
        .map(snapshot)
        .find(predicate);
    return this.#recorder.waitUntil(find, timeoutMs, () => this.#recorder.summary());
  }

  /** What became of an interaction: its callbacks, how fast it was acknowledged, its reply. */
  interaction(id: string): FakeInteractionRecord {
    const record = this.#state.interactions.get(id);
    if (!record) throw new Error(`fake discord: no interaction ${id}`);
    const firstAccepted = record.callbacks.find((c) => c.status < 300);
    return {
      id: record.id,
      token: record.token,
      kind: record.kind,
      name: record.name,
      channelId: record.channelId,
      guildId: record.guildId,
      userId: record.userId,
      dispatchedAt: record.dispatchedAt,
      callbacks: [...record.callbacks],
      ackDelayMs: firstAccepted ? firstAccepted.at - record.dispatchedAt : undefined,
      originalMessageId: record.originalMessageId,
    };
  }

  /** Every IDENTIFY received: token, intents, properties, shard. */
  get identifies(): readonly IdentifyRecord[] {
    return this.#gateway.identifies;
  }

  /** Every RESUME received: session id and the client's last sequence number. */
  get resumes(): readonly { readonly sessionId: string; readonly seq: number; readonly at: number }[] {
    return this.#gateway.resumes;
  }

  /** Every gateway frame, both ways, without payloads. */
  get gatewayFrames(): readonly GatewayFrameRecord[] {
    return this.#gateway.frames;
  }

  /** How many heartbeats (op 1) clients sent; each got an ACK (op 11). */
  get heartbeats(): number {
    return this.#gateway.heartbeats;
  }
}

function pathFits(pattern: string | RegExp, path: string): boolean {
  return typeof pattern === 'string' ? matchTemplate(pattern, path) !== undefined : pattern.test(path);
}
