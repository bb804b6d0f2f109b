/**
 * `npm start` (bin/start.js, the whole process) against the fake Slack and Discord when they
 * refuse a token: one line on stderr naming the variable to check, no stack, exit 1. When the
 * platform is unreachable instead, the bot keeps trying (and a signal still stops it cleanly).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { FakeDiscord } from '../fakes/discord/index.ts';
import { WORLD } from '../fakes/discord/client-harness.ts';
import { FakeSlack } from '../fakes/slack/index.ts';

const START = resolve(PROJECT_ROOT, 'bin/start.js');

interface Run {
  readonly code: number | null;
  readonly stderr: string;
}

let dir: string;
let db: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-start-refused-'));
  db = join(dir, 'briefbot.db');
  // An indexed database, so nothing but the platform has anything to say at start.
  const store = openSqliteStore(db);
  await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: { now: () => new Date() }, log: silentLogger });
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `npm start`'s entry with only these settings; stops it with SIGTERM once `until` is seen on stderr. */
function start(settings: Record<string, string>, until?: RegExp): Promise<Run> {
  return new Promise((done, fail) => {
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, BRIEFBOT_DB: db, ...settings };
    const child = spawn(process.execPath, [START], { cwd: dir, env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    let signalled = false;
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      // Once: a second signal is the user insisting, and ends the process at once.
      if (!signalled && until?.test(stderr)) {
        signalled = true;
        child.kill('SIGTERM');
      }
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

const lines = (stderr: string) => stderr.split('\n').filter((line) => line !== '');

describe('npm start with a token the platform refuses', () => {
  it('says in one line that Slack refused SLACK_BOT_TOKEN, and exits 1', async () => {
    const fake = await FakeSlack.start();
    try {
      const run = await start({ SLACK_BOT_TOKEN: 'xoxb-not-the-right-one', SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: fake.apiUrl, SLACK_PORT: '0' });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([
        expect.stringMatching(/^briefbot: Slack refused SLACK_BOT_TOKEN \(invalid_auth\): set it to the Bot User OAuth Token/),
      ]);
      expect(run.stderr).not.toContain('xoxb-not-the-right-one');
    } finally {
      await fake.stop();
    }
  });

  it('says in one line that Slack refused SLACK_APP_TOKEN in Socket Mode, and exits 1', async () => {
    const fake = await FakeSlack.start();
    try {
      const run = await start({ SLACK_BOT_TOKEN: fake.botToken, SLACK_APP_TOKEN: 'xapp-not-the-right-one', SLACK_API_URL: fake.apiUrl });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/^briefbot: Slack refused SLACK_APP_TOKEN \(invalid_auth\): set it to an app-level token/)]);
    } finally {
      await fake.stop();
    }
  });

  it('says in one line that Discord refused DISCORD_TOKEN, and exits 1', async () => {
    const fake = await FakeDiscord.start(WORLD);
    try {
      const run = await start({ DISCORD_TOKEN: 'not-the-right-token', DISCORD_API_URL: fake.apiUrl });
      expect(run.code).toBe(1);
      expect(lines(run.stderr)).toEqual([expect.stringMatching(/^briefbot: Discord refused DISCORD_TOKEN \(401 Unauthorized\): copy the token again/)]);
    } finally {
      await fake.stop();
    }
  });

  it('keeps trying when Slack cannot be reached, saying so, and still stops cleanly on SIGTERM', async () => {
    const fake = await FakeSlack.start();
    const apiUrl = fake.apiUrl;
    await fake.stop();
    const run = await start({ SLACK_BOT_TOKEN: 'xoxb-any', SLACK_APP_TOKEN: 'xapp-any', SLACK_API_URL: apiUrl }, /reconnecting to Slack in 2 s/);
    expect(run.code).toBe(0);
    const logged = lines(run.stderr).map((line) => JSON.parse(line) as { msg: string; cause?: string });
    expect(logged.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['cannot reach Slack', 'reconnecting to Slack in 1 s', 'reconnecting to Slack in 2 s', 'shutting down']),
    );
    expect(logged.find((line) => line.msg === 'cannot reach Slack')?.cause).toMatch(/ECONNREFUSED/);
  });

  it('keeps trying when Discord cannot be reached, saying so, and still stops cleanly on SIGTERM', async () => {
    const fake = await FakeDiscord.start(WORLD);
    const apiUrl = fake.apiUrl;
    await fake.stop();
    const run = await start({ DISCORD_TOKEN: 'any-token', DISCORD_API_URL: apiUrl }, /reconnecting to Discord in 2 s/);
    expect(run.code).toBe(0);
    const logged = lines(run.stderr).map((line) => JSON.parse(line) as { msg: string });
    expect(logged.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['cannot reach Discord', 'reconnecting to Discord in 1 s', 'reconnecting to Discord in 2 s', 'shutting down']),
    );
  });
});
