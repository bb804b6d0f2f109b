/**
 * Creating and editing stored messages from request bodies, with Discord's validation, so
 * the channel routes and the interaction routes store messages the same way.
 */
import { invalidFormBody } from './errors.ts';
import { computePings, readAllowedMentions } from './mentions.ts';
import { validateMessageBody } from './message-validation.ts';
import type { ChannelRecord, DiscordState, MessageRecord } from './state.ts';
import type { FileRecord, Json, JsonObject, MessageSource } from './types.ts';

const LOADING = 128;

export interface NewMessage {
  readonly channel: ChannelRecord;
  readonly authorId: string;
  readonly body: JsonObject;
  readonly files: readonly FileRecord[];
  readonly source: MessageSource;
  readonly interactionId?: string;
  /** Skip validation: the deferred "thinking…" placeholder is empty by design. */
  readonly placeholder?: boolean;
}

/** Validates `body` and stores it as a new message in the channel; throws Discord's 400s. */
export function createMessage(state: DiscordState, input: NewMessage): MessageRecord {
  const { channel, body } = input;
  if (!input.placeholder) validateMessageBody(body, input.files.length > 0);
  const reference = resolveReference(state, channel, body.message_reference);
  const allowedMentions = readAllowedMentions(body.allowed_mentions);
  const content = typeof body.content === 'string' ? body.content : '';
  const interaction = input.source === 'interaction-response' || input.source === 'interaction-followup';
  const message: MessageRecord = {
    id: state.ids.next(),
    channelId: channel.id,
    guildId: channel.guildId,
    authorId: input.authorId,
    content,
    embeds: objects(body.embeds),
    components: objects(body.components),
    attachments: [...input.files],
    flags: (typeof body.flags === 'number' ? body.flags : 0) | (input.placeholder ? LOADING : 0),
    type: interaction ? 20 : reference ? 19 : 0,
    allowedMentions,
    messageReference: reference,
    pings: computePings(content, allowedMentions, reference !== undefined),
    source: input.source,
    interactionId: input.interactionId,
    webhookId: interaction ? state.applicationId : undefined,
    createdAt: Date.now(),
    editedAt: undefined,
    edits: 0,
    deleted: false,
    nonce: typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : undefined,
  };
  state.messages.set(message.id, message);
  channel.lastMessageId = message.id;
  return message;
}

/**
 * Applies an edit: fields present in `body` replace the stored ones, the result is validated
 * as a whole, and allowed_mentions is what this edit sent (absent means Discord parses all).
 */
export function editMessage(_state: DiscordState, message: MessageRecord, body: JsonObject, files: readonly FileRecord[]): void {
  const merged: Record<string, Json> = {
    content: 'content' in body ? (body.content ?? '') : message.content,
    embeds: 'embeds' in body ? (body.embeds ?? []) : [...message.embeds],
    components: 'components' in body ? (body.components ?? []) : [...message.components],
  };
  if (body.allowed_mentions !== undefined) merged.allowed_mentions = body.allowed_mentions;
  const keptAttachments = 'attachments' in body ? keptFiles(message, body.attachments) : message.attachments;
  const attachments = [...keptAttachments, ...files];
  validateMessageBody(merged, attachments.length > 0);

  message.content = typeof merged.content === 'string' ? merged.content : '';
  message.embeds = objects(merged.embeds);
  message.components = objects(merged.components);
  message.attachments = attachments;
  message.allowedMentions = readAllowedMentions(body.allowed_mentions);
  message.pings = computePings(message.content, message.allowedMentions, message.messageReference !== undefined);
  if (typeof body.flags === 'number') message.flags = (message.flags & ~4) | (body.flags & 4);
  message.flags &= ~LOADING;
  message.editedAt = Date.now();
  message.edits += 1;
}

/** A reply's message_reference, checked against stored messages as Discord does. */
function resolveReference(state: DiscordState, channel: ChannelRecord, value: Json | undefined): JsonObject | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const reference = value as JsonObject;
  const target = state.messages.get(String(reference.message_id));
  const sameChannel = target && !target.deleted && target.channelId === String(reference.channel_id ?? channel.id);
  if (sameChannel && target.channelId === channel.id) {
    return { message_id: target.id, channel_id: channel.id, ...(channel.guildId ? { guild_id: channel.guildId } : {}) };
  }
  if (reference.fail_if_not_exists === false) return undefined;
  throw invalidFormBody([{ path: ['message_reference'], code: 'MESSAGE_REFERENCE_UNKNOWN_MESSAGE', message: 'Unknown message' }]);
}

/** Attachments an edit keeps: those whose ids (as payloads.ts numbers them) it lists again. */
function keptFiles(message: MessageRecord, listed: Json | undefined): FileRecord[] {
  if (!Array.isArray(listed)) return [];
  const ids = new Set(listed.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? String((a as JsonObject).id) : '')));
  return message.attachments.filter((_file, index) => ids.has(attachmentId(message.id, index)));
}

/** The id an attachment gets on the wire: the message id followed by its position. */
export function attachmentId(messageId: string, index: number): string {
  return `${messageId}${index}`;
}

function objects(value: Json | undefined): JsonObject[] {
  if (!Array.isArray(value)) return [];
  return value.filter((v): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v));
}
