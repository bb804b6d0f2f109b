/**
 * The small pure pieces of the Discord adapter: the words of a mention, autocomplete
 * ranking, option values back from an interaction, and log fields without secrets.
 */
import { describe, expect, it } from 'vitest';
import { stripBotMention } from '../../../src/adapters/discord/mention-text.ts';
import { rankChoices, type Candidate } from '../../../src/adapters/discord/completions.ts';
import { rawInteractionOptions } from '../../../src/adapters/discord/interaction-options.ts';
import { errorFields, routeOf } from '../../../src/adapters/discord/log-fields.ts';
import type { CommandDefinition } from '../../../src/core/command.ts';

describe('stripBotMention', () => {
  it('keeps the question and drops the mention and the greeting punctuation', () => {
    expect(stripBotMention('<@123> who founded the company?', '123')).toBe('who founded the company?');
    expect(stripBotMention('hey <@!123>, sources', '123')).toBe('hey sources');
    expect(stripBotMention('<@123>', '123')).toBe('');
  });

  it('keeps mentions of other people as text', () => {
    expect(stripBotMention('<@123> what did <@456> say?', '123')).toBe('what did <@456> say?');
  });
});

describe('rankChoices', () => {
  const candidates: Candidate[] = [
    { value: 'Gavin Williamson', label: 'Gavin Williamson (Defence Secretary)', also: ['Mr Williamson'] },
    { value: 'Ren Zhengfei', label: 'Ren Zhengfei (founder)', also: ['Mr Ren'] },
    { value: 'William Barr', label: 'William Barr', also: [] },
  ];

  it('offers values starting with what was typed before those with a word starting with it', () => {
    expect(rankChoices(candidates, 'will').map((c) => c.value)).toEqual(['William Barr', 'Gavin Williamson']);
  });

  it('matches aliases and roles, and offers everything when nothing is typed', () => {
    expect(rankChoices(candidates, 'found').map((c) => c.value)).toEqual(['Ren Zhengfei']);
    expect(rankChoices(candidates, '')).toHaveLength(3);
  });

  it('offers at most 25 choices, each at most 100 characters', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ value: `speaker ${i}`, label: `speaker ${i} ${'x'.repeat(120)}`, also: [] }));
    const choices = rankChoices(many, 'sp');
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(100);
  });
});

describe('rawInteractionOptions', () => {
  const command: CommandDefinition = {
    name: 'ingest',
    description: 'd',
    examples: [],
    surfaces: ['chat'],
    run: async () => ({ parts: [], citations: [] }),
    options: [
      { name: 'paths', type: 'string', description: 'd', multiple: true },
      { name: 'limit', type: 'integer', description: 'd' },
    ],
  };

  it('splits a list option at commas and keeps unknown options for validation to refuse', () => {
    expect(
      rawInteractionOptions(command, [
        { name: 'paths', value: 'a/, b/' },
        { name: 'limit', value: 3 },
        { name: 'stray', value: 'x' },
      ]),
    ).toEqual({ paths: ['a/', 'b/'], limit: 3, stray: 'x' });
  });
});

describe('log fields', () => {
  it('replaces ids and the interaction token in a route', () => {
    expect(routeOf('http://127.0.0.1:9/api/v10/webhooks/1234567890123456789/aW50ZXJhY3Rpb24secret/messages/@original')).toBe(
      '/webhooks/:id/:token/messages/@original',
    );
  });

  it('scrubs a token out of an error message and its stack', () => {
    const error = new Error('PATCH /webhooks/1234567890123456789/aW50ZXJhY3Rpb24secret/messages failed');
    expect(JSON.stringify(errorFields(error))).not.toContain('aW50ZXJhY3Rpb24secret');
  });
});
