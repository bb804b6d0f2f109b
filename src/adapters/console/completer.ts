/**
 * Tab completion for the terminal chat, generated from the command definitions: command names
 * as the first word, `--option` names after a command, and, for an option declared with
 * `autocomplete` (speakers, article ids), the values the index holds.
 */
import type { CommandDefinition, OptionSpec } from '../../core/command.ts';

/** The values the index offers for an option: speakers' names or article ids. */
export type CompletionLookup = (kind: NonNullable<OptionSpec['autocomplete']>) => Promise<readonly string[]>;

/** At most this many values are listed at once: a wall of names helps nobody. */
const MAX_SHOWN = 60;

/** readline's asynchronous completer: `[matches, the text they would replace]`. */
export type Completer = (line: string, callback: (error: null, result: [string[], string]) => void) => void;

/**
 * A readline completer over `commands`; `extras` are words offered as a first word too
 * (the chat's own `/quit`). A lookup that fails completes nothing.
 */
export function createCompleter(commands: readonly CommandDefinition[], lookup: CompletionLookup, extras: readonly string[] = []): Completer {
  return (line, callback) => {
    completeLine(line, commands, lookup, extras).then(
      (result) => callback(null, result),
      () => callback(null, [[], line]),
    );
  };
}

/**
 * What Tab offers for `line` (the text before the cursor).
 *
 * @example await completeLine('so', commands, lookup) → [['sources'], 'so']
 * @example await completeLine('quote smi', commands, lookup) → [['Joan Smith'], 'smi']
 * @example await completeLine('quote --art', commands, lookup) → [['--article'], '--art']
 */
export async function completeLine(
  line: string,
  commands: readonly CommandDefinition[],
  lookup: CompletionLookup,
  extras: readonly string[] = [],
): Promise<[string[], string]> {
  const first = /^\s*(\/?)(\S*)$/.exec(line);
  if (first) {
    const [, slash = '', typed = ''] = first;
    const names = [...commands.map((c) => `${slash}${c.name}`), ...extras.filter((e) => e.startsWith(slash) && slash !== '')];
    return [names.filter((name) => name.toLowerCase().startsWith(`${slash}${typed}`.toLowerCase())), `${slash}${typed}`];
  }
  const head = /^\s*\/?(\S+)\s+/.exec(line);
  const word = head?.[1]?.toLowerCase();
  const command = commands.find((c) => c.name.toLowerCase() === word);
  if (!command) return [[], line];
  const partial = /(\S*)$/.exec(line)![1]!;
  if (partial.startsWith('--')) {
    const flags = command.options.filter((o) => !o.rest).map((o) => `--${o.name}`);
    return [flags.filter((flag) => flag.startsWith(partial.toLowerCase())), partial];
  }
  const before = line.slice(0, line.length - partial.length).trimEnd();
  const flag = /(?:^|\s)--([\p{L}\p{N}_-]+)$/u.exec(before)?.[1]?.toLowerCase();
  const flagged = flag === undefined ? undefined : command.options.find((o) => o.name.toLowerCase() === flag && !o.rest);
  if (flagged?.autocomplete) {
    const typed = partial.replace(/^["“']/, '');
    const values = await lookup(flagged.autocomplete);
    return [matching(values, typed).map((value) => (/\s/.test(value) ? `"${value}"` : value)), partial];
  }
  const rest = command.options.find((o) => o.rest);
  const freeText = line.slice(head![0].length);
  if (flag !== undefined || !rest?.autocomplete || /(?:^|\s)--/.test(freeText)) return [[], line];
  return [matching(await lookup(rest.autocomplete), freeText), freeText];
}

/** Values whose whole text or one of whose words starts with `typed`, case aside; all when nothing is typed. */
function matching(values: readonly string[], typed: string): string[] {
  const wanted = typed.toLowerCase();
  const hits = values.filter((value) => {
    const lower = value.toLowerCase();
    return lower.startsWith(wanted) || lower.split(/[\s/_-]+/).some((part) => part.startsWith(wanted));
  });
  return [...new Set(hits)].slice(0, MAX_SHOWN);
}
