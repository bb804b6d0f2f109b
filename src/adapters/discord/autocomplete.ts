/**
 * Autocomplete for slash-command options declared with `autocomplete` (speakers, article
 * ids). Discord drops an answer that takes longer than three seconds, so a failure answers
 * with no choices rather than none at all.
 */
import type { AutocompleteInteraction } from 'discord.js';
import type { CommandDefinition } from '../../core/command.ts';
import type { Logger } from '../../core/logger.ts';
import { discordName } from './command-json.ts';
import { rankChoices, type CandidateSource, type Choice } from './completions.ts';
import { errorFields } from './log-fields.ts';

export interface AutocompleteDeps {
  readonly commands: ReadonlyMap<string, CommandDefinition>;
  readonly candidates: CandidateSource;
  readonly log: Logger;
}

/** Answers one autocomplete interaction with at most 25 choices. */
export async function handleAutocomplete(interaction: AutocompleteInteraction, deps: AutocompleteDeps): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const spec = deps.commands.get(interaction.commandName)?.options.find((o) => discordName(o.name) === focused.name);
  let choices: Choice[] = [];
  if (spec?.autocomplete) {
    try {
      choices = rankChoices(await deps.candidates(spec.autocomplete), String(focused.value ?? ''));
    } catch (error) {
      deps.log.warn({ ...errorFields(error), command: interaction.commandName, option: focused.name }, 'autocomplete lookup failed');
    }
  }
  await interaction.respond(choices);
}
