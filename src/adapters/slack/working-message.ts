/**
 * The message shown while a slow command works: a plain "Working on it…", or the partial
 * reply the command has so far (its first Slack message) with a note that more is coming.
 */
import type { Reply } from '../../core/reply.ts';
import { renderSlack, SLACK_LIMITS, type SlackMessage } from '../../render/slack-blocks.ts';

export const WORKING_TEXT = 'Working on it…';
const STILL_WORKING = 'Still working…';

/**
 * The "working…" message, or a partial reply in one message within Slack's limits.
 *
 * @example workingMessage(null) → { text: 'Working on it…', blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '_Working on it…_', … }] }] }
 */
export function workingMessage(partial: Reply | null): SlackMessage {
  if (partial === null) return { text: WORKING_TEXT, blocks: [note(WORKING_TEXT)] };
  const first = renderSlack(partial)[0];
  if (!first) return workingMessage(null);
  // One block is kept free for the note, so a full first message still fits.
  const blocks = first.blocks.slice(0, SLACK_LIMITS.blocksPerMessage - 1);
  return { text: first.text, blocks: [...blocks, note(STILL_WORKING)] };
}

function note(text: string): SlackMessage['blocks'][number] {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `_${text}_`, verbatim: true }] };
}
