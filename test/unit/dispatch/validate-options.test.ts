import { describe, expect, it } from 'vitest';
import { validateOptions } from '../../../src/core/dispatch.ts';
import { askFake, quoteFake, tagFake } from './fake-commands.ts';

function message(result: ReturnType<typeof validateOptions>): string {
  if (result.ok) throw new Error(`expected a problem, got ${JSON.stringify(result.options)}`);
  return result.problem.message;
}

describe('validateOptions', () => {
  it('converts typed values from text or from a platform’s own types', () => {
    expect(validateOptions(quoteFake, { limit: '5', full: 'yes', order: 'Speaker' })).toEqual({
      ok: true,
      options: { limit: 5, full: true, order: 'speaker' },
    });
    expect(validateOptions(quoteFake, { limit: 7, full: false })).toEqual({ ok: true, options: { limit: 7, full: false } });
  });

  it('trims text and treats a blank value as not given', () => {
    expect(validateOptions(quoteFake, { speaker: '  Ines Kowalczyk ', article: '   ' })).toEqual({ ok: true, options: { speaker: 'Ines Kowalczyk' } });
  });

  it('names what is missing, with the hint it is given', () => {
    expect(message(validateOptions(askFake, {}, ' (see help ask)'))).toBe('"ask" needs QUESTION (see help ask)');
    expect(message(validateOptions(askFake, { question: ' ' }))).toBe('"ask" needs QUESTION');
  });

  it('rejects numbers that are not whole or out of range', () => {
    expect(message(validateOptions(quoteFake, { limit: '2.5' }))).toBe('--limit must be a whole number, not "2.5"');
    expect(message(validateOptions(quoteFake, { limit: 0 }))).toBe('--limit must be at least 1');
    expect(message(validateOptions(quoteFake, { limit: 3.5 }))).toBe('--limit must be a whole number, not "3.5"');
    expect(message(validateOptions(quoteFake, { limit: '9'.repeat(40) }))).toMatch(/^--limit must be a whole number, not "9{30}…"$/);
  });

  it('rejects a boolean that is neither yes nor no', () => {
    expect(message(validateOptions(quoteFake, { full: 'maybe' }))).toBe('--full takes yes or no, not "maybe"');
  });

  it('keeps a message short however long the value', () => {
    const text = message(validateOptions(askFake, { question: 'x'.repeat(4000) }));
    expect(text).toBe('QUESTION is longer than 500 characters (it has 4,000): please shorten it');
  });

  it('echoes a value without its control characters', () => {
    expect(message(validateOptions(quoteFake, { limit: 'ten\u001b[31m\u0007' }))).toBe('--limit must be a whole number, not "ten [31m"');
  });

  it('rejects an option the command does not have, suggesting a close one', () => {
    expect(message(validateOptions(quoteFake, { speakr: 'x' }))).toBe('unknown option --speakr for "quote"; did you mean --speaker?');
  });

  it('takes a list for an option with several values and checks each', () => {
    expect(validateOptions(tagFake, { labels: ['harbour', ' dredging '] })).toEqual({ ok: true, options: { labels: ['harbour', 'dredging'] } });
    expect(validateOptions(tagFake, { labels: 'harbour' })).toEqual({ ok: true, options: { labels: ['harbour'] } });
    expect(message(validateOptions(tagFake, { labels: [] }))).toBe('"tag" needs LABELS');
    expect(message(validateOptions(quoteFake, { speaker: ['a', 'b'] }))).toBe('SPEAKER takes one value, not several');
  });
});
