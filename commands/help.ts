/**
 * `help [COMMAND]`: every command offered where it is asked, with its description, usage and
 * an example, or one command with all its options and examples. Generated from the command
 * definitions, so it cannot drift from what the parsers accept. The registry is passed in as
 * a function (it includes this command, so importing it here would be a cycle).
 */
import type { CommandDefinition, Invoker, Surface } from '../src/core/command.ts';
import { closeMatches } from '../src/core/close-matches.ts';
import { optionRows, shortText, twoColumns, usageLine } from '../src/core/command-text.ts';
import { defineCommand } from '../src/core/define-command.ts';
import { UserError } from '../src/core/errors.ts';
import type { Reply, ReplyPart } from '../src/core/reply.ts';

/** How help words things for one audience. */
export interface HelpStyle {
  /** Which commands are offered. */
  readonly surface: Surface;
  /** Put before each command as the user types it: 'briefbot ' on the CLI, '' in a chat. */
  readonly prefix: string;
  /** Whether to list admin commands. */
  readonly canManage: boolean;
}

/** The style for whoever asked: the CLI's `briefbot …`, or a chat's bare command words. */
export function helpStyleFor(invoker: Invoker): HelpStyle {
  const cli = invoker.platform === 'cli';
  return { surface: cli ? 'cli' : 'chat', prefix: cli ? 'briefbot ' : '', canManage: invoker.canManageChannel };
}

/** The `help` command over the registry `getCommands` returns when it runs. */
export function helpCommand(getCommands: () => readonly CommandDefinition[]): CommandDefinition {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or show how to use one',
    options: [{ name: 'command', type: 'string', description: 'the command to explain', rest: true, maxLength: 100 }],
    examples: ['help', 'help ask'],
    surfaces: ['chat', 'cli'],
    async run({ command: asked }, { invoker }) {
      const style = helpStyleFor(invoker);
      const offered = offeredCommands(getCommands(), style);
      const topic = asked?.replace(/^\//, '') ?? '';
      if (topic === '') return helpOverview(offered, style);
      const command = offered.find((c) => c.name.toLowerCase() === topic.toLowerCase());
      if (!command) throw unknownTopic(topic, offered, style);
      return commandHelpReply(command, style);
    },
  });
}

/** The commands a style offers, in registry order. */
export function offeredCommands(commands: readonly CommandDefinition[], style: HelpStyle): readonly CommandDefinition[] {
  return commands.filter((c) => c.surfaces.includes(style.surface) && (style.canManage || !c.admin));
}

/**
 * Every command: its usage, description and first example.
 *
 * @example helpOverview([sources], { surface: 'chat', prefix: '', canManage: false }).parts[0]
 *   → { kind: 'lines', lines: ['sources', '    List the indexed articles…', '    e.g. sources', …] }
 */
export function helpOverview(commands: readonly CommandDefinition[], style: HelpStyle): Reply {
  const lines: string[] = [];
  for (const command of commands) {
    if (lines.length > 0) lines.push('');
    lines.push(usageLine(command, style.prefix), `    ${command.description}`);
    const example = command.examples[0];
    if (example !== undefined && example !== command.name) lines.push(`    e.g. ${style.prefix}${example}`);
  }
  const footer = [
    ...(style.surface === 'chat' && commands.some((c) => c.name === 'ask') ? ['Or just type a question in plain words: it goes to ask.'] : []),
    `${style.prefix}help COMMAND shows all of a command's options and examples.`,
  ];
  return {
    title: 'Commands',
    parts: [
      { kind: 'lines', lines },
      { kind: 'lines', lines: footer },
    ],
    citations: [],
    data: { commands: commands.map((c) => describe(c, style)) },
  };
}

/** One command: usage, description, every option with its limits, and every example. */
export function commandHelpReply(command: CommandDefinition, style: HelpStyle): Reply {
  const parts: ReplyPart[] = [{ kind: 'lines', lines: [command.description] }];
  if (command.options.length > 0) {
    parts.push({ kind: 'heading', text: 'Options' }, { kind: 'lines', lines: twoColumns(optionRows(command)) });
  }
  if (command.examples.length > 0) {
    parts.push({ kind: 'heading', text: 'Examples' }, { kind: 'lines', lines: command.examples.map((e) => `  ${style.prefix}${e}`) });
  }
  return { title: usageLine(command, style.prefix), parts, citations: [], data: { commands: [describe(command, style)] } };
}

function unknownTopic(topic: string, offered: readonly CommandDefinition[], style: HelpStyle): UserError {
  const near = closeMatches(
    topic,
    offered.map((c) => c.name),
    3,
  );
  const hint = near.length > 0 ? ` Did you mean ${near.join(' or ')}?` : ` Commands: ${offered.map((c) => c.name).join(', ')}.`;
  return new UserError('unknown-command', `No command called "${shortText(topic)}".${hint} Type ${style.prefix}help for the list.`, { usage: true });
}

function describe(command: CommandDefinition, style: HelpStyle) {
  return {
    name: command.name,
    description: command.description,
    usage: usageLine(command, style.prefix),
    options: command.options.map((o) => ({ ...o })),
    examples: command.examples.map((e) => `${style.prefix}${e}`),
  };
}
