/**
 * The buttons under briefbot's answers on Discord: 👍 / 👎 (and "Wrong source" after a 👎),
 * stored once per person per answer, and "More", which takes the used button off its message
 * and posts the answer's next page. What a vote comes to (a thank-you, "you already voted",
 * "that answer is no longer kept", "that button is from an older version") is a private
 * reply to whoever clicked.
 */
import { MessageFlags, type ButtonInteraction } from 'discord.js';
import { decodeAction } from '../../core/feedback/answer-actions.ts';
import { handleClick } from '../../core/feedback/feedback.ts';
import type { Services } from '../../core/dispatch.ts';
import type { Logger } from '../../core/logger.ts';
import type { DiscordActionRow } from '../../render/discord-embeds.ts';
import { wrongSourceButton } from '../answer-pages.ts';
import { actionRow, discordAnswerPage, withoutButton } from './answer-buttons.ts';
import { sendable } from './discord-messages.ts';
import { errorFields } from './log-fields.ts';

/** Custom ids of briefbot's answer buttons, this version's or another's (answer-actions.ts). */
export const ANSWER_BUTTON = /^bb\d{1,3}:/;

export interface AnswerButtonDeps {
  readonly services: Services;
  readonly log: Logger;
  readonly messageCap: number;
}

/** The rows of buttons on the message a button was on, as plain JSON. */
function rowsOf(interaction: ButtonInteraction): DiscordActionRow[] {
  return interaction.message.components.map((row) => row.toJSON() as unknown as DiscordActionRow);
}

/** Answers one click on an answer button. Resolves once every message is posted. */
export async function handleAnswerButton(interaction: ButtonInteraction, deps: AnswerButtonDeps): Promise<void> {
  const { store, clock } = deps.services;
  const user = interaction.user?.id ?? null;
  const result = await handleClick(decodeAction(interaction.customId), { platform: 'discord', user }, store.answers, clock).catch((error: unknown) => {
    deps.log.error({ ...errorFields(error), action: interaction.customId.slice(0, 100) }, 'a click on an answer button failed');
    return null;
  });
  if (result === null) {
    await interaction.reply({
      content: 'Sorry, that click could not be recorded; please try again in a moment.',
      flags: MessageFlags.Ephemeral,
      allowedMentions: { parse: [] },
    });
    return;
  }
  if (result.pages) {
    // The used "More" goes first, so a second click finds nothing to click.
    await interaction.update({ components: withoutButton(rowsOf(interaction), interaction.customId) });
    for (const message of discordAnswerPage(result.pages.reply, result.pages.answer, result.pages.page, deps.messageCap)) {
      await interaction.followUp(sendable(message));
    }
  } else {
    const components = result.offerReason && result.answer ? [actionRow([wrongSourceButton(result.answer)])] : [];
    await interaction.reply({ content: result.reply.notice ?? '', flags: MessageFlags.Ephemeral, components, allowedMentions: { parse: [] } });
  }
  deps.log.info({ via: 'button', action: interaction.customId.split(':')[1] ?? '' }, 'answered a button');
}
