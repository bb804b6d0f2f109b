/**
 * An answer on Discord, one page at a time: its rendered messages, at most `cap` of them, the
 * last with the answer's buttons (👍 / 👎 on the first page, "More" while messages remain) as
 * an action row. Discord allows five buttons to a row and five rows to a message.
 */
import type { Reply } from '../../core/reply.ts';
import { renderDiscord, type DiscordActionRow, type DiscordMessage } from '../../render/discord-embeds.ts';
import { answerButtons, pageOf, type AnswerButton } from '../answer-pages.ts';

/** An action row of buttons (at most five). */
export function actionRow(buttons: readonly AnswerButton[]): DiscordActionRow {
  return { type: 1, components: buttons.slice(0, 5).map((b) => ({ type: 2, style: 2, label: b.label, custom_id: b.action })) };
}

/**
 * Page `page` of an answer as Discord messages: the whole reply when it was not kept, else at
 * most `cap` messages, the last with the buttons.
 * @example discordAnswerPage(reply, 'k3j9x0a2q1', 0, 3) → three messages, the last with 👍, 👎 and "More (2 more messages)"
 */
export function discordAnswerPage(reply: Reply, answer: string | null, page: number, cap: number): DiscordMessage[] {
  const messages = renderDiscord(reply);
  if (answer === null) return messages;
  const shown = pageOf(messages, page, cap);
  const buttons = answerButtons(answer, shown, page);
  if (buttons.length === 0 || shown.messages.length === 0) return [...shown.messages];
  const last = shown.messages[shown.messages.length - 1]!;
  return [...shown.messages.slice(0, -1), { ...last, components: [actionRow(buttons)] }];
}

/** A message's rows with one button taken out (a "More" that has been used); empty rows go too. */
export function withoutButton(rows: readonly DiscordActionRow[], customId: string): DiscordActionRow[] {
  return rows.map((row) => ({ ...row, components: row.components.filter((b) => b.custom_id !== customId) })).filter((row) => row.components.length > 0);
}
