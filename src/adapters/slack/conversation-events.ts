/**
 * Mentions and direct messages. A mention in a channel is answered in its thread (the
 * thread it was typed in, or a new one under it); a direct message is answered in the DM.
 * Both are read as a chat line: a question in plain words, or a command name and its
 * options, in the thread's or DM's conversation, so "why?" follows on from the last answer. Messages from bots (this one included), edits and other subtypes
 * are ignored, and an event Slack delivers twice is answered once.
 */
import type { App } from '@slack/bolt';
import { answerRequest, type AnswerDeps } from './answer-request.ts';
import { ConversationTarget } from './reply-targets.ts';
import { plainSlackText, stripBotMention } from './slack-text.ts';

export interface ConversationDeps extends AnswerDeps {
  /** Runs the answer, tracked so `stop()` can let it finish. */
  readonly track: (work: () => Promise<void>) => void;
}

/** A message the bot should answer as a direct message. */
export interface DirectMessage {
  readonly user: string;
  readonly channel: string;
  readonly text: string;
  /** Set when the user wrote in a thread of the DM. */
  readonly threadTs: string | undefined;
}

/**
 * The direct message in a `message` event, or null when the bot should not answer it: not
 * a DM, a subtype (an edit, a deletion, a join, a file share), or sent by a bot.
 *
 * @example directMessageOf({ type: 'message', channel_type: 'im', channel: 'D1', user: 'U1', text: 'sources', ts: '1.2' }, 'U0BOT')
 *   → { user: 'U1', channel: 'D1', text: 'sources', threadTs: undefined }
 * @example directMessageOf({ …, subtype: 'message_changed' }, 'U0BOT') → null
 */
export function directMessageOf(event: Readonly<Record<string, unknown>>, botUserId: string | undefined): DirectMessage | null {
  if (event.channel_type !== 'im' || event.subtype !== undefined || event.bot_id !== undefined) return null;
  const { user, channel, text } = event;
  if (typeof user !== 'string' || typeof channel !== 'string' || typeof text !== 'string') return null;
  if (user === botUserId) return null;
  const threadTs = typeof event.thread_ts === 'string' ? event.thread_ts : undefined;
  return { user, channel, text: plainSlackText(stripBotMention(text, botUserId)), threadTs };
}

/**
 * The conversation a Slack message belongs to: a thread (a mention's, or a DM's), a direct
 * message, or a person's slash commands in one channel, which have no thread.
 * @example slackConversationKey({ team: 'T1', channel: 'C1', thread: '1700.1' }) === 'slack:T1:C1:1700.1'
 * @example slackConversationKey({ team: 'T1', channel: 'C1', user: 'U1' }) === 'slack:T1:C1:user:U1'
 */
export function slackConversationKey(where: {
  readonly team: string | null;
  readonly channel: string;
  readonly thread?: string | undefined;
  readonly user?: string;
}): string {
  const base = `slack:${where.team ?? '-'}:${where.channel}`;
  if (where.thread !== undefined) return `${base}:${where.thread}`;
  return where.user !== undefined ? `${base}:user:${where.user}` : base;
}

/** Remembers recently seen event ids, so a redelivered event is answered once. */
export class RecentEvents {
  private readonly seen = new Set<string>();

  constructor(private readonly capacity = 1_000) {}

  /** True the first time an id is offered; events with no id always count as new. */
  firstTime(id: unknown): boolean {
    if (typeof id !== 'string') return true;
    if (this.seen.has(id)) return false;
    this.seen.add(id);
    if (this.seen.size > this.capacity) this.seen.delete(this.seen.values().next().value as string);
    return true;
  }
}

/** Listens for `app_mention` and DM `message` events; see the file comment. */
export function registerConversationEvents(app: App, deps: ConversationDeps): void {
  const recent = new RecentEvents();

  app.event('app_mention', async ({ event, body, client, context }) => {
    // A mention inside a DM also arrives as a DM message, which is answered there.
    if (event.channel.startsWith('D') || event.bot_id !== undefined || !event.user) return;
    if (!recent.firstTime(body.event_id)) return;
    const user = event.user;
    const text = plainSlackText(stripBotMention(event.text, context.botUserId));
    const threadTs = event.thread_ts ?? event.ts;
    deps.track(() =>
      answerRequest(
        { kind: 'text', text },
        {
          via: 'mention',
          user,
          channel: event.channel,
          team: body.team_id ?? null,
          conversation: slackConversationKey({ team: body.team_id ?? null, channel: event.channel, thread: threadTs }),
        },
        new ConversationTarget(client, { channel: event.channel, threadTs, user, isDirect: false }, deps.log),
        deps,
      ),
    );
  });

  app.message(async ({ message, body, client, context }) => {
    // Bolt types message events as a union of subtypes; read the fields as the JSON they are.
    const dm = directMessageOf(Object.fromEntries(Object.entries(message)), context.botUserId);
    if (dm === null || !recent.firstTime(body.event_id)) return;
    deps.track(() =>
      answerRequest(
        { kind: 'text', text: dm.text },
        {
          via: 'direct-message',
          user: dm.user,
          channel: dm.channel,
          team: body.team_id ?? null,
          conversation: slackConversationKey({ team: body.team_id ?? null, channel: dm.channel, thread: dm.threadTs }),
        },
        new ConversationTarget(client, { channel: dm.channel, threadTs: dm.threadTs, user: dm.user, isDirect: true }, deps.log),
        deps,
      ),
    );
  });
}
