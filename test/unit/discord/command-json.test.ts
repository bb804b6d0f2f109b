/**
 * The Discord command JSON generated from the definitions: names, descriptions and typed
 * options within Discord's limits, so a deploy can never be refused for a definition.
 */
import { describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { COMMAND_LIMITS, commandJson, discordCommandJson, discordName, MANAGE_CHANNELS, OPTION_TYPE } from '../../../src/adapters/discord/command-json.ts';

const base: CommandDefinition = { name: 'x', description: 'X', options: [], examples: [], surfaces: ['chat'], run: async () => ({ parts: [], citations: [] }) };

describe('discordCommandJson', () => {
  it('offers exactly the chat commands of the registry, with valid names and short descriptions', () => {
    const json = discordCommandJson(commands);
    expect(json.map((c) => c.name)).toEqual(commands.filter((c) => c.surfaces.includes('chat')).map((c) => discordName(c.name)));
    for (const command of json) {
      expect(command.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
      for (const option of command.options) expect(option.description.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
    }
  });

  it('types options, marks autocomplete and carries limits', () => {
    const quote = discordCommandJson(commands).find((c) => c.name === 'quote')!;
    expect(quote.options.find((o) => o.name === 'speaker')).toMatchObject({ type: OPTION_TYPE.string, autocomplete: true });
    expect(quote.options.find((o) => o.name === 'limit')).toMatchObject({ type: OPTION_TYPE.integer, min_value: 1 });
    const ask = discordCommandJson(commands).find((c) => c.name === 'ask')!;
    expect(ask.options[0]).toMatchObject({ name: 'question', required: true, max_length: 1000 });
  });

  it('puts required options first, as Discord requires', () => {
    const json = commandJson({
      ...base,
      options: [
        { name: 'later', type: 'string', description: 'optional' },
        { name: 'first', type: 'string', description: 'required', required: true },
      ],
    });
    expect(json.options.map((o) => o.name)).toEqual(['first', 'later']);
  });

  it('offers fixed choices up to 25 and leaves longer lists to be checked on arrival', () => {
    const few = commandJson({ ...base, options: [{ name: 'n', type: 'integer', description: 'd', choices: ['1', '2'] }] });
    expect(few.options[0]!.choices).toEqual([
      { name: '1', value: 1 },
      { name: '2', value: 2 },
    ]);
    const many = commandJson({ ...base, options: [{ name: 's', type: 'string', description: 'd', choices: Array.from({ length: 30 }, (_, i) => `c${i}`) }] });
    expect(many.options[0]!.choices).toBeUndefined();
  });

  it('hides admin commands from members without Manage Channels', () => {
    expect(commandJson({ ...base, admin: true }).default_member_permissions).toBe(MANAGE_CHANNELS);
    expect(commandJson(base).default_member_permissions).toBeUndefined();
  });

  it('cuts a long description at a word with an ellipsis', () => {
    const long = commandJson({
      ...base,
      description: 'Briefs the team on every development of the story, quoting each speaker and citing every outlet that carried it',
    });
    expect(long.description.length).toBeLessThanOrEqual(100);
    expect(long.description).toMatch(/\w…$/);
  });
});

describe('discordName', () => {
  it('lower-cases and hyphenates what Discord would refuse', () => {
    expect(discordName('Quote Diff')).toBe('quote-diff');
    expect(discordName('  ')).toBe('command');
    expect(discordName('a'.repeat(40))).toHaveLength(32);
  });
});
