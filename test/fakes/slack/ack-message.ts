/**
 * What users see when an app answers a slash command in its ack: Slack shows the HTTP
 * response body (or the Socket Mode ack payload) as a message, ephemeral unless it says
 * `response_type: 'in_channel'`. A bare `ack()` shows nothing.
 */
import type { Workspace } from './workspace.ts';

/** Records the ack body as a channel message if it has anything to show. */
export function recordAckMessage(workspace: Workspace, command: Readonly<Record<string, unknown>>, body: string | Readonly<Record<string, unknown>>): void {
  const channel = typeof command.channel_id === 'string' ? command.channel_id : undefined;
  const user = typeof command.user_id === 'string' ? command.user_id : undefined;
  if (channel === undefined) return;
  const message = typeof body === 'string' ? parseBody(body) : body;
  const text = typeof message.text === 'string' && message.text.length > 0 ? message.text : undefined;
  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0 ? (message.blocks as unknown[]) : undefined;
  if (text === undefined && blocks === undefined) return;
  const ephemeral = message.response_type !== 'in_channel';
  workspace.record({
    via: 'ack',
    channel,
    text,
    blocks,
    ephemeral,
    visibleTo: ephemeral ? user : undefined,
    replaceOriginal: false,
    deleteOriginal: false,
    at: Date.now(),
  });
}

/** A JSON object body as an object, any other text as the message text. */
function parseBody(body: string): Readonly<Record<string, unknown>> {
  if (body.trim().startsWith('{')) {
    try {
      return JSON.parse(body) as Record<string, unknown>;
    } catch {
      // Not JSON after all: Slack shows it as text.
    }
  }
  return { text: body };
}
