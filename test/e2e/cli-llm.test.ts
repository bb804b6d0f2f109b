/**
 * The real `briefbot` executable with an LLM endpoint configured (the fake OpenAI server on
 * 127.0.0.1): `--json` says which mode produced the answer, and an endpoint that is down
 * still gives the extractive answer, a log line and exit 0.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/config.ts';
import { answer } from '../fakes/openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai/fake-openai-server.ts';
import { copyablePassages, faithful } from '../unit/llm/scripted-model.ts';

const BIN = resolve(PROJECT_ROOT, 'bin/briefbot.js');
const QUESTION = 'How much did Huawei add to UK GDP?';

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function briefbot(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const clean = { ...process.env };
  for (const key of Object.keys(clean)) if (key.startsWith('BRIEFBOT_') || key.startsWith('OPENAI_') || key === 'LOG_LEVEL') delete clean[key];
  return new Promise((done) => {
    execFile(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, env: { ...clean, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let fake: FakeOpenAI;
let dir: string;
let db: string;
const llm = () => ({ OPENAI_BASE_URL: fake.url, BRIEFBOT_LLM_MODEL: 'fake-model', BRIEFBOT_LLM_TIMEOUT_MS: '1000' });

beforeAll(async () => {
  fake = await startFakeOpenAI();
  dir = mkdtempSync(join(tmpdir(), 'briefbot-cli-llm-'));
  db = join(dir, 'briefbot.db');
  const ingest = await briefbot(['--db', db, 'ingest', resolve(PROJECT_ROOT, 'seeds'), '--json']);
  expect(ingest.code, ingest.stderr).toBe(0);
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(() => fake.reset());

describe('briefbot with an LLM endpoint', () => {
  it('ask --json reports mode llm, with the written text and its citations', async () => {
    fake.route((request) => answer(copyablePassages(request).slice(0, 2).map(faithful).join(' ')));
    const run = await briefbot(['--db', db, 'ask', QUESTION, '--json'], llm());
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.mode).toBe('llm');
    expect(json.question).toBe(QUESTION);
    expect(json.citations.length).toBeGreaterThan(0);
    expect(json.text).toMatch(/\[1\]/);
    expect(fake.completions).toHaveLength(1);
  });

  it('brief --json reports mode llm, each point cited', async () => {
    fake.route((request) => answer(copyablePassages(request).slice(0, 3).map(faithful).join(' ')));
    const run = await briefbot(['--db', db, 'brief', '--json'], llm());
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.mode).toBe('llm');
    for (const point of json.points) expect(point.citations.length).toBeGreaterThan(0);
  });

  it('keeps the day’s token count beside the database', async () => {
    fake.route((request) => answer(copyablePassages(request).slice(0, 2).map(faithful).join(' '), { usage: { prompt_tokens: 900, completion_tokens: 60 } }));
    const env = { ...llm(), BRIEFBOT_LLM_DAILY_TOKENS: '500' };
    // Earlier tests spent tokens today too: start the day afresh.
    rmSync(`${db}.llm-tokens.json`, { force: true });
    const spent = await briefbot(['--db', db, 'ask', QUESTION, '--json'], env);
    expect(JSON.parse(spent.stdout).mode).toBe('llm');
    const over = await briefbot(['--db', db, 'ask', QUESTION, '--json'], env);
    expect(over.code, over.stderr).toBe(0);
    expect(JSON.parse(over.stdout).mode).toBe('extractive');
    expect(fake.completions).toHaveLength(1);
    rmSync(`${db}.llm-tokens.json`, { force: true });
  });

  it('answers extractively, exit 0, with a log line, when the endpoint is down', async () => {
    const run = await briefbot(['--db', db, 'ask', QUESTION, '--json'], { ...llm(), OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.mode).toBe('extractive');
    expect(json.citations.length).toBeGreaterThan(0);
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { level: number; code?: string; msg: string });
    expect(lines.some((line) => line.level === 40 && line.code === 'unavailable' && line.msg.includes('127.0.0.1:9'))).toBe(true);
  });

  it('says mode extractive with no LLM variable set, and prints the text view unchanged', async () => {
    const run = await briefbot(['--db', db, 'ask', QUESTION, '--json']);
    expect(JSON.parse(run.stdout).mode).toBe('extractive');
    const text = await briefbot(['--db', db, 'ask', QUESTION]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Extractive answer');
    expect(fake.requests).toHaveLength(0);
  });
});
