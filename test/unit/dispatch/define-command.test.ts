/**
 * `defineCommand`: `run` receives options typed from their declaration (checked here at the
 * type level with expectTypeOf, which fails `tsc --noEmit`), and options that do not match the
 * declaration never reach it, whoever calls it.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.ts';
import { defineCommand, type OptionsOf } from '../../../src/core/define-command.ts';
import { contextFor, dispatch } from '../../../src/core/dispatch.ts';
import { UserError } from '../../../src/core/errors.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { Store } from '../../../src/core/ports/store.ts';

const OPTIONS = [
  { name: 'question', type: 'string', description: 'q', rest: true, required: true },
  { name: 'limit', type: 'integer', description: 'n', min: 1, max: 5 },
  { name: 'verbose', type: 'boolean', description: 'v' },
  { name: 'paths', type: 'string', description: 'p', multiple: true },
  { name: 'quiet', type: 'string', description: 'skip or notice', choices: ['skip', 'notice'] },
] as const;

const context = contextFor(
  { store: {} as Store, clock: systemClock, log: silentLogger },
  { platform: 'cli', user: null, channel: null, workspace: null, canManageChannel: true },
);

describe('defineCommand', () => {
  it('types each option from its declaration', () => {
    type Options = OptionsOf<typeof OPTIONS>;
    expectTypeOf<Options['question']>().toEqualTypeOf<string>();
    expectTypeOf<Options['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<Options['verbose']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<Options['paths']>().toEqualTypeOf<readonly string[] | undefined>();
    expectTypeOf<Options['quiet']>().toEqualTypeOf<'skip' | 'notice' | undefined>();
  });

  it('gives run the checked values: numbers as numbers, choices in their declared spelling, blanks left out', async () => {
    const seen: unknown[] = [];
    const command = defineCommand({
      name: 'probe',
      description: 'Records its options',
      options: OPTIONS,
      examples: [],
      surfaces: ['cli'],
      async run(options) {
        seen.push(options);
        return { parts: [], citations: [], data: { limit: options.limit ?? 0 } };
      },
    });
    const result = await dispatch(command, { question: '  who?  ', limit: '3', quiet: 'NOTICE', verbose: '' }, context);
    expect(result.outcome).toBe('ok');
    expect(seen).toEqual([{ question: 'who?', limit: 3, quiet: 'notice' }]);
    expect(result.reply.data).toEqual({ limit: 3 });
  });

  it('refuses options that break the declaration as a usage error, without running', async () => {
    let runs = 0;
    const command = defineCommand({
      name: 'probe',
      description: 'Counts its runs',
      options: OPTIONS,
      examples: [],
      surfaces: ['cli'],
      async run() {
        runs += 1;
        return { parts: [], citations: [] };
      },
    });
    const result = await dispatch(command, { question: 'who?', limit: 'ten' }, context);
    expect(result).toMatchObject({ outcome: 'user-error', usage: true, code: 'bad-value' });
    expect(result.reply.notice).toBe('--limit must be a whole number, not "ten"');
    await expect(command.run({ limit: 3 }, context)).rejects.toThrow(UserError);
    expect(runs).toBe(0);
  });

  it("keeps the type of a reply's data for code that reads it", async () => {
    const command = defineCommand({
      name: 'typed',
      description: 'Typed data',
      options: [],
      examples: [],
      surfaces: ['cli'],
      run: async (): Promise<Reply<{ readonly count: number }>> => ({ parts: [], citations: [], data: { count: 2 } }),
    });
    const reply = await command.run({}, context);
    expect(reply.data).toEqual({ count: 2 });
  });
});
