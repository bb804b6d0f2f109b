/**
 * Writes one behaviour as an HTTP response, in the shapes the OpenAI API uses: a
 * `chat.completion` object, or server-sent events of `chat.completion.chunk` objects ending
 * with `data: [DONE]` (usage in a last, choice-less chunk when `stream_options.include_usage`).
 */
import type { ServerResponse } from 'node:http';
import type { FakeBehaviour, Usage } from './behaviours.ts';

export interface CompletionCall {
  readonly model: string;
  readonly stream: boolean;
  readonly includeUsage: boolean;
  /** Characters in all messages, for a default prompt token count. */
  readonly promptChars: number;
}

let sequence = 0;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function base(call: CompletionCall, object: string) {
  return { id: `chatcmpl-fake${++sequence}`, object, created: 1_700_000_000, model: call.model, system_fingerprint: null };
}

function usageFor(call: CompletionCall, text: string, usage: Usage | 'omit' | undefined) {
  if (usage === 'omit') return null;
  const counted = usage ?? { prompt_tokens: Math.ceil(call.promptChars / 4), completion_tokens: Math.ceil(text.length / 4) };
  return { ...counted, total_tokens: counted.prompt_tokens + counted.completion_tokens };
}

/** Sends a JSON body with a status, as the OpenAI API does for errors and whole completions. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function chunk(call: CompletionCall, delta: object, finish: string | null) {
  return { ...base(call, 'chat.completion.chunk'), choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] };
}

function startStream(res: ServerResponse): (data: unknown) => void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  return (data) => res.write(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
}

function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}

async function streamAnswer(res: ServerResponse, call: CompletionCall, b: Extract<FakeBehaviour, { kind: 'answer' }>) {
  const send = startStream(res);
  send(chunk(call, { role: 'assistant', content: '' }, null));
  for (const piece of pieces(b.text, b.chunkChars ?? 16)) {
    if (b.chunkDelayMs) await wait(b.chunkDelayMs);
    if (res.destroyed) return;
    send(chunk(call, { content: piece }, null));
  }
  send(chunk(call, {}, 'stop'));
  const usage = usageFor(call, b.text, b.usage);
  if (call.includeUsage && usage) send({ ...base(call, 'chat.completion.chunk'), choices: [], usage });
  send('[DONE]');
  res.end();
}

/** Answers one chat completion request as the behaviour says. */
export async function respond(res: ServerResponse, call: CompletionCall, behaviour: FakeBehaviour): Promise<void> {
  switch (behaviour.kind) {
    case 'delay':
      await wait(behaviour.ms);
      if (!res.destroyed) await respond(res, call, behaviour.then);
      return;
    case 'answer':
      if (call.stream) return streamAnswer(res, call, behaviour);
      return sendJson(res, 200, {
        ...base(call, 'chat.completion'),
        choices: [{ index: 0, message: { role: 'assistant', content: behaviour.text, refusal: null }, logprobs: null, finish_reason: 'stop' }],
        usage: usageFor(call, behaviour.text, behaviour.usage),
      });
    case 'empty':
      return respond(res, call, { kind: 'answer', text: '' });
    case 'stall': {
      if (!call.stream) return; // never answers at all
      const send = startStream(res);
      send(chunk(call, { role: 'assistant', content: '' }, null));
      for (const piece of pieces(behaviour.text.slice(0, behaviour.afterChars), 16)) send(chunk(call, { content: piece }, null));
      return; // the connection stays open until the client gives up or the fake closes
    }
    case 'error':
      return sendJson(
        res,
        behaviour.status,
        { error: { message: behaviour.message, type: behaviour.type, param: null, code: behaviour.code } },
        behaviour.headers,
      );
    case 'malformed-json':
      if (call.stream) {
        const send = startStream(res);
        send(chunk(call, { role: 'assistant', content: '' }, null));
        res.end('data: {"id":"chatcmpl-broken","choices":[{"delta":{"content":"Hua\n\n');
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id": "chatcmpl-broken", "object": "chat.completion", "choices": [');
      return;
    case 'html':
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end('<!DOCTYPE html>\n<html><head><title>Welcome to nginx!</title></head><body><h1>Welcome to nginx!</h1></body></html>\n');
      return;
    case 'reset':
      res.socket?.destroy();
      return;
  }
}
