/**
 * The process-wide guard, in a process of its own (a test runner has its own handler): a
 * promise rejected with nothing listening is logged with its cause, and the process goes on.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';

describe('the unhandled-rejection guard', () => {
  it('logs the rejection with its cause, once, and keeps the process serving', async () => {
    const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((done) => {
      execFile(
        process.execPath,
        [resolve(PROJECT_ROOT, 'bin/run-ts.js'), resolve(PROJECT_ROOT, 'test/e2e/fixtures/unhandled-rejection.ts')],
        { cwd: PROJECT_ROOT, timeout: 30_000 },
        (error, stdout, stderr) => done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('still serving\n');
    const logged = run.stderr
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message?: string } });
    expect(logged).toEqual([
      expect.objectContaining({
        level: 50,
        msg: 'a promise was rejected and nothing handled it; still serving',
        err: expect.objectContaining({ message: 'a library forgot to catch this' }),
      }),
    ]);
  });
});
