/**
 * When the writer cannot be used, `ask` posts the extractive answer with a short note, a
 * clear log line says why, and the bot keeps serving: a broken, slow, rate-limited or
 * foreign endpoint, an endpoint that is down, and a spent daily token budget. The real
 * `openai` package talks to the fake OpenAI server on 127.0.0.1.
 */
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/core/compose/answer.ts';
import { dispatch } from '../../src/core/dispatch.ts';
import { createStoryView } from '../../src/core/retrieve/story-view.ts';
import type { Reply } from '../../src/core/reply.ts';
import { createProseWriter, ledgerPathFor } from '../../src/llm/index.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { answer, delayed, emptyCompletion, htmlPage, malformedJson, rateLimited, serverError, stall, type FakeBehaviour } from '../fakes/openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai/fake-openai-server.ts';
import { recordingLogger, type LogEntry } from '../unit/llm/recording-logger.ts';
import { copyablePassages, faithful } from '../unit/llm/scripted-model.ts';
import { API_KEY, command, fakeWriter, llmConfig, onBothPlatforms, seedStoryWithPlantedInstruction, writerContext } from '../unit/llm/seed-story.ts';

const QUESTION = 'How much did Huawei add to UK GDP?';
const TIMEOUT_MS = 1000;

let fake: FakeOpenAI;
let store: Store;
let extractive: Reply;

beforeAll(async () => {
  [fake, store] = await Promise.all([startFakeOpenAI(), seedStoryWithPlantedInstruction()]);
  extractive = await answerQuestion(QUESTION, createStoryView(store));
});
afterAll(async () => {
  await fake.close();
  await store.close();
});
beforeEach(() => fake.reset());

const faithfulModel = () =>
  fake.route((request) => answer(copyablePassages(request).slice(0, 2).map(faithful).join(' '), { usage: { prompt_tokens: 900, completion_tokens: 60 } }));

/** The warning the writer logged when it gave up, with its code. */
function givingUp(entries: readonly LogEntry[]): { code: string; message: string } | undefined {
  const entry = entries.find((e) => e.level === 'warn' && 'code' in e.fields);
  return entry ? { code: String((entry.fields as { code: unknown }).code), message: entry.message ?? '' } : undefined;
}

/** The extractive answer, the same as without a writer, with the note on top. */
function expectExtractiveWithNote(reply: Reply, note: RegExp): void {
  expect(reply.mode).toBe('extractive');
  expect(reply.data?.['mode']).toBe('extractive');
  expect(reply.parts).toEqual(extractive.parts);
  expect(reply.citations).toEqual(extractive.citations);
  expect(reply.notice).toMatch(note);
  // Both platforms show the note with the answer.
  const { slack, discord } = onBothPlatforms(reply);
  expect(slack).toContain('Written answer unavailable');
  expect(discord).toContain('Written answer unavailable');
}

const CASES: readonly { name: string; behaviours: () => FakeBehaviour[]; model?: string; code: string; note: RegExp; log: RegExp }[] = [
  { name: 'a timeout', behaviours: () => [delayed(5_000, answer('Too late [1].'))], code: 'timeout', note: /\(timeout\)/, log: /1000 ms/ },
  {
    name: 'a stalled stream',
    behaviours: () => [stall('Huawei boosted the UK economy by a great deal and', 30)],
    code: 'stalled',
    note: /stopped answering/,
    log: /./,
  },
  {
    name: 'a 500 on every attempt',
    behaviours: () => [serverError(500), serverError(500), serverError(500)],
    code: 'unavailable',
    note: /endpoint unavailable/,
    log: /500|attempts/,
  },
  { name: 'a 429 whose retry-after passes the timeout', behaviours: () => [rateLimited(30)], code: 'rate-limited', note: /rate limited/, log: /./ },
  { name: 'malformed JSON', behaviours: () => [malformedJson()], code: 'malformed-response', note: /unreadable response/, log: /./ },
  { name: 'an empty completion', behaviours: () => [emptyCompletion()], code: 'empty-completion', note: /empty response/, log: /./ },
  { name: 'an unknown model name', behaviours: () => [], model: 'no-such-model', code: 'unknown-model', note: /unknown model/, log: /no-such-model/ },
  {
    name: 'a server that is not an OpenAI API',
    behaviours: () => [htmlPage()],
    code: 'not-openai',
    note: /not an OpenAI-compatible API/,
    log: /OPENAI_BASE_URL/,
  },
];

