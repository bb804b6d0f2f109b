/**
 * Every command, declared once. Each surface (CLI, terminal chat, Slack, Discord) offers the
 * commands whose `surfaces` include it, and generates its help from these definitions.
 */
import type { CommandDefinition, Surface } from '../src/core/command.ts';
import { add } from './add.ts';
import { ask } from './ask.ts';
import { brief } from './brief.ts';
import { compare } from './compare.ts';
import { digest } from './digest.ts';
import { feeds } from './feeds.ts';
import { helpCommand } from './help.ts';
import { ingest } from './ingest.ts';
import { quote } from './quote.ts';
import { quotes } from './quotes.ts';
import { remove } from './remove.ts';
import { show } from './show.ts';
import { sources } from './sources.ts';
import { timeline } from './timeline.ts';
import { who } from './who.ts';

export const commands: readonly CommandDefinition[] = [
  ask,
  brief,
  quote,
  sources,
  timeline,
  who,
  compare,
  digest,
  add,
  feeds,
  remove,
  ingest,
  quotes,
  show,
  helpCommand(() => commands),
];

/** The commands offered on one surface. */
export function commandsFor(surface: Surface): readonly CommandDefinition[] {
  return commands.filter((command) => command.surfaces.includes(surface));
}
