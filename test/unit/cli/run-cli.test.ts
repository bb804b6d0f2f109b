/**
 * The CLI runner in-process, with its streams captured: what a user reads for articles that
 * are duplicates or removed, and that failures of our own never show a stack.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../../commands/index.ts';
import type { CommandDefinition } from '../../../src/core/command.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { runCli } from '../../../src/adapters/cli/run-cli.ts';
import { tempFolder } from '../ingest/helpers.ts';

describe('runCli', () => {
  let folder: ReturnType<typeof tempFolder>;
  let db: string;
  beforeEach(() => {
    folder = tempFolder();
    db = join(folder.dir, 'cli.db');
    folder.write('corpus/first.txt', 'A headline\n\nThe same body text, word for word.\n');
    folder.write('corpus/second.txt', 'A headline\n\nThe same body text, word for word.\n');
    folder.write('corpus/other.txt', 'Another headline\n\nA different body.\n');
  });
  afterEach(() => folder.cleanup());

  async function run(argv: string[], list: readonly CommandDefinition[] = commands) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(
      {
        argv: ['--db', db, ...argv],
        env: {},
        cwd: folder.dir,
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
        log: silentLogger,
      },
      list,
    );
    return { code, stdout, stderr };
  }

  it('says that a duplicate is indexed under the id that came first', async () => {
    await run(['ingest', join(folder.dir, 'corpus')]);
    const shown = await run(['show', 'second']);
    expect(shown.code).toBe(1);
    expect(shown.stderr).toBe('briefbot: Article "second" is an exact duplicate of "first", which is indexed instead.\n');
  });

  it('says that a removed article was removed', async () => {
    await run(['ingest', join(folder.dir, 'corpus')]);
    rmSync(join(folder.dir, 'corpus', 'other.txt'));
    await run(['ingest', join(folder.dir, 'corpus')]);
    const shown = await run(['show', 'other']);
    expect(shown.stderr).toBe('briefbot: Article "other" was removed: its file is gone or no longer readable.\n');
  });

  it('turns an unexpected failure into one line with an error id, and no stack', async () => {
    const broken: CommandDefinition = {
      name: 'boom',
      description: 'Always fails',
      options: [],
      examples: [],
      surfaces: ['cli'],
      run: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    };
    await run(['ingest', join(folder.dir, 'corpus')]);
    const result = await run(['boom'], [...commands, broken]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^briefbot: something went wrong running "boom" \(error [0-9a-f]{8}; the log on stderr has the details\)\n$/);
  });

  it.each([
    [['quote', '--limit', '-3'], /^briefbot: --limit must be at least 1 \(see briefbot quote --help\)\n$/],
    [['help', 'nope'], /^briefbot: No command called "nope"\./],
    [['digest', 'subscribe', '25:00', '--channel', 'slack:C0123'], /^briefbot: "25:00" is not a time I can schedule/],
    [['digest', 'subscribe', '09:00', 'Mars/Olympus', '--channel', 'slack:C0123'], /^briefbot: "Mars\/Olympus" is not a time zone I know/],
    [['digest', 'subscribe', '09:00', '--days', 'someday', '--channel', 'slack:C0123'], /^briefbot: "someday" is not a set of days/],
    [['digest', 'subscribe', '09:00', '--channel', 'C0123'], /^briefbot: "C0123" is not a channel: give PLATFORM:ID/],
    [['digest', 'subscribe', '* * * * *', 'UTC', '--channel', 'slack:C0123'], /^briefbot: "\* \* \* \* \*" is not a schedule I can follow/],
  ])('exits 2 with one line for a command line to fix: %j', async (argv, message) => {
    await run(['ingest', join(folder.dir, 'corpus')]);
    const result = await run(argv);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(result.code).toBe(2);
  });

  it('exits 1, not 2, when the command line is right but nothing matches', async () => {
    await run(['ingest', join(folder.dir, 'corpus')]);
    expect((await run(['show', 'no-such-article'])).code).toBe(1);
  });

  it('colours its text only for a terminal, and not when NO_COLOR is set', async () => {
    await run(['ingest', join(folder.dir, 'corpus')]);
    const sources = async (env: Record<string, string>, isTTY: boolean) => {
      let stdout = '';
      const stdoutStream = { write: (t: string) => (stdout += t), isTTY, columns: 100 };
      await runCli({ argv: ['--db', db, 'sources'], env, cwd: folder.dir, stdout: stdoutStream, stderr: { write: () => true }, log: silentLogger }, commands);
      return stdout;
    };
    expect(await sources({}, true)).toContain('\u001b[1m');
    expect(await sources({ NO_COLOR: '1' }, true)).not.toContain('\u001b[');
    expect(await sources({}, false)).not.toContain('\u001b[');
  });

  it('creates the database file where --db says, relative to the working folder', async () => {
    let stdout = '';
    const code = await runCli(
      {
        argv: ['--db', 'nested/here.db', 'ingest', join(folder.dir, 'corpus'), '--json'],
        env: {},
        cwd: folder.dir,
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: () => true },
        log: silentLogger,
      },
      commands,
    );
    expect(code).toBe(0);
    expect(JSON.parse(stdout).added).toEqual(['first', 'other']);
    const again = await runCli(
      {
        argv: ['--db', join(folder.dir, 'nested', 'here.db'), 'sources', '--json'],
        env: {},
        cwd: '/',
        stdout: { write: (t: string) => (stdout = t) },
        stderr: { write: () => true },
        log: silentLogger,
      },
      commands,
    );
    expect(again).toBe(0);
    expect(JSON.parse(stdout).articles).toHaveLength(2);
  });
});
