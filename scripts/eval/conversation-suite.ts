/**
 * Conversations, scored: scripted follow-ups (scripts/eval/conversations/*.json) must be
 * answered by the right command, from the right article and person, read as they should be;
 * and questions that stand alone, asked one after another in one conversation, must get
 * exactly the reply they get alone: the conversation must never colour a new question.
 */
import { readFileSync } from 'node:fs';
import { commands } from '../../commands/index.ts';
import type { Clock } from '../../src/core/clock.ts';
import { converse } from '../../src/core/conversation/converse.ts';
import { contextFor } from '../../src/core/dispatch.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { atLeast, atMost, type Metric } from './metrics.ts';

interface TurnCheck {
  readonly say: string;
  readonly command?: string;
  readonly title?: string;
  /** The reply's note starts with this. */
  readonly notice?: string;
  /** A quotation of the reply is this person's (or its title names them). */
  readonly speaker?: string;
  /** A citation comes from one of these articles. */
  readonly articles?: readonly string[];
  /** The reply's text or a citation contains this. */
  readonly mentions?: string;
  /** The reply is exactly what the message gets outside any conversation. */
  readonly standAlone?: boolean;
}

interface Conversation {
  readonly name: string;
  readonly turns: readonly TurnCheck[];
}

export function loadConversations(file: string): readonly Conversation[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { conversations: Conversation[] }).conversations;
}

const chat = commands.filter((c) => c.surfaces.includes('chat'));

function talker(store: Store) {
  // A clock that moves a minute a message: conversations stay well inside their idle time.
  let now = Date.parse('2026-03-05T09:00:00.000Z');
  const clock: Clock = { now: () => new Date(now) };
  const context = contextFor({ store, clock, log: silentLogger }, { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true });
  return (text: string, key: string | null) => {
    now += 60_000;
    return converse({ kind: 'text', text }, key, chat, context);
  };
}

function textOf(reply: Reply): string {
  return [
    reply.title ?? '',
    reply.notice ?? '',
    ...reply.parts.map((p) => ('text' in p ? p.text : p.kind === 'lines' ? p.lines.join(' ') : '')),
    ...reply.citations.map((c) => c.text),
  ].join(' ');
}

/** What is wrong with a turn's reply, or null when every check holds. */
function problems(check: TurnCheck, result: { reply: Reply; command: string | null }, alone: Reply | null): string | null {
  const { reply } = result;
  const wrong: string[] = [];
  if (check.command && result.command !== check.command) wrong.push(`answered by ${result.command}`);
  if (check.title && reply.title !== check.title) wrong.push(`titled ${JSON.stringify(reply.title ?? null)}`);
  if (check.notice && !(reply.notice ?? '').startsWith(check.notice)) wrong.push(`read as ${JSON.stringify(reply.notice ?? null)}`);
  if (check.speaker) {
    const speakers = reply.parts.flatMap((p) => (p.kind === 'quote' && p.speaker ? [p.speaker] : []));
    if (!speakers.includes(check.speaker) && !(reply.title ?? '').startsWith(check.speaker)) wrong.push(`quoting ${speakers.join(', ') || 'no one'}`);
  }
  if (check.articles && !reply.citations.some((c) => check.articles!.includes(c.article)))
    wrong.push(`citing ${[...new Set(reply.citations.map((c) => c.article))].join(', ') || 'nothing'}`);
  if (check.mentions && !textOf(reply).includes(check.mentions)) wrong.push(`not mentioning ${check.mentions}`);
  if (check.standAlone && JSON.stringify(reply) !== JSON.stringify(alone)) wrong.push('coloured by the conversation');
  return wrong.length > 0 ? wrong.join('; ') : null;
}

export interface ConversationScore {
  readonly metrics: readonly Metric[];
  readonly misses: readonly string[];
}

/**
 * Scores scripted conversations and stand-alone questions on a store.
 * `label` names the corpus in the metrics ("seeds", "BBC").
 */
export async function scoreConversations(
  store: Store,
  label: string,
  conversations: readonly Conversation[],
  questions: readonly string[],
  targets: { readonly followUps: number },
): Promise<ConversationScore> {
  const say = talker(store);
  const misses: string[] = [];
  let right = 0;
  let checked = 0;
  for (const [i, conversation] of conversations.entries()) {
    const key = `eval:${label}:${i}`;
    for (const check of conversation.turns) {
      const result = await say(check.say, key);
      const alone = check.standAlone ? (await say(check.say, null)).reply : null;
      const checks = Object.keys(check).filter((k) => k !== 'say').length;
      if (checks === 0) continue;
      checked += 1;
      const problem = problems(check, result, alone);
      if (problem === null) right += 1;
      else misses.push(`${conversation.name}: “${check.say}” ${problem}`);
    }
  }
  let changed = 0;
  const key = `eval:${label}:stand-alone`;
  for (const question of questions) {
    const inConversation = (await say(question, key)).reply;
    const alone = (await say(question, null)).reply;
    if (JSON.stringify(inConversation) !== JSON.stringify(alone)) {
      changed += 1;
      misses.push(`stand-alone “${question}” was answered differently after the questions before it (${inConversation.notice ?? 'no note'})`);
    }
  }
  return {
    metrics: [
      atLeast(`Follow-up turns right (${label})`, right, checked, Math.ceil(checked * targets.followUps)),
      atMost(`Stand-alone questions coloured (${label})`, changed, questions.length, 0),
    ],
    misses,
  };
}
