/**
 * Drives an app over Socket Mode as Slack would: each method wraps a payload in an
 * envelope, sends it on the app's websocket and resolves once the app acks it.
 */
import { blockActionPayload, directMessagePayload, mentionPayload, slashCommandPayload, type Payload, type PayloadContext } from './payloads.ts';
import type { EnvelopeType, SocketModeServer } from './socket-mode-server.ts';
import type { BlockActionInput, DirectMessageInput, MentionInput, SlashCommandInput, SocketAck } from './types.ts';

/** The payload sent and the client's ack of it. */
export interface SocketDelivery {
  readonly payload: Readonly<Record<string, unknown>>;
  readonly ack: SocketAck;
}

export interface SocketSendOptions {
  /** Reject if the app has not acked within this long. Default 5 000 ms. */
  readonly timeoutMs?: number;
}

export class SocketDriver {
  constructor(
    private readonly ctx: PayloadContext,
    private readonly server: SocketModeServer,
  ) {}

  /** A `slash_commands` envelope; an ack payload with text or blocks is recorded as an `ack` message. */
  slashCommand(input: SlashCommandInput, options?: SocketSendOptions): Promise<SocketDelivery> {
    return this.send('slash_commands', slashCommandPayload(this.ctx, input), options);
  }

  /** An `events_api` envelope holding an `app_mention` callback. */
  mention(input: MentionInput, options?: SocketSendOptions): Promise<SocketDelivery> {
    return this.send('events_api', mentionPayload(this.ctx, input), options);
  }

  /** An `events_api` envelope holding a DM `message` callback. */
  directMessage(input: DirectMessageInput, options?: SocketSendOptions): Promise<SocketDelivery> {
    return this.send('events_api', directMessagePayload(this.ctx, input), options);
  }

  /** An `interactive` envelope holding a `block_actions` payload. */
  blockAction(input: BlockActionInput, options?: SocketSendOptions): Promise<SocketDelivery> {
    return this.send('interactive', blockActionPayload(this.ctx, input), options);
  }

  /** Sends any payload in an envelope of the given type. */
  async send(type: EnvelopeType, payload: Payload, options: SocketSendOptions = {}): Promise<SocketDelivery> {
    const ack = await this.server.send(type, payload, options.timeoutMs ?? 5_000);
    return { payload, ack };
  }

  /**
   * Resolves once the app's `n`th connection (from 1) has been sent `hello`. The client may
   * not have read it yet; an acked envelope proves it is serving (and stopping a client
   * mid-handshake makes @slack/socket-mode raise an unhandled rejection).
   */
  waitForConnection(n = 1, timeoutMs = 5_000): Promise<void> {
    return this.server.waitForConnection(n, timeoutMs);
  }

  /** Sends `{ type: 'disconnect' }` to every client, as Slack does before recycling a server. */
  requestReconnect(reason?: string): void {
    this.server.requestReconnect(reason);
  }

  /** Every ack received, in order. */
  get acks(): readonly SocketAck[] {
    return this.server.acks.all();
  }

  get openConnections(): number {
    return this.server.openConnections;
  }

  get totalConnections(): number {
    return this.server.totalConnections;
  }

  /** Websocket pings the app's client sent (the fake pongs each, as Slack does). */
  get pingsReceived(): number {
    return this.server.pingsReceived;
  }

  /** Pongs the app's client sent back to the fake's own pings (`socketPingIntervalMs`). */
  get pongsReceived(): number {
    return this.server.pongsReceived;
  }
}
