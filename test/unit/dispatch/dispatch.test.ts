import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { dispatch, dispatchText, hintReply } from '../../../src/core/dispatch.ts';
import { StoreUnavailableError } from '../../../src/core/errors.ts';
import { recordingLogger } from '../llm/recording-logger.ts';
import { askFake, chatCommands, context, failingFake, refusingFake, sourcesFake, tagFake } from './fake-commands.ts';

describe('dispatch', () => {
  it('returns the command’s reply and logs the command, its time and the outcome at info', async () => {
    const log = recordingLogger();
    const result = await dispatch(askFake, { question: 'Who approved it?' }, context(log));
    expect(result).toMatchObject({ outcome: 'ok', command: 'ask', reply: { data: { options: { question: 'Who approved it?' } } } });
    expect(result.errorId).toBeUndefined();
    expect(log.entries).toHaveLength(1);
    expect(log.entries[0]).toMatchObject({ level: 'info', fields: { command: 'ask', outcome: 'ok' } });
    expect(typeof (log.entries[0]!.fields as { ms: unknown }).ms).toBe('number');
  });

  it('turns a UserError into a short private reply with its message and code, logging no error', async () => {
    const log = recordingLogger();
    const result = await dispatch(refusingFake, {}, context(log));
    expect(result).toMatchObject({ outcome: 'user-error', code: 'unknown-article' });
    expect(result.reply).toEqual({ parts: [], citations: [], notice: 'No article "x": close matches are courier-0412.', ephemeral: true });
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(log.entries.at(-1)).toMatchObject({ level: 'info', fields: { command: 'find', outcome: 'user-error' } });
  });

  it('logs an unexpected failure once with its cause and id, and apologises with the same id', async () => {
    const log = recordingLogger();
    const result = await dispatch(failingFake, {}, context(log));
    expect(result.outcome).toBe('internal-error');
    expect(result.errorId).toMatch(/^[0-9a-f]{8}$/);
    const errors = log.entries.filter((e) => e.level === 'error');
    expect(errors).toHaveLength(1);
    const fields = errors[0]!.fields as { err: unknown; errorId: string; command: string };
    expect(fields.err).toBeInstanceOf(TypeError);
    expect(fields).toMatchObject({ errorId: result.errorId, command: 'explode' });
    expect(result.reply.ephemeral).toBe(true);
    expect(result.reply.notice).toContain(`error ${result.errorId}`);
    expect(result.reply.notice).not.toMatch(/cannot read|TypeError|\n\s+at /);
  });

  it('answers that the index is unavailable while the store cannot be reached, logging a warning and no error', async () => {
    const log = recordingLogger();
    const unreachable = { ...failingFake, run: async () => Promise.reject(new StoreUnavailableError('the PostgreSQL server cannot be reached')) };
    const result = await dispatch(unreachable, {}, context(log));
    expect(result).toMatchObject({ outcome: 'internal-error', code: 'store-unavailable' });
    expect(result.reply).toEqual({ parts: [], citations: [], notice: 'The index is unavailable, try again shortly.', ephemeral: true });
    expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
    expect(log.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
  });

  it('gives each failure its own id', async () => {
    const ids = new Set<string | undefined>();
    for (let i = 0; i < 5; i++) ids.add((await dispatch(failingFake, {}, context())).errorId);
    expect(ids.size).toBe(5);
  });

  it('refuses an admin command to someone who may not manage the channel, without running it', async () => {
    const refused = await dispatch(tagFake, { labels: ['x'] }, context(undefined, { canManageChannel: false }));
    expect(refused).toMatchObject({ outcome: 'user-error', code: 'not-allowed', reply: { ephemeral: true } });
    expect(refused.reply.data).toBeUndefined();
    expect((await dispatch(tagFake, { labels: ['x'] }, context())).outcome).toBe('ok');
  });

  it('gives the command a logger that names it', async () => {
    const log = recordingLogger();
    const noisy: CommandDefinition = {
      ...sourcesFake,
      run: async (_options, { log: inner }) => {
        inner.warn({}, 'inside');
        return { parts: [], citations: [] };
      },
    };
    await dispatch(noisy, {}, context(log));
    expect(log.entries.find((e) => e.message === 'inside')?.fields).toMatchObject({ command: 'sources' });
  });
});

describe('dispatchText', () => {
  const commands = chatCommands([failingFake]);

  it('parses and runs a typed line', async () => {
    const result = await dispatchText('/quote "Ines Kowalczyk" --limit 2', commands, context());
    expect(result).toMatchObject({ outcome: 'ok', command: 'quote', reply: { data: { options: { speaker: 'Ines Kowalczyk', limit: 2 } } } });
  });

  it('answers blank, emoji-only or punctuation-only text with a hint, not an error', async () => {
    for (const text of ['', '  ', '🙂', '🤷‍♀️', '?!']) {
      const log = recordingLogger();
      const result = await dispatchText(text, commands, context(log));
      expect(result.outcome).toBe('ok');
      expect(result.reply).toEqual(hintReply(commands));
      expect(log.entries.filter((e) => e.level === 'error')).toEqual([]);
    }
  });

  it('builds the hint from the definitions: an example question and help', () => {
    const lines = hintReply(commands).parts.flatMap((p) => (p.kind === 'lines' ? p.lines : []));
    expect(lines).toContain('For example: Who approved the dredging?');
    expect(lines).toContain('Type help to see every command.');
  });

  it('turns a usage problem into a short private reply', async () => {
    const log = recordingLogger();
    const result = await dispatchText('sorces', commands, context(log));
    expect(result).toMatchObject({ outcome: 'user-error', code: 'unknown-command', command: null, reply: { ephemeral: true } });
    expect(result.reply.notice).toMatch(/did you mean sources\?/);
    expect(log.entries).toEqual([
      expect.objectContaining({ level: 'info', fields: expect.objectContaining({ outcome: 'user-error', code: 'unknown-command' }) }),
    ]);
  });

  it('keeps a failing command from failing the caller', async () => {
    await expect(dispatchText('explode', commands, context())).resolves.toMatchObject({ outcome: 'internal-error' });
  });
});
