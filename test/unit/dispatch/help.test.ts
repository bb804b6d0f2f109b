import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../../src/core/command.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { dispatchText } from '../../../src/core/dispatch.ts';
import { helpCommand } from '../../../commands/help.ts';
import { renderTerminal } from '../../../src/render/terminal.ts';
import { askFake, briefFake, chatCommands, cliOnlyFake, context, fakeRegistry, quoteFake, sourcesFake, tagFake } from './fake-commands.ts';

async function help(text: string, overrides: Parameters<typeof context>[1] = {}, registry = fakeRegistry()): Promise<Reply> {
  const commands = registry.filter((c) => c.surfaces.includes(overrides.platform === 'cli' ? 'cli' : 'chat'));
  const result = await dispatchText(text, commands, context(undefined, overrides));
  return result.reply;
}

describe('help', () => {
  it('lists every chat command with its description, usage and an example', async () => {
    const text = renderTerminal(await help('help'));
    for (const command of [askFake, quoteFake, briefFake, sourcesFake, tagFake]) expect(text).toContain(command.description);
    expect(text).toContain('quote [--article ARTICLE] [--limit N] [--order ORDER] [--full] [SPEAKER]');
    expect(text).toContain('e.g. ask Who approved the dredging?');
    expect(text).toContain('Or just type a question in plain words: it goes to ask.');
    expect(text).not.toContain(cliOnlyFake.description);
  });

  it('leaves admin commands out for someone who may not manage the channel', async () => {
    expect(renderTerminal(await help('help', { canManageChannel: false }))).not.toContain(tagFake.description);
  });

  it('shows one command with all its options, their limits and every example', async () => {
    const text = renderTerminal(await help('help quote'));
    expect(text).toContain('--limit N          at most this many (at least 1; at most 50)');
    expect(text).toContain('--order ORDER      sort order (one of date, speaker)');
    expect(text).toContain('SPEAKER            who said it');
    for (const example of quoteFake.examples) expect(text).toContain(`  ${example}`);
  });

  it('accepts the command name with a slash or in capitals', async () => {
    expect((await help('help /QUOTE')).title).toBe((await help('help quote')).title);
  });

  it('prefixes usage and examples with briefbot on the CLI', async () => {
    const reply = await help('help ask', { platform: 'cli' });
    expect(reply.title).toBe('briefbot ask QUESTION');
    expect(renderTerminal(reply)).toContain('  briefbot ask Who approved the dredging?');
    expect(renderTerminal(await help('help', { platform: 'cli' }))).toContain(cliOnlyFake.description);
  });

  it('suggests close commands for an unknown one, privately', async () => {
    const reply = await help('help qote');
    expect(reply.ephemeral).toBe(true);
    expect(reply.notice).toBe('No command called "qote". Did you mean quote? Type help for the list.');
  });

  it('reads the registry when it runs, so commands added later are listed', async () => {
    const registry: CommandDefinition[] = [sourcesFake];
    const helpDefinition = helpCommand(() => registry);
    registry.push(helpDefinition, { ...briefFake, name: 'timeline', description: 'Events in date order' });
    const reply = await helpDefinition.run({}, context());
    expect(renderTerminal(reply)).toContain('Events in date order');
  });

  it('describes the commands as data for JSON', async () => {
    const reply = await help('help');
    const names = (reply.data as { commands: { name: string }[] }).commands.map((c) => c.name);
    expect(names).toEqual(chatCommands().map((c) => c.name));
  });
});
