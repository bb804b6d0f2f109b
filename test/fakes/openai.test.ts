import OpenAI, { APIConnectionError, NotFoundError, RateLimitError, InternalServerError, APIConnectionTimeoutError } from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { answer, connectionReset, delayed, emptyCompletion, htmlPage, malformedJson, rateLimited, serverError, stall } from './openai/behaviours.ts';
import { startFakeOpenAI, type FakeOpenAI } from './openai/fake-openai-server.ts';

let fake: FakeOpenAI;
let client: OpenAI;

beforeAll(async () => {
  fake = await startFakeOpenAI({ models: ['fake-model', 'other-model'] });
  client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0, logLevel: 'off' });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const ask = { model: 'fake-model', messages: [{ role: 'user' as const, content: 'Who founded Huawei?' }] };

async function streamedText(options: { includeUsage: boolean }) {
  const stream = await client.chat.completions.create({ ...ask, stream: true, ...(options.includeUsage ? { stream_options: { include_usage: true } } : {}) });
  let text = '';
  let usage: unknown = null;
  let finish: string | null = null;
  for await (const chunk of stream) {
    text += chunk.choices[0]?.delta.content ?? '';
    finish = chunk.choices[0]?.finish_reason ?? finish;
    if (chunk.usage) usage = chunk.usage;
  }
  return { text, usage, finish };
}

describe('the fake OpenAI server', () => {
  it('listens on 127.0.0.1 and serves its model list to the real client', async () => {
    expect(new URL(fake.url).hostname).toBe('127.0.0.1');
    const models = await client.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['fake-model', 'other-model']);
  });

  it('answers a non-streaming completion with the scripted text and usage', async () => {
    fake.enqueue(answer('Ren Zhengfei founded it [1].', { usage: { prompt_tokens: 11, completion_tokens: 7 } }));
    const completion = await client.chat.completions.create({ ...ask, max_tokens: 50 });
    expect(completion.choices[0]?.message.content).toBe('Ren Zhengfei founded it [1].');
    expect(completion.usage?.total_tokens).toBe(18);
  });

  it('streams the scripted text in chunks and sends usage last when asked', async () => {
    fake.enqueue(answer('Ren Zhengfei founded it [1]. He was a PLA officer [2].', { chunkChars: 5 }));
    const { text, usage, finish } = await streamedText({ includeUsage: true });
    expect(text).toBe('Ren Zhengfei founded it [1]. He was a PLA officer [2].');
    expect(finish).toBe('stop');
    expect(usage).toMatchObject({ completion_tokens: 14 });
  });

  it('sends no usage chunk when the stream does not ask for it', async () => {
    fake.enqueue(answer('Huawei denied it [1].'));
    expect((await streamedText({ includeUsage: false })).usage).toBeNull();
  });

  it('records each request: model, messages, stream flag and max_tokens', async () => {
    fake.enqueue(answer('one'), answer('two'));
    await client.chat.completions.create({ ...ask, max_tokens: 42, temperature: 0.1 });
    await streamedText({ includeUsage: true });
    const [first, second] = fake.completions;
    expect(first).toMatchObject({
      model: 'fake-model',
      stream: false,
      maxTokens: 42,
      temperature: 0.1,
      messages: [{ role: 'user', content: 'Who founded Huawei?' }],
    });
    expect(second).toMatchObject({ stream: true, includeUsage: true, maxTokens: null });
    expect(first?.headers['authorization']).toBe('Bearer sk-test');
  });

  it('takes queued behaviours in order, then falls back to the default', async () => {
    fake.enqueue(answer('first'), answer('second'));
    fake.setDefault(answer('default'));
    const texts = [];
    for (let i = 0; i < 3; i++) texts.push((await client.chat.completions.create(ask)).choices[0]?.message.content);
    expect(texts).toEqual(['first', 'second', 'default']);
  });

  it('lets a route choose the behaviour from the request', async () => {
    fake.route((request) => (request.messages.some((m) => m.content.includes('PLA')) ? answer('routed') : undefined));
    fake.setDefault(answer('not routed'));
    const routed = await client.chat.completions.create({ ...ask, messages: [{ role: 'user', content: 'What is the PLA?' }] });
    const other = await client.chat.completions.create(ask);
    expect([routed.choices[0]?.message.content, other.choices[0]?.message.content]).toEqual(['routed', 'not routed']);
  });

  it('answers an unknown model with OpenAI’s 404 model_not_found error', async () => {
    const error = await client.chat.completions.create({ ...ask, model: 'gpt-nonexistent' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({ status: 404, code: 'model_not_found', type: 'invalid_request_error' });
    expect((error as Error).message).toContain('gpt-nonexistent');
  });

  it('answers 429 with a retry-after header', async () => {
    fake.enqueue(rateLimited(3));
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).headers.get('retry-after')).toBe('3');
  });

  it('answers 500 in OpenAI’s error shape', async () => {
    fake.enqueue(serverError(500));
    const error = await client.chat.completions.create(ask).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error).toMatchObject({ status: 500, type: 'server_error' });
  });

  it('sends malformed JSON, whole or streamed, which the client cannot parse', async () => {
    fake.enqueue(malformedJson(), malformedJson());
    await expect(client.chat.completions.create(ask)).rejects.toThrow(SyntaxError);
    await expect(streamedText({ includeUsage: false })).rejects.toThrow(SyntaxError);
  });

  it('sends an empty completion', async () => {
    fake.enqueue(emptyCompletion(), emptyCompletion());
    expect((await client.chat.completions.create(ask)).choices[0]?.message.content).toBe('');
    expect((await streamedText({ includeUsage: true })).text).toBe('');
  });

  it('answers like a web server that is not an OpenAI API: an HTML page with 200', async () => {
    fake.enqueue(htmlPage());
    const { response } = await client.chat.completions.create(ask).withResponse();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
  });

  it('waits before the first byte, so a client timeout fires', async () => {
    fake.enqueue(delayed(2_000, answer('late')));
    const started = performance.now();
    const error = await client.chat.completions.create(ask, { timeout: 150 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionTimeoutError);
    expect(performance.now() - started).toBeLessThan(1_500);
  });

  it('streams some chunks and then stalls with the connection open', async () => {
    fake.enqueue(stall('Huawei denied it [1]. And then', 20));
    const controller = new AbortController();
    const stream = await client.chat.completions.create({ ...ask, stream: true }, { signal: controller.signal });
    let text = '';
    const timer = setTimeout(() => controller.abort(), 300);
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    clearTimeout(timer);
    expect(text).toBe('Huawei denied it [1]');
    expect(controller.signal.aborted).toBe(true);
  });

  it('can drop the connection without answering', async () => {
    fake.enqueue(connectionReset());
    await expect(client.chat.completions.create(ask)).rejects.toBeInstanceOf(APIConnectionError);
  });
});
