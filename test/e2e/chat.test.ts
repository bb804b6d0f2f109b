/**
 * `briefbot chat` with piped input: a scripted conversation on the seeds, one message per
 * line, each reply one line of JSON (`--json`), against a temporary database. Follow-ups are
 * answered from the right person and article; a question that stands alone is answered as the
 * CLI answers it; a second run carries the conversation on from the database.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const CLI = resolve(PROJECT_ROOT, 'bin/briefbot.js');
const ITV = '000_027e3a3643333b23';

interface Line {
  readonly command: string | null;
  readonly outcome: string;
  readonly title: string | null;
  readonly notice: string | null;
  readonly reply: {
    readonly citations?: readonly { readonly article: string; readonly text: string }[];
    readonly text?: string;
    readonly [key: string]: unknown;
  };
}

function env(db: string): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const key of Object.keys(clean))
    if (key.startsWith('BRIEFBOT_') || key.startsWith('SLACK_') || key.startsWith('DISCORD_') || key === 'LOG_LEVEL') delete clean[key];
  return { ...clean, BRIEFBOT_DB: db, BRIEFBOT_CORPUS: 'seeds' };
}

/** Runs `briefbot chat --json` over the lines, and parses one reply per output line. */
function chat(db: string, lines: readonly string[], extra: readonly string[] = []): Promise<{ code: number | null; replies: Line[]; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, 'chat', '--json', ...extra], { cwd: PROJECT_ROOT, env: env(db), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({
        code,
        replies: stdout
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((line) => JSON.parse(line) as Line),
        stderr,
      });
    });
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

function ask(db: string, question: string): Promise<unknown> {
  return new Promise((done, fail) => {
    execFile(process.execPath, [CLI, 'ask', question, '--json'], { cwd: PROJECT_ROOT, env: env(db), timeout: 60_000 }, (error, stdout) =>
      error ? fail(error) : done(JSON.parse(stdout)),
    );
  });
}

const articles = (line: Line) => [...new Set((line.reply.citations ?? []).map((c) => c.article))];

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-chat-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('briefbot chat, scripted', () => {
  it('answers eight turns of follow-ups from the right person and article, and a stand-alone question as the CLI does, then carries on after a restart', async () => {
    const db = join(dir, 'chat.db');
    const run = await chat(db, [
      'What did Gavin Williamson say about Huawei?',
      'why?',
      'what did he say next?',
      'and what did he say about Australia?',
      'source 1?',
      'What did Theresa May say about Huawei?',
      'who is she?',
      'Who founded Huawei?',
    ]);
    expect(run.code).toBe(0);
    const [first, why, next, australia, source, may, she, alone] = run.replies;
    expect(run.replies).toHaveLength(8);
    expect(first!.reply.text).toContain('Gavin Williamson');

    expect(why!.notice).toBe('Why? — following on from “What did Gavin Williamson say about Huawei?”');
    expect(why!.reply.text).toMatch(/^Gavin Williamson’s comments came after .* because of security concerns/);

    expect(next!.command).toBe('next-quote');
    expect(next!.title).toBe('Gavin Williamson, next');
    expect(articles(next!)).toEqual([ITV]);
    expect(next!.reply.citations![0]!.text).toMatch(/^“We’ve got to look at what partners such as Australia/);

    expect(australia!.notice).toBe('Reading “he” as Gavin Williamson.');
    expect(australia!.reply.text).toMatch(/^Gavin Williamson: “We’ve got to look at what partners such as Australia/);

    expect(source!.title).toBe('Source 1');
    expect(source!.reply).toMatchObject({ source: { n: 1, article: australia!.reply.citations![0]!.article } });

    expect(may!.reply.text).toContain('Theresa May');
    expect(she!).toMatchObject({ command: 'who', title: 'Theresa May (person)', notice: 'Reading “she” as Theresa May.' });

    expect(alone!.notice).toBeNull();
    expect(alone!.reply).toEqual(await ask(join(dir, 'fresh.db'), 'Who founded Huawei?'));

    const again = await chat(db, ['who is he?']);
    expect(again.replies[0]).toMatchObject({ command: 'who', title: 'Ren Zhengfei (person)', notice: 'Reading “he” as Ren Zhengfei.' });
  });

  it('keeps sessions apart, and answers a follow-up with nothing to follow politely', async () => {
    const db = join(dir, 'sessions.db');
    await chat(db, ['What did Jens Stoltenberg say?'], ['--session', 'one']);
    const other = await chat(db, ['why?'], ['--session', 'two']);
    expect(other.code).toBe(0);
    expect(other.replies[0]).toMatchObject({
      outcome: 'user-error',
      notice: 'There is no earlier question here for “why?” to follow on from: please ask the whole question.',
    });
  });
});
