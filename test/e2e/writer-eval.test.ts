/**
 * `npm run eval -- --writer llm`, as a user runs it: the real script in a child process, with
 * the endpoint set to the fake OpenAI server on 127.0.0.1, and with no endpoint at all.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { answer } from '../fakes/openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai/fake-openai-server.ts';
import { copyablePassages, faithful } from '../unit/llm/scripted-model.ts';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function evalScript(args: readonly string[], env: Record<string, string>): Promise<Run> {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) if (key.startsWith('BRIEFBOT_') || key.startsWith('OPENAI_') || key === 'LOG_LEVEL') delete clean[key];
  return new Promise((done) => {
    execFile(
      process.execPath,
      [resolve(PROJECT_ROOT, 'bin/run-ts.js'), 'scripts/eval.ts', ...args],
      { cwd: PROJECT_ROOT, env: { ...clean, ...env }, timeout: 120_000 },
      (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

describe('npm run eval -- --writer llm', () => {
  it('says that no endpoint is configured, and exits 0', async () => {
    const run = await evalScript(['--writer', 'llm'], {});
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^No LLM endpoint is configured \(set OPENAI_BASE_URL/);
    expect(fake.requests).toHaveLength(0);
  });

  it('runs the seed questions through the configured endpoint and prints the share of sentences that passed', async () => {
    // Each answer: the passages the model may copy faithfully, then one sentence with no citation.
    let faithfulCount = 0;
    let badCount = 0;
    fake.route((request) => {
      const good = copyablePassages(request).slice(0, 2).map(faithful);
      faithfulCount += good.length;
      badCount += 1;
      return answer([...good, 'Huawei has opened a research campus in the Scottish Highlands.'].join(' '));
    });
    const run = await evalScript(['--writer', 'llm'], { OPENAI_BASE_URL: fake.url, BRIEFBOT_LLM_MODEL: 'fake-model' });
    expect(run.code, run.stderr).toBe(0);
    expect(fake.completions.length).toBeGreaterThanOrEqual(5);
    expect(run.stdout).toContain(`Writer: fake-model at ${fake.url}`);
    const written = faithfulCount + badCount;
    const share = Math.round((faithfulCount / written) * 100);
    expect(run.stdout).toContain(`Sentences that passed the checker: ${faithfulCount}/${written} (${share}%)`);
    expect(run.stdout).toContain('What did Gavin Williamson say about Huawei?');
  });

  it('exits 1 with the reason in the log when the endpoint fails on every question', async () => {
    const run = await evalScript(['--writer', 'llm'], { OPENAI_BASE_URL: fake.url, BRIEFBOT_LLM_MODEL: 'no-such-model' });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/Questions the endpoint failed on: (\d+)\/\1/);
    expect(run.stderr).toContain('no-such-model');
  });
});
