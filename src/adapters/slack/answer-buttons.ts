/**
 * An answer on Slack, one page at a time: its rendered messages, at most `cap` of them, the
 * last with the answer's buttons (👍 / 👎 on the first page, "More" while messages remain) as
 * an actions block. A private note (a 👎's "was a source wrong?") may carry a button too.
 */
import { answerButtons, pageOf, type AnswerButton } from '../answer-pages.ts';
import { renderSlack, SLACK_LIMITS, type SlackBlock, type SlackMessage } from '../../render/slack-blocks.ts';
import type { Reply } from '../../core/reply.ts';

/** The actions block of some buttons. */
export function actionsBlock(buttons: readonly AnswerButton[]): SlackBlock {
  return {
    type: 'actions',
    elements: buttons.map((button) => ({ type: 'button', text: { type: 'plain_text', text: button.label, emoji: false }, action_id: button.action })),
  };
}

/** The messages with an actions block under the last (in a message of its own when the last is full). */
export function withButtons(messages: readonly SlackMessage[], buttons: readonly AnswerButton[]): SlackMessage[] {
  if (buttons.length === 0 || messages.length === 0) return [...messages];
  const last = messages[messages.length - 1]!;
  const head = messages.slice(0, -1);
  if (last.blocks.length < SLACK_LIMITS.blocksPerMessage) return [...head, { text: last.text, blocks: [...last.blocks, actionsBlock(buttons)] }];
  return [...messages, { text: buttons.map((b) => b.label).join(' · '), blocks: [actionsBlock(buttons)] }];
}

/**
 * Page `page` of an answer as Slack messages: the whole reply when it was not kept (no
 * buttons can work without it), else at most `cap` messages and the buttons under them.
 * @example slackAnswerPage(reply, 'k3j9x0a2q1', 0, 3) → three messages, the last with 👍, 👎 and "More (5 more messages)"
 */
export function slackAnswerPage(reply: Reply, answer: string | null, page: number, cap: number): SlackMessage[] {
  const messages = renderSlack(reply);
  if (answer === null) return messages;
  const shown = pageOf(messages, page, cap);
  return withButtons(shown.messages, answerButtons(answer, shown, page));
}

/** The blocks of a message with one button taken out (a "More" that has been used); empty actions blocks go too. */
export function withoutAction(blocks: readonly unknown[], actionId: string): unknown[] {
  return blocks.flatMap((block) => {
    const b = block as { type?: string; elements?: readonly { action_id?: string }[] };
    if (b.type !== 'actions' || !Array.isArray(b.elements)) return [block];
    const elements = b.elements.filter((e) => e.action_id !== actionId);
    return elements.length === 0 ? [] : [{ ...b, elements }];
  });
}
