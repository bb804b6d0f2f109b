/**
 * Deciding what a deploy sends: a command as Discord stores it (ids, versions, defaults)
 * compares equal to the generated one, so an unchanged definition is never sent again.
 */
import { describe, expect, it } from 'vitest';
import type { CommandJson } from '../../../src/adapters/discord/command-json.ts';
import { deployCommands, normaliseCommand, planDeploy, type CommandRegistry, type RegisteredCommand } from '../../../src/adapters/discord/deploy.ts';

const ask: CommandJson = {
  type: 1,
  name: 'ask',
  description: 'Ask',
  options: [{ type: 3, name: 'question', description: 'Q', required: true, max_length: 1000 }],
};
const sources: CommandJson = { type: 1, name: 'sources', description: 'List', options: [] };
const stored = (command: CommandJson, id: string): RegisteredCommand => ({
  ...command,
  id,
  application_id: '1',
  version: '9',
  default_member_permissions: null,
  dm_permission: true,
  nsfw: false,
  contexts: null,
  integration_types: [0],
  ...(command.options.length === 0 ? { options: undefined } : {}),
});

describe('planDeploy', () => {
  it('leaves alone a command Discord stores with its own fields and defaults', () => {
    expect(normaliseCommand(stored(ask, '10'))).toBe(normaliseCommand(ask));
    expect(planDeploy([ask, sources], [stored(ask, '10'), stored(sources, '11')])).toEqual({
      unchanged: ['ask', 'sources'],
      created: [],
      updated: [],
      removed: [],
    });
  });

  it('creates the new, updates the changed and removes the stale', () => {
    const changed = { ...sources, description: 'List the articles' };
    const plan = planDeploy([ask, changed], [stored(sources, '11'), { id: '12', name: 'old', type: 1 }]);
    expect(plan.created).toEqual([ask]);
    expect(plan.updated).toEqual([changed]);
    expect(plan.removed.map((c) => c.id)).toEqual(['12']);
  });

  it('does not mistake a user context-menu command for a slash command of the same name', () => {
    const plan = planDeploy([ask], [{ id: '5', name: 'ask', type: 2 }]);
    expect(plan.created).toEqual([ask]);
    expect(plan.removed.map((c) => c.id)).toEqual(['5']);
  });
});

describe('deployCommands', () => {
  it('sends nothing when the registry already matches', async () => {
    const calls: string[] = [];
    const registry: CommandRegistry = {
      scope: 'global',
      list: async () => [stored(ask, '10')],
      save: async (c) => void calls.push(`save ${c.name}`),
      remove: async (id) => void calls.push(`remove ${id}`),
    };
    await deployCommands(registry, [ask]);
    expect(calls).toEqual([]);
  });
});
