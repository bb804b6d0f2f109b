/**
 * A slash command's typed options back in the shape `validateOptions` takes, keyed by the
 * definition's option names. Pure: it reads only names and values.
 */
import type { CommandDefinition } from '../../core/command.ts';
import { discordName } from './command-json.ts';

/** One option as an interaction carries it. */
export interface InteractionOptionValue {
  readonly name: string;
  readonly value?: string | number | boolean;
}

/**
 * Raw values by option name. An option Discord sent that the definition lacks keeps its
 * name (validation then says it is unknown); a list option's text is split at commas.
 *
 * @example rawInteractionOptions(quote, [{ name: 'speaker', value: 'Joan Smith' }, { name: 'limit', value: 3 }])
 *   → { speaker: 'Joan Smith', limit: 3 }
 */
export function rawInteractionOptions(command: CommandDefinition, given: readonly InteractionOptionValue[]): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const option of given) {
    if (option.value === undefined) continue;
    const spec = command.options.find((o) => discordName(o.name) === option.name);
    if (!spec) {
      raw[option.name] = option.value;
      continue;
    }
    raw[spec.name] =
      spec.multiple && typeof option.value === 'string'
        ? option.value
            .split(',')
            .map((item) => item.trim())
            .filter((item) => item !== '')
        : option.value;
  }
  return raw;
}
