import { describe, expect, it } from 'vitest';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { parseCommandLine, UsageError } from '../../../src/adapters/cli/parse-args.ts';
import { commandHelp, generalHelp } from '../../../src/adapters/cli/help.ts';

const reply = async () => ({ parts: [], citations: [] });

const commands: CommandDefinition[] = [
  {
    name: 'quotes',
    description: 'List quotations',
    options: [
      { name: 'speaker', type: 'string', description: 'by this speaker', maxLength: 10 },
      { name: 'limit', type: 'integer', description: 'at most this many', min: 1, max: 50 },
      { name: 'order', type: 'string', description: 'sort order', choices: ['date', 'speaker'] },
      { name: 'full', type: 'boolean', description: 'whole paragraphs' },
    ],
    examples: ['quotes --speaker Liang'],
    surfaces: ['cli'],
    run: reply,
  },
  {
    name: 'show',
    description: 'Show an article',
    options: [{ name: 'id', type: 'string', description: 'article id', rest: true, required: true }],
    examples: ['show politics/001'],
    surfaces: ['cli'],
    run: reply,
  },
  {
    name: 'ingest',
    description: 'Index articles',
    options: [{ name: 'paths', type: 'string', description: 'files or folders', rest: true, multiple: true, required: true }],
    examples: ['ingest seeds/'],
    surfaces: ['cli'],
    run: reply,
  },
];

const usageMessage = (argv: string[]): string => {
  try {
    parseCommandLine(argv, commands);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('parseCommandLine', () => {
  it('reads typed options for the named command', () => {
    const parsed = parseCommandLine(['quotes', '--speaker', 'Liang', '--limit', '5', '--full', '--order', 'date'], commands);
    expect(parsed).toMatchObject({ kind: 'run', options: { speaker: 'Liang', limit: 5, full: true, order: 'date' } });
    expect(parsed.kind === 'run' && parsed.command.name).toBe('quotes');
  });

  it('accepts global options before or after the command', () => {
    const parsed = parseCommandLine(['--db', 'x.db', 'quotes', '--json'], commands);
    expect(parsed.global).toEqual({ db: 'x.db', json: true });
    expect(parseCommandLine(['quotes', '--db=y.db'], commands).global.db).toBe('y.db');
  });

  it('joins positional words into a rest option', () => {
    expect(parseCommandLine(['show', 'politics/001'], commands)).toMatchObject({ options: { id: 'politics/001' } });
  });

  it('keeps positional words as a list for a rest option that takes several values', () => {
    expect(parseCommandLine(['ingest', 'a dir/', 'b.txt'], commands)).toMatchObject({ options: { paths: ['a dir/', 'b.txt'] } });
  });

  it('asks for help when --help is given or no command is', () => {
    expect(parseCommandLine(['quotes', '--help'], commands)).toMatchObject({ kind: 'help', asked: true });
    expect(parseCommandLine(['-h'], commands)).toMatchObject({ kind: 'help', command: null, asked: true });
    expect(parseCommandLine([], commands)).toMatchObject({ kind: 'help', command: null, asked: false });
  });

  it('rejects an unknown command, suggesting a close one', () => {
    expect(usageMessage(['quots'])).toBe('unknown command "quots": did you mean quotes?');
  });

  it('rejects an unknown option in one line naming it', () => {
    expect(usageMessage(['quotes', '--speeker', 'x'])).toBe('unknown option --speeker for "quotes" (see briefbot quotes --help)');
  });

  it('rejects a missing value, a bad number, a value out of range or not among the choices', () => {
    expect(usageMessage(['quotes', '--speaker'])).toMatch(/^option --speaker needs a value/);
    expect(usageMessage(['quotes', '--limit', 'ten'])).toMatch(/^--limit must be a whole number, not "ten"/);
    expect(usageMessage(['quotes', '--limit', '0'])).toMatch(/^--limit must be at least 1/);
    expect(usageMessage(['quotes', '--limit', '51'])).toMatch(/^--limit must be at most 50/);
    expect(usageMessage(['quotes', '--order', 'size'])).toMatch(/^--order must be one of date, speaker/);
    expect(usageMessage(['quotes', '--speaker', 'x'.repeat(11)])).toMatch(/longer than 10 characters/);
  });

  it('rejects a missing required argument and stray positional words', () => {
    expect(usageMessage(['show'])).toBe('"show" needs ID (see briefbot show --help)');
    expect(usageMessage(['quotes', 'extra'])).toMatch(/^unexpected argument "extra" for "quotes"/);
  });

  it('never lets a message run over one line', () => {
    for (const argv of [['quotes', '--x'], ['quotes', '--db'], ['nope'], ['show'], ['quotes', '--full=yes']]) {
      expect(usageMessage(argv)).not.toContain('\n');
    }
  });
});

describe('help', () => {
  it('lists every command with its description', () => {
    const text = generalHelp(commands);
    for (const command of commands) expect(text).toContain(command.description);
    expect(text).toContain('--db FILE');
  });

  it('shows a command’s usage, options and examples from its definition', () => {
    const text = commandHelp(commands[0]!);
    expect(text).toContain('Usage: briefbot quotes [--speaker SPEAKER] [--limit N] [--order ORDER] [--full]');
    expect(text).toContain('one of date, speaker');
    expect(text).toContain('briefbot quotes --speaker Liang');
    expect(commandHelp(commands[2]!)).toContain('Usage: briefbot ingest PATHS…');
  });
});
