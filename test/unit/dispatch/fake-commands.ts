/**
 * Small command definitions for dispatch, help and console tests, so they do not depend on
 * the real commands. Each `run` echoes the options it was given in `data.options`.
 */
import type { CommandContext, CommandDefinition, Invoker, ParsedOptions } from '../../../src/core/command.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { UserError } from '../../../src/core/errors.ts';
import { silentLogger, type Logger } from '../../../src/core/logger.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { helpCommand } from '../../../commands/help.ts';

const echo = async (options: ParsedOptions): Promise<Reply> => ({
  parts: [{ kind: 'lines', lines: [JSON.stringify(options)] }],
  citations: [],
  data: { options },
});

export const askFake: CommandDefinition = {
  name: 'ask',
  description: 'Ask a question about the harbour story',
  options: [{ name: 'question', type: 'string', description: 'your question', rest: true, required: true, maxLength: 500 }],
  examples: ['ask Who approved the dredging?', 'ask What did the harbour master say?'],
  surfaces: ['chat', 'cli'],
  run: echo,
};

export const quoteFake: CommandDefinition = {
  name: 'quote',
  description: 'Quotations by a speaker',
  options: [
    { name: 'speaker', type: 'string', description: 'who said it', rest: true, autocomplete: 'speaker', maxLength: 200 },
    { name: 'article', type: 'string', description: 'only in this article', autocomplete: 'article' },
    { name: 'limit', type: 'integer', description: 'at most this many', min: 1, max: 50 },
    { name: 'order', type: 'string', description: 'sort order', choices: ['date', 'speaker'] },
    { name: 'full', type: 'boolean', description: 'whole paragraphs' },
  ],
  examples: ['quote Kowalczyk', 'quote --article courier-0412'],
  surfaces: ['chat', 'cli'],
  run: echo,
};

export const briefFake: CommandDefinition = {
  name: 'brief',
  description: 'The story in key points',
  options: [
    { name: 'article', type: 'string', description: 'one article', autocomplete: 'article' },
    { name: 'topic', type: 'string', description: 'a topic', rest: true },
  ],
  examples: ['brief', 'brief --article courier-0412'],
  surfaces: ['chat', 'cli'],
  run: echo,
};

export const sourcesFake: CommandDefinition = {
  name: 'sources',
  description: 'The indexed articles',
  options: [],
  examples: ['sources'],
  surfaces: ['chat', 'cli'],
  run: echo,
};

export const tagFake: CommandDefinition = {
  name: 'tag',
  description: 'Tag articles',
  options: [{ name: 'labels', type: 'string', description: 'labels', rest: true, multiple: true, required: true }],
  examples: ['tag harbour dredging'],
  surfaces: ['chat'],
  admin: true,
  run: echo,
};

export const cliOnlyFake: CommandDefinition = {
  name: 'vacuum',
  description: 'Compact the database',
  options: [],
  examples: ['vacuum'],
  surfaces: ['cli'],
  run: echo,
};

export const failingFake: CommandDefinition = {
  name: 'explode',
  description: 'Fails as a bug would',
  options: [],
  examples: ['explode'],
  surfaces: ['chat', 'cli'],
  run: async () => {
    throw new TypeError('cannot read properties of undefined (reading "meta")');
  },
};

export const refusingFake: CommandDefinition = {
  name: 'find',
  description: 'Fails as a user mistake would',
  options: [],
  examples: ['find'],
  surfaces: ['chat', 'cli'],
  run: async () => {
    throw new UserError('unknown-article', 'No article "x": close matches are courier-0412.');
  },
};

/** A registry of the fakes with a working `help` over it. */
export function fakeRegistry(extra: readonly CommandDefinition[] = []): readonly CommandDefinition[] {
  const commands: CommandDefinition[] = [askFake, quoteFake, briefFake, sourcesFake, tagFake, cliOnlyFake, ...extra];
  commands.push(helpCommand(() => commands));
  return commands;
}

/** The registry as a chat offers it. */
export function chatCommands(extra: readonly CommandDefinition[] = []): readonly CommandDefinition[] {
  return fakeRegistry(extra).filter((c) => c.surfaces.includes('chat'));
}

export function invoker(overrides: Partial<Invoker> = {}): Invoker {
  return { platform: 'console', user: null, channel: null, workspace: null, canManageChannel: true, ...overrides };
}

/** A store that fails loudly if a command under test touches it. */
export const untouchableStore = new Proxy({} as Store, {
  get(_target, property) {
    throw new Error(`the store was used (${String(property)})`);
  },
});

export function context(log: Logger = silentLogger, overrides: Partial<Invoker> = {}): CommandContext {
  return { store: untouchableStore, clock: systemClock, log, invoker: invoker(overrides) };
}