describe.each(CASES)('with $name', ({ behaviours, model, code, note, log: logPattern }) => {
  it('posts the extractive answer with a note, logs why once, and keeps serving', async () => {
    fake.enqueue(...behaviours());
    const log = recordingLogger();
    const writer = fakeWriter(fake.url, log, model ? { model } : {});
    const { context, partials } = writerContext(store, log, writer);
    const result = await dispatch(command('ask'), { question: QUESTION }, context);
    expect(result.outcome).toBe('ok');
    expectExtractiveWithNote(result.reply, note);
    expect(partials).toEqual([]);
    const warning = givingUp(log.entries);
    expect(warning?.code).toBe(code);
    expect(warning?.message).toMatch(logPattern);
    expect(
      log.entries.some((e) => e.message === 'posting the extractive reply instead of a written one' && (e.fields as { reason?: string }).reason === code),
    ).toBe(true);
    expect(JSON.stringify(log.entries)).not.toContain(API_KEY);

    // The same writer answers the next question once the endpoint behaves.
    if (model) return;
    faithfulModel();
    const next = await dispatch(command('ask'), { question: QUESTION }, context);
    expect(next.reply.mode).toBe('llm');
  });
});

/** A port on 127.0.0.1 with nothing listening. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('with the endpoint down', () => {
  it('posts the extractive answer within the timeout plus one second when nothing listens', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;
    const log = recordingLogger();
    const { context } = writerContext(store, log, fakeWriter(url, log, { timeoutMs: TIMEOUT_MS }));
    const started = performance.now();
    const { reply } = await dispatch(command('ask'), { question: QUESTION }, context);
    const ms = performance.now() - started;
    expectExtractiveWithNote(reply, /endpoint unavailable|timeout/);
    expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
    expect(givingUp(log.entries)?.message).toContain(url.replace(/\/v1$/, ''));
  });

  it('posts the extractive answer within the timeout plus one second when the server never answers', async () => {
    const sockets = new Set<net.Socket>();
    const silent = http.createServer(() => {});
    silent.on('connection', (socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/v1`;
      const log = recordingLogger();
      const { context } = writerContext(store, log, fakeWriter(url, log, { timeoutMs: TIMEOUT_MS }));
      const started = performance.now();
      const { reply } = await dispatch(command('ask'), { question: QUESTION }, context);
      const ms = performance.now() - started;
      expectExtractiveWithNote(reply, /\(timeout\)/);
      expect(ms).toBeLessThan(TIMEOUT_MS + 1000);
      expect(givingUp(log.entries)?.code).toBe('timeout');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

describe('with the daily token budget', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-budget-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('falls back once the day’s tokens are spent, without asking the endpoint, across restarts, until the next UTC day', async () => {
    const ledgerFile = ledgerPathFor(join(dir, 'briefbot.db'))!;
    let now = new Date('2019-05-14T23:00:00Z');
    const clock = { now: () => now };
    const log = recordingLogger();
    const budget = { dailyTokens: 500 };
    faithfulModel();

    const first = writerContext(store, log, fakeWriter(fake.url, log, budget, { ledgerFile, clock }), clock);
    expect((await dispatch(command('ask'), { question: QUESTION }, first.context)).reply.mode).toBe('llm');
    expect(fake.completions).toHaveLength(1);

    const spent = await dispatch(command('ask'), { question: QUESTION }, first.context);
    expectExtractiveWithNote(spent.reply, /daily token budget spent/);
    expect(fake.completions).toHaveLength(1);
    expect(givingUp(log.entries)?.code).toBe('budget-exhausted');

    // A new process reads the same ledger beside the database.
    const restarted = writerContext(store, log, fakeWriter(fake.url, log, budget, { ledgerFile, clock }), clock);
    expect((await dispatch(command('ask'), { question: QUESTION }, restarted.context)).reply.mode).toBe('extractive');
    expect(fake.completions).toHaveLength(1);

    now = new Date('2019-05-15T00:30:00Z');
    expect((await dispatch(command('ask'), { question: QUESTION }, restarted.context)).reply.mode).toBe('llm');
    expect(fake.completions).toHaveLength(2);
  });

  it('gives no writer at all when no endpoint is configured', () => {
    expect(createProseWriter(undefined, { log: recordingLogger() })).toBeUndefined();
    expect(createProseWriter(llmConfig(fake.url), { log: recordingLogger() })?.label).toBe(`fake-model at ${fake.url}`);
  });
});
