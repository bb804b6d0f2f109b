/**
 * What an answer becomes on Slack and Discord once rendered: at most `cap` messages at a
 * time (a long reply would otherwise become dozens), the rest behind a "more" button that
 * pages through them; and, under every answer with content, 👍 / 👎 buttons. The answer is
 * kept in the store (feedback.ts) so a button works on any replica and after a restart.
 * Platform-neutral: each adapter turns `AnswerButtons` into its own components.
 */
import type { Clock } from '../core/clock.ts';
import { encodeAction } from '../core/feedback/answer-actions.ts';
import { rememberAnswer } from '../core/feedback/feedback.ts';
import type { Logger } from '../core/logger.ts';
import type { Reply } from '../core/reply.ts';
import type { Store } from '../core/ports/store.ts';

/** How many messages one reply becomes before "more": the default on Slack and on Discord. */
export const DEFAULT_MESSAGE_CAP = 3;

/** One page of an answer's messages. */
export interface Page<M> {
  readonly messages: readonly M[];
  /** The page after this one, or null when this is the last. */
  readonly next: number | null;
  /** Messages on later pages. */
  readonly remaining: number;
}

/**
 * The messages of page `page` (0-based) at `cap` per page.
 * @example pageOf(['a', 'b', 'c', 'd'], 0, 3) → { messages: ['a', 'b', 'c'], next: 1, remaining: 1 }
 */
export function pageOf<M>(messages: readonly M[], page: number, cap: number): Page<M> {
  const size = Math.max(1, Math.floor(cap));
  const from = Math.max(0, page) * size;
  const shown = messages.slice(from, from + size);
  const remaining = Math.max(0, messages.length - from - shown.length);
  return { messages: shown, next: remaining > 0 ? page + 1 : null, remaining };
}

/** A button under an answer, as every platform shows it. */
export interface AnswerButton {
  readonly label: string;
  /** The payload (answer-actions.ts); Slack's action_id, Discord's custom_id. */
  readonly action: string;
}

/**
 * The buttons under one page of an answer: 👍 and 👎 under its first page, and "More" when
 * messages remain.
 * @example answerButtons('k3j9x0a2q1', { next: 1, remaining: 4 }, 0) → [👍, 👎, 'More (4 more messages)']
 */
export function answerButtons(answer: string, page: Pick<Page<unknown>, 'next' | 'remaining'>, index: number): AnswerButton[] {
  const buttons: AnswerButton[] = [];
  if (index === 0) {
    buttons.push({ label: '👍', action: encodeAction({ kind: 'vote', vote: 'up', answer }) });
    buttons.push({ label: '👎', action: encodeAction({ kind: 'vote', vote: 'down', answer }) });
  }
  if (page.next !== null) {
    buttons.push({
      label: `More (${page.remaining} more message${page.remaining === 1 ? '' : 's'})`,
      action: encodeAction({ kind: 'more', answer, page: page.next }),
    });
  }
  return buttons;
}

/** The button a 👎 is followed by. */
export function wrongSourceButton(answer: string): AnswerButton {
  return { label: 'Wrong source', action: encodeAction({ kind: 'reason', reason: 'wrong-source', answer }) };
}

/** Whether an answer gets buttons: it says something, to everyone (a private note does not). */
export function wantsButtons(reply: Reply): boolean {
  return reply.ephemeral !== true && (reply.parts.length > 0 || reply.citations.length > 0);
}

export interface KeepDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * Keeps an answer for its buttons; null when it gets none, or when the store cannot keep it
 * (the answer is then posted whole, without buttons, and the failure logged).
 */
export async function keepAnswer(
  deps: KeepDeps,
  facts: {
    readonly platform: string;
    readonly conversation: string | null;
    readonly command: string | null;
    readonly question: string | null;
    readonly reply: Reply;
  },
): Promise<string | null> {
  if (!wantsButtons(facts.reply)) return null;
  try {
    return await rememberAnswer(deps.store.answers, deps.clock, { ...facts, command: facts.command ?? 'ask' });
  } catch (error) {
    deps.log.error({ err: error }, 'could not keep the answer for its buttons; posting it without them');
    return null;
  }
}
