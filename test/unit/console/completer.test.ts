import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionLookup } from '../../../src/adapters/console/completer.ts';
import { chatCommands } from '../dispatch/fake-commands.ts';

const commands = chatCommands();
const lookup: CompletionLookup = async (kind) =>
  kind === 'speaker' ? ['Ines Kowalczyk', 'Ian Kerr', 'Kerry Ode'] : ['courier-0412', 'ledger-7781', 'ledger-7790'];

describe('completeLine', () => {
  it('completes command names as the first word, with or without a slash', async () => {
    expect(await completeLine('so', commands, lookup)).toEqual([['sources'], 'so']);
    expect(await completeLine('/b', commands, lookup)).toEqual([['/brief'], '/b']);
    expect((await completeLine('', commands, lookup))[0]).toEqual(commands.map((c) => c.name));
  });

  it('offers the chat’s own words only after a slash', async () => {
    expect(await completeLine('/q', commands, lookup, ['/quit'])).toEqual([['/quote', '/quit'], '/q']);
    expect(await completeLine('q', commands, lookup, ['/quit'])).toEqual([['quote'], 'q']);
  });

  it('completes option names after a command', async () => {
    expect(await completeLine('quote --ar', commands, lookup)).toEqual([['--article'], '--ar']);
  });

  it('completes speakers for free text that takes a speaker, by any word of the name', async () => {
    expect(await completeLine('quote kow', commands, lookup)).toEqual([['Ines Kowalczyk'], 'kow']);
    expect(await completeLine('quote ker', commands, lookup)).toEqual([['Ian Kerr', 'Kerry Ode'], 'ker']);
    expect(await completeLine('quote Ines K', commands, lookup)).toEqual([['Ines Kowalczyk'], 'Ines K']);
  });

  it('completes article ids after an option that takes one, quoting values with spaces', async () => {
    expect(await completeLine('brief --article led', commands, lookup)).toEqual([['ledger-7781', 'ledger-7790'], 'led']);
    const speakerLookup: CompletionLookup = async () => ['Ines Kowalczyk'];
    const withFlag = chatCommands().map((c) =>
      c.name === 'quote' ? { ...c, options: c.options.map((o) => (o.name === 'article' ? { ...o, autocomplete: 'speaker' as const } : o)) } : c,
    );
    expect(await completeLine('quote --article "In', withFlag, speakerLookup)).toEqual([['"Ines Kowalczyk"'], '"In']);
  });

  it('offers nothing for a question or an unknown command', async () => {
    expect((await completeLine('ask who', commands, lookup))[0]).toEqual([]);
    expect((await completeLine('nope ke', commands, lookup))[0]).toEqual([]);
  });
});
