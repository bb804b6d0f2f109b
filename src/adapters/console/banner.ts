/**
 * The terminal chat's welcome: what is indexed (articles, outlets, the span of dates) and two
 * or three things to try, taken from the command definitions, so a newcomer's first screen
 * says what the bot knows and how to ask it.
 */
import type { CommandDefinition } from '../../core/command.ts';
import { ASK_COMMAND, HELP_COMMAND } from '../../core/dispatch.ts';
import { coverage, humanDate } from '../../render/dates.ts';
import { terminalLine, wrapText, type Styles } from '../../render/terminal-text.ts';

/** What the banner needs to know about the index. */
export interface IndexFacts {
  readonly articles: number;
  /** Distinct outlets named (articles with no outlet are not counted). */
  readonly outlets: number;
  /** Each article's publication date, null when unknown. */
  readonly dates: readonly (string | null)[];
}

/**
 * Up to `max` examples: an `ask` example typed as a plain question first (that is how most
 * people will ask), then the first example of each other command, in registry order.
 *
 * @example bannerExamples([ask, sources, quote]) → ['Who founded the company?', 'sources', 'quote Smith']
 */
export function bannerExamples(commands: readonly CommandDefinition[], max = 3): string[] {
  const ask = commands.find((c) => c.name === ASK_COMMAND);
  const questions = (ask?.examples ?? []).map((e) => e.replace(new RegExp(`^/?${ASK_COMMAND}\\s+`, 'i'), ''));
  const others = commands
    .filter((c) => c.name !== ASK_COMMAND && c.name !== HELP_COMMAND)
    .map((c) => c.examples[0])
    .filter((e): e is string => e !== undefined);
  const picked = [...questions.slice(0, 1), ...others, ...questions.slice(1)];
  return [...new Set(picked)].slice(0, max);
}

/** "5 articles from 4 outlets, dated 14 January 2014 to 14 July 2020 (1 undated)". */
export function indexLine(facts: IndexFacts): string {
  if (facts.articles === 0) return 'Nothing is indexed yet: add articles with `briefbot ingest PATH`, then start again.';
  const articles = `${facts.articles} article${facts.articles === 1 ? '' : 's'}`;
  const outlets = facts.outlets === 0 ? '' : ` from ${facts.outlets} outlet${facts.outlets === 1 ? '' : 's'}`;
  const { first, last, undated } = coverage(facts.dates);
  const span =
    first === null || last === null ? ', none dated' : first === last ? `, dated ${humanDate(first)}` : `, dated ${humanDate(first)} to ${humanDate(last)}`;
  const rest = first !== null && undated > 0 ? ` (${undated} undated)` : '';
  return `Indexed: ${articles}${outlets}${span}${rest}.`;
}

/** The banner as lines of text ending in a newline. */
export function welcomeBanner(facts: IndexFacts, commands: readonly CommandDefinition[], style: Styles, width: number | undefined): string {
  const examples = bannerExamples(commands).map(terminalLine);
  const keys = [...(commands.some((c) => c.name === HELP_COMMAND) ? ['help lists every command'] : []), 'Tab completes', '↑/↓ recall', 'Ctrl-D leaves'];
  const lines = [
    ...wrapText(`${style.bold('briefbot')} · ask about the story; every answer is cited to outlet, date and article.`, width),
    ...wrapText(indexLine(facts), width),
    ...(examples.length > 0 && facts.articles > 0 ? ['', 'Try:', ...examples.flatMap((e) => wrapText(style.cyan(e), width, { indent: '  ' }))] : []),
    '',
    ...wrapText(style.dim(keys.join(' · ')), width),
  ];
  return `${lines.join('\n')}\n`;
}
