import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { parseChatText, parseCommandText, type ChatParse } from '../../../src/core/dispatch.ts';
import { askFake, briefFake, chatCommands, quoteFake, sourcesFake } from './fake-commands.ts';

const commands = chatCommands();

function ran(text: string, list: readonly CommandDefinition[] = commands): { name: string; options: Record<string, unknown> } {
  const parsed = parseChatText(text, list);
  if (parsed.kind !== 'command') throw new Error(`expected a command for ${JSON.stringify(text)}, got ${JSON.stringify(parsed)}`);
  return { name: parsed.command.name, options: { ...parsed.options } };
}

function problem(text: string, list: readonly CommandDefinition[] = commands): { code: string; message: string } {
  const parsed: ChatParse = parseChatText(text, list);
  if (parsed.kind !== 'problem') throw new Error(`expected a problem for ${JSON.stringify(text)}, got ${JSON.stringify(parsed)}`);
  return parsed.problem;
}

describe('parseChatText', () => {
  it('reads a slash command and gives its free text to the rest option', () => {
    expect(ran('/ask who founded it?')).toEqual({ name: 'ask', options: { question: 'who founded it?' } });
  });

  it('treats the leading slash as optional and command names as case-insensitive', () => {
    expect(ran('QUOTE Kowalczyk')).toEqual({ name: 'quote', options: { speaker: 'Kowalczyk' } });
    expect(ran('/Quote Kowalczyk')).toEqual(ran('quote Kowalczyk'));
  });

  it('keeps quoted words together and reads flags with a value after them or after =', () => {
    expect(ran('quote "Ines Kowalczyk" --article courier-0412 --limit=5')).toEqual({
      name: 'quote',
      options: { speaker: 'Ines Kowalczyk', article: 'courier-0412', limit: 5 },
    });
    expect(ran('quote --speaker="Ines Kowalczyk"').options).toEqual({ speaker: 'Ines Kowalczyk' });
  });

  it('groups words in the curly quotes a phone types, and reads its em dash as --', () => {
    expect(ran('quote “Ines Kowalczyk” —article courier-0412').options).toEqual({ speaker: 'Ines Kowalczyk', article: 'courier-0412' });
  });

  it('takes an apostrophe inside a word as an apostrophe, not a quote', () => {
    expect(ran("ask who's the harbour master's deputy?").options).toEqual({ question: "who's the harbour master's deputy?" });
  });

  it('gives free text back as typed, quotation marks included', () => {
    expect(ran('ask who said "another winter"?').options).toEqual({ question: 'who said "another winter"?' });
  });

  it('reads a boolean flag alone or with yes and no', () => {
    expect(ran('quote --full').options).toEqual({ full: true });
    expect(ran('quote --full=no').options).toEqual({ full: false });
  });

  it('sends a plain question to ask with the whole text', () => {
    expect(ran('What did the harbour board decide?')).toEqual({ name: 'ask', options: { question: 'What did the harbour board decide?' } });
    expect(ran('dredging costs')).toEqual({ name: 'ask', options: { question: 'dredging costs' } });
  });

  it('sends a question that starts with a command’s name to ask', () => {
    expect(ran('Brief me on what the board decided?')).toEqual({ name: 'ask', options: { question: 'Brief me on what the board decided?' } });
    expect(ran('sources for the silt figures')).toEqual({ name: 'ask', options: { question: 'sources for the silt figures' } });
  });

  it('runs a command named first when its words fit it', () => {
    expect(ran('brief silt disposal')).toEqual({ name: 'brief', options: { topic: 'silt disposal' } });
    expect(ran('sources')).toEqual({ name: 'sources', options: {} });
  });

  it('suggests close commands for a mistyped command instead of asking it', () => {
    expect(problem('sorces')).toEqual({ code: 'unknown-command', message: 'Unknown command "sorces": did you mean sources? Type help for the list.' });
    expect(problem('/quots Kowalczyk').message).toMatch(/did you mean quote\?/);
    expect(problem('briefing --article x').message).toMatch(/did you mean brief\?/);
  });

  it('lists the commands when nothing is close', () => {
    expect(problem('/zzzz').message).toBe('Unknown command "zzzz". Commands: ask, quote, brief, sources, tag, help.');
  });

  it('reports an unknown command rather than asking when no ask command is registered', () => {
    expect(problem('What did the board decide?', [quoteFake, sourcesFake]).code).toBe('unknown-command');
  });

  it('shows a command’s help for --help or -h', () => {
    expect(ran('quote --help')).toEqual({ name: 'help', options: { command: 'quote' } });
    expect(ran('/brief -h')).toEqual({ name: 'help', options: { command: 'brief' } });
  });

  it('names an unknown option with the close one', () => {
    expect(problem('quote --artcle courier-0412')).toEqual({
      code: 'unknown-option',
      message: 'unknown option --artcle for "quote"; did you mean --article? (see help quote)',
    });
  });

  it('says when an option has no value', () => {
    expect(problem('quote --article').message).toBe('option --article needs a value (see help quote)');
    expect(problem('quote --article --full').code).toBe('missing-value');
  });

  it('validates typed values with the command’s limits', () => {
    expect(problem('quote --limit ten').message).toBe('--limit must be a whole number, not "ten" (see help quote)');
    expect(problem('quote --limit 51').message).toBe('--limit must be at most 50 (see help quote)');
    expect(problem('quote --order size').message).toBe('--order must be one of date, speaker (see help quote)');
    expect(ran('quote --order DATE').options).toEqual({ order: 'date' });
  });

  it('rejects free text for a command that takes none, when typed as a command', () => {
    expect(problem('/sources now please')).toEqual({ code: 'unexpected-text', message: 'unexpected "now" for "sources" (see help sources)' });
  });

  it('answers a 4,000-character argument with a short one-line message', () => {
    const long = 'dredging '.repeat(445);
    for (const text of [`/ask ${long}`, long, `quote --speaker "${long}"`]) {
      const { code, message } = problem(text);
      expect(code).toBe('too-long');
      expect(message.length).toBeLessThan(160);
      expect(message).not.toContain('\n');
    }
  });

  it('finds nothing to do in blank text, an emoji or punctuation', () => {
    for (const text of ['', '   ', '\n\t', '🙂', '👍🏽🎉', '???', '/']) expect(parseChatText(text, commands)).toEqual({ kind: 'empty' });
  });

  it('keeps repeated values of an option that takes several', () => {
    const tag: CommandDefinition = { ...sourcesFake, name: 'label', options: [{ name: 'as', type: 'string', description: 'label', multiple: true }] };
    expect(ran('label --as one --as "two words"', [tag]).options).toEqual({ as: ['one', 'two words'] });
  });

  it('reads right-to-left text and FTS-like operators as plain words of a question', () => {
    expect(ran('ما هو هواوي؟').name).toBe('ask');
    expect(ran('huawei NEAR(ban) OR "5G*" -uk ^x').options).toEqual({ question: 'huawei NEAR(ban) OR "5G*" -uk ^x' });
  });
});

describe('parseCommandText', () => {
  it('reads the options of a command the platform already named', () => {
    expect(parseCommandText(quoteFake, 'Kowalczyk --limit 3', commands)).toEqual({
      kind: 'command',
      command: quoteFake,
      options: { speaker: 'Kowalczyk', limit: 3 },
    });
  });

  it('reports a missing required option with the command’s help', () => {
    expect(parseCommandText(askFake, '   ', commands)).toMatchObject({
      kind: 'problem',
      problem: { code: 'missing-option', message: '"ask" needs QUESTION (see help ask)' },
    });
  });

  it('never sends the text elsewhere', () => {
    expect(parseCommandText(briefFake, 'what happened?', commands)).toMatchObject({
      kind: 'command',
      command: briefFake,
      options: { topic: 'what happened?' },
    });
  });
});
