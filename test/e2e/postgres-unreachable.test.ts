/**
 * DATABASE_URL pointing at a port where no PostgreSQL listens: the CLI and `npm start` each
 * say so in one line naming the host and port (never the password in the URL) and exit
 * non-zero, rather than hanging or printing a stack.
 */
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

const BIN = resolve(PROJECT_ROOT, 'bin/briefbot.js');
const START = resolve(PROJECT_ROOT, 'bin/start.js');
const PASSWORD = 'hunter2-secret';

let url: string;
let hostPort: string;

/** A port that was free a moment ago and has nothing listening now. */
function closedPort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') return fail(new Error('no port'));
      server.close(() => done(address.port));
    });
  });
}

function env(): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, DATABASE_URL: url };
}

beforeAll(async () => {
  const port = await closedPort();
  hostPort = `127.0.0.1:${port}`;
  url = `postgres://briefbot:${PASSWORD}@${hostPort}/briefbot`;
});

describe('PostgreSQL unreachable at start', () => {
  it('makes the CLI fail with one line naming the host, not the password', async () => {
    const run = await new Promise<{ code: number; stderr: string }>((done) => {
      execFile(process.execPath, [BIN, 'sources'], { cwd: PROJECT_ROOT, env: env(), timeout: 60_000 }, (error, _stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stderr });
      });
    });
    expect(run.code).not.toBe(0);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(hostPort);
    expect(lines[0]).toMatch(/cannot (open|reach)/);
    expect(run.stderr).not.toContain(PASSWORD);
  });

  it('makes the bot exit non-zero with the same line', async () => {
    const run = await new Promise<{ code: number | null; stderr: string }>((done, fail) => {
      const child = spawn(process.execPath, [START], { cwd: PROJECT_ROOT, env: env(), stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
      child.on('error', fail);
      child.on('close', (code) => {
        clearTimeout(timer);
        done({ code, stderr });
      });
    });
    expect(run.code).not.toBe(0);
    expect(run.code).not.toBeNull();
    expect(run.stderr).toContain(hostPort);
    expect(run.stderr).not.toContain(PASSWORD);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});
