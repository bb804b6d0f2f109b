/**
 * `npm start` with no platform tokens: the terminal chat, driven through piped stdin as a
 * script would drive it, against a temporary database indexed from seeds/ on first start.
 * The same line gives the same reply text in the chat as `briefbot <line>` does in the CLI.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { startFakeWebServer } from '../fakes/web/fake-web-server.ts';
import { FERRY, openNewsroom } from '../fakes/web/newsroom.ts';
import { HARBOUR } from '../fakes/web/pages.ts';

const START = resolve(PROJECT_ROOT, 'bin/start.js');
const CLI = resolve(PROJECT_ROOT, 'bin/briefbot.js');

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function env(db: string): NodeJS.ProcessEnv {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (key.startsWith('BRIEFBOT_') || key.startsWith('SLACK_') || key.startsWith('DISCORD_') || key === 'LOG_LEVEL') delete clean[key];
  }
  return { ...clean, BRIEFBOT_DB: db, BRIEFBOT_CORPUS: 'seeds' };
}

/**
 * Starts the bot, writes `input` to its stdin, and waits for the exit. Stdin is closed after
 * the input unless `keepOpen`, which instead sends SIGTERM once the first reply is out.
 */
function chat(db: string, input: string, options: { extraEnv?: Record<string, string>; keepOpen?: boolean } = {}): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [START], { cwd: PROJECT_ROOT, env: { ...env(db), ...options.extraEnv }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
      if (options.keepOpen) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
    if (options.keepOpen) child.stdin.write(input);
    else child.stdin.end(input);
  });
}

function cli(db: string, args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [CLI, ...args], { cwd: PROJECT_ROOT, env: env(db), timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('the terminal chat (npm start with piped input)', () => {
  let dir: string;
  let db: string;
  let first: Run;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-console-'));
    db = join(dir, 'briefbot.db');
    first = await chat(db, 'sources\nhelp\nsorces\nWho founded the company?\n🙂\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('indexes the default corpus on first start, saying so on stderr, and exits 0 at the end of input', () => {
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('no articles indexed yet; indexing');
    expect(first.stderr).toMatch(/5 added/);
    expect(first.stderr).not.toMatch(/\n\s+at /);
  });

  it('answers each line in turn, with no prompt or banner in the output', () => {
    const out = first.stdout;
    expect(out.startsWith('5 articles indexed\n')).toBe(true);
    const order = ['5 articles indexed', 'Commands', 'Unknown command "sorces": did you mean sources?', 'Ask me about the story in plain words.'];
    const positions = order.map((text) => out.indexOf(text));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(out).not.toContain('briefbot›');
    expect(out).not.toContain('Indexed:');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no escape sequence (ESC [) may reach a piped terminal chat.
    expect(out).not.toMatch(/\u001b\[/);
  });

  it('lists the chat commands in help, generated from their definitions', () => {
    for (const name of ['ask', 'sources', 'help']) expect(first.stdout).toMatch(new RegExp(`^${name}\\b`, 'm'));
    expect(first.stdout).not.toMatch(/^ingest\b/m);
  });

  it('gives the same reply text as the CLI for the same line', async () => {
    const [chatSources, cliSources] = await Promise.all([chat(db, 'sources\n'), cli(db, ['sources'])]);
    expect(cliSources.code).toBe(0);
    expect(chatSources.stdout).toBe(cliSources.stdout);
    const question = 'Who founded the company?';
    const [chatAnswer, cliAnswer] = await Promise.all([chat(db, `${question}\n`), cli(db, ['ask', question])]);
    expect(cliAnswer.code, cliAnswer.stderr).toBe(0);
    expect(chatAnswer.stdout).toBe(cliAnswer.stdout);
    expect(first.stdout).toContain(cliAnswer.stdout);
  });

  it('shuts down cleanly on SIGTERM while waiting for input', async () => {
    const run = await chat(db, 'sources\n', { keepOpen: true });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('5 articles indexed');
  });

  it('logs each command as a JSON line on stderr when LOG_LEVEL asks for info', async () => {
    const run = await chat(db, 'sources\n', { extraEnv: { LOG_LEVEL: 'info' } });
    const lines = run.stderr
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    expect(lines).toContainEqual(expect.objectContaining({ msg: 'dispatched', command: 'sources', outcome: 'ok' }));
    expect(run.stdout).not.toContain('"msg"');
  });

  it('leaves at /quit without reading further lines', async () => {
    const run = await chat(db, '/quit\nsources\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).not.toContain('indexing');
  });

  it('follows a feed added in the chat and answers from its articles; the CLI lists it with its health', async () => {
    const web = await startFakeWebServer();
    try {
      const site = openNewsroom(web);
      site.publish(HARBOUR);
      site.publish(FERRY);
      const feedDb = join(dir, 'feeds.db');
      const run = await chat(feedDb, `add ${site.feedUrl}\nHow many crossings a day will the ferry timetable add?\nfeeds\n`, {
        extraEnv: { BRIEFBOT_ALLOW_PRIVATE_URLS: '1' },
      });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toMatch(/Following Coastal Courier, checked every 15 minutes/);
      expect(run.stdout).toContain(`added: ${FERRY.title} — The Coastal Courier`);
      expect(run.stdout).toContain(`added: ${HARBOUR.title} — The Coastal Courier`);
      expect(run.stdout).toMatch(/four crossings a day/);
      expect(run.stdout).toMatch(/1 feed followed[\s\S]*last success: 20\d\d-/);
      const listed = await cli(feedDb, ['feeds', '--json']);
      expect(JSON.parse(listed.stdout).feeds).toMatchObject([{ url: site.feedUrl, title: 'Coastal Courier', failures: 0, itemsSeen: 2 }]);
    } finally {
      await web.close();
    }
  });

  it('refuses to fetch from a private address unless BRIEFBOT_ALLOW_PRIVATE_URLS is set', async () => {
    const run = await chat(join(dir, 'private.db'), 'add http://127.0.0.1:9/feed.xml\n');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/127\.0\.0\.1 is a loopback address, which briefbot does not fetch from/);
  });
});
