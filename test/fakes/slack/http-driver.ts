/**
 * Drives an app over HTTP as Slack would: each method builds a payload, signs it and
 * POSTs it to the app's Request URL (Bolt's receiver), then resolves with the HTTP
 * answer and how long it took (`ackMs`, Slack's three-second clock).
 */
import { recordAckMessage } from './ack-message.ts';
import {
  blockActionPayload,
  directMessagePayload,
  mentionPayload,
  slashCommandPayload,
  urlVerificationPayload,
  type Payload,
  type PayloadContext,
} from './payloads.ts';
import { deliver, type Encoding } from './signed-delivery.ts';
import type { BlockActionInput, DeliveryOptions, DeliveryResult, DirectMessageInput, MentionInput, SlashCommandInput } from './types.ts';

export class HttpDriver {
  private requestUrl: string | undefined;

  constructor(
    private readonly ctx: PayloadContext,
    private readonly signingSecret: string,
  ) {}

  /** Where Slack sends requests: Bolt's receiver, e.g. `http://127.0.0.1:<port>/slack/events`. */
  setRequestUrl(url: string): void {
    this.requestUrl = url;
  }

  /**
   * Runs a slash command. A 200 with a body (Bolt's `ack('text')` or `ack({ text })`) is
   * recorded as an `ack` message in the channel, as Slack would show it.
   */
  async slashCommand(input: SlashCommandInput, options?: DeliveryOptions): Promise<DeliveryResult> {
    const payload = slashCommandPayload(this.ctx, input);
    const result = await this.send(payload, 'form-fields', options);
    if (result.status === 200 && result.body.length > 0) recordAckMessage(this.ctx.workspace, payload, result.body);
    return result;
  }

  /** Mentions the bot in a channel (`app_mention` event callback). */
  mention(input: MentionInput, options?: DeliveryOptions): Promise<DeliveryResult> {
    return this.send(mentionPayload(this.ctx, input), 'json', options);
  }

  /** Sends the bot a direct message (`message` event with `channel_type: 'im'`). */
  directMessage(input: DirectMessageInput, options?: DeliveryOptions): Promise<DeliveryResult> {
    return this.send(directMessagePayload(this.ctx, input), 'json', options);
  }

  /** The Request URL handshake; a correct app answers 200 with `{ challenge }`. */
  urlVerification(challenge = 'fake-challenge-3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P', options?: DeliveryOptions): Promise<DeliveryResult> {
    return this.send(urlVerificationPayload(challenge), 'json', options);
  }

  /** Clicks a button (`block_actions`), sent as a form field `payload` holding JSON. */
  blockAction(input: BlockActionInput, options?: DeliveryOptions): Promise<DeliveryResult> {
    return this.send(blockActionPayload(this.ctx, input), 'form-payload', options);
  }

  /** Sends any payload, for shapes the helpers above do not build. */
  async send(payload: Payload, encoding: Encoding, options?: DeliveryOptions): Promise<DeliveryResult> {
    if (this.requestUrl === undefined) {
      throw new Error('FakeSlack: call fake.http.setRequestUrl(url) with the receiver URL first');
    }
    return deliver(this.requestUrl, payload, encoding, this.signingSecret, options);
  }
}
