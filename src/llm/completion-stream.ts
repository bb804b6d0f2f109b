/**
 * One streamed chat completion: opens the request, then reads chunks, and turns what the
 * endpoint sends into text, usage and finish events. It owns the two clocks of a request:
 * the first chunk must arrive by the deadline, and once chunks flow no gap may exceed the
 * stall timeout. Either way the request is aborted and a `WriterError` thrown.
 */
import type OpenAI from 'openai';
import { WriterError } from './writer-error.ts';
import type { ChatMessage } from './prompt.ts';

export type StreamEvent =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'usage'; readonly prompt: number; readonly completion: number }
  | { readonly kind: 'finish'; readonly reason: string };

export interface CompletionRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly maxTokens: number;
  readonly temperature: number | null;
}

export interface StreamLimits {
  /** Milliseconds left until the first chunk must have arrived. */
  readonly firstChunkMs: number;
  /** The configured request timeout, for the message. */
  readonly timeoutMs: number;
  readonly stallMs: number;
  /** Aborting it ends the request; a `WriterError` as its reason is thrown as is. */
  readonly signal: AbortSignal;
  readonly endpoint: string;
}

interface ChunkShape {
  readonly choices?: readonly { readonly delta?: { readonly content?: unknown }; readonly finish_reason?: unknown }[];
  readonly usage?: { readonly prompt_tokens?: unknown; readonly completion_tokens?: unknown } | null;
}

function* eventsOf(chunk: unknown, endpoint: string): Generator<StreamEvent> {
  if (typeof chunk !== 'object' || chunk === null) {
    throw new WriterError('malformed-response', `${endpoint} sent a stream chunk that is not a JSON object`);
  }
  const { choices, usage } = chunk as ChunkShape;
  const choice = Array.isArray(choices) ? choices[0] : undefined;
  const content = choice?.delta?.content;
  if (typeof content === 'string' && content !== '') yield { kind: 'text', text: content };
  if (typeof choice?.finish_reason === 'string') yield { kind: 'finish', reason: choice.finish_reason };
  if (usage && typeof usage.prompt_tokens === 'number' && typeof usage.completion_tokens === 'number') {
    yield { kind: 'usage', prompt: usage.prompt_tokens, completion: usage.completion_tokens };
  }
}

/** A server that ignored `stream: true` and sent one JSON completion is still understood. */
function* eventsOfWholeBody(body: string, contentType: string, endpoint: string): Generator<StreamEvent> {
  if (!/json/i.test(contentType)) {
    throw new WriterError(
      'not-openai',
      `${endpoint} answered with ${contentType || 'no content type'} instead of an event stream; is OPENAI_BASE_URL an OpenAI-compatible API?`,
      200,
    );
  }
  const parsed = JSON.parse(body) as { choices?: { message?: { content?: unknown }; finish_reason?: unknown }[]; usage?: ChunkShape['usage'] };
  const content = parsed?.choices?.[0]?.message?.content;
  if (typeof content !== 'string') {
    throw new WriterError('not-openai', `${endpoint} answered with JSON that is not a chat completion`, 200);
  }
  yield* eventsOf({ choices: [{ delta: { content }, finish_reason: parsed.choices?.[0]?.finish_reason }], usage: parsed.usage }, endpoint);
}

/**
 * Streams one completion as events.
 * @example for await (const event of streamCompletion(client, request, limits)) if (event.kind === 'text') …
 */
export async function* streamCompletion(client: OpenAI, request: CompletionRequest, limits: StreamLimits): AsyncGenerator<StreamEvent> {
  const controller = new AbortController();
  let reason: WriterError | null = null;
  const abortWith = (error: WriterError) => {
    reason ??= error;
    controller.abort();
  };
  const onOuterAbort = () =>
    abortWith(limits.signal.reason instanceof WriterError ? limits.signal.reason : new WriterError('aborted', 'the request was cancelled'));
  if (limits.signal.aborted) onOuterAbort();
  limits.signal.addEventListener('abort', onOuterAbort, { once: true });
  const firstChunk = setTimeout(
    () => abortWith(new WriterError('timeout', `no answer from ${limits.endpoint} within ${limits.timeoutMs} ms`)),
    Math.max(0, limits.firstChunkMs),
  );
  let stall: NodeJS.Timeout | null = null;
  const arrived = () => {
    clearTimeout(firstChunk);
    if (stall) stall.refresh();
    else
      stall = setTimeout(
        () => abortWith(new WriterError('stalled', `${limits.endpoint} stopped sending for ${limits.stallMs} ms in the middle of an answer`)),
        limits.stallMs,
      );
  };

  try {
    const { data: stream, response } = await client.chat.completions
      .create(
        {
          model: request.model,
          messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
          stream: true,
          stream_options: { include_usage: true },
          max_tokens: request.maxTokens,
          ...(request.temperature === null ? {} : { temperature: request.temperature }),
        },
        { signal: controller.signal, maxRetries: 0 },
      )
      .withResponse();
    const contentType = response.headers.get('content-type') ?? '';
    if (!/text\/event-stream/i.test(contentType)) {
      const body = await response.text();
      arrived();
      yield* eventsOfWholeBody(body, contentType, limits.endpoint);
      return;
    }
    for await (const chunk of stream) {
      arrived();
      yield* eventsOf(chunk, limits.endpoint);
    }
    if (reason) throw reason;
  } catch (error) {
    throw reason ?? error;
  } finally {
    clearTimeout(firstChunk);
    if (stall) clearTimeout(stall);
    limits.signal.removeEventListener('abort', onOuterAbort);
    controller.abort();
  }
}
