/**
 * The HTTP side of the fake Web API: `POST /api/<method>` and `POST /respond/<id>`
 * (response_urls). It checks the token, applies injected failures, serves the method
 * and records every call with its outcome.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkMessage } from './block-validation.ts';
import type { FailureQueue, InjectedFailure } from './failures.ts';
import type { Recording } from './recording.ts';
import { parseArgs, readBody, tokenOf } from './request-body.ts';
import type { CallOutcome, RecordedCall } from './types.ts';
import { METHODS, tokenKindFor, type Body, type Identity } from './web-api-methods.ts';
import { RESPONSE_URL_MAX_USES, type Workspace } from './workspace.ts';

export interface WebApiDeps {
  readonly workspace: Workspace;
  readonly identity: Identity;
  readonly calls: Recording<RecordedCall>;
  readonly failures: FailureQueue;
  readonly botToken: string;
  readonly appToken: string;
  readonly openSocketUrl: () => string;
}

type Answer = { readonly status: number; readonly body: Body | string; readonly headers?: Record<string, string> };

function send(res: ServerResponse, answer: Answer): void {
  const isJson = typeof answer.body !== 'string';
  res.writeHead(answer.status, {
    'content-type': isJson ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    ...answer.headers,
  });
  res.end(isJson ? JSON.stringify(answer.body) : answer.body);
}

function injectedAnswer(failure: InjectedFailure): Answer {
  if (failure.kind === 'error') return { status: 200, body: { ok: false, error: failure.error } };
  if (failure.status === 429) {
    return {
      status: 429,
      body: { ok: false, error: 'ratelimited' },
      headers: { 'retry-after': String(failure.retryAfter ?? 1) },
    };
  }
  return { status: failure.status, body: `fake Slack answered HTTP ${failure.status}` };
}

function outcomeOf(answer: Answer, injected: boolean): CallOutcome {
  const json = typeof answer.body === 'string' ? undefined : answer.body;
  const ok = answer.status === 200 && (json === undefined ? true : json.ok === true);
  const error = ok ? undefined : typeof json?.error === 'string' ? json.error : `http_${answer.status}`;
  return { status: answer.status, ok, error, injected: injected || undefined };
}

export class WebApiServer {
  constructor(private readonly deps: WebApiDeps) {}

  /** Serves one Web API request. */
  async handleApi(req: IncomingMessage, res: ServerResponse, method: string, query: string): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    const body = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = parseArgs(contentType, body, query);
    } catch {
      return this.finish(
        res,
        { method, args: { raw: body }, auth: 'none', contentType },
        {
          status: 200,
          body: { ok: false, error: 'invalid_json' },
        },
        false,
      );
    }
    const token = tokenOf(req, args);
    const auth = this.authOf(token);
    const call = { method, args, auth, contentType };
    const seq = this.deps.calls.length;

    const failure = this.deps.failures.take(method);
    if (failure) return this.finish(res, call, injectedAnswer(failure), true);

    const serve = METHODS[method];
    if (!serve) return this.finish(res, call, { status: 200, body: { ok: false, error: 'unknown_method' } }, false);
    const authError = this.authError(method, auth);
    if (authError) return this.finish(res, call, { status: 200, body: { ok: false, error: authError } }, false);

    const answer = serve(args, {
      workspace: this.deps.workspace,
      identity: this.deps.identity,
      callSeq: seq,
      openSocketUrl: this.deps.openSocketUrl,
    });
    this.finish(res, call, { status: 200, body: answer }, false);
  }

  /**
   * Serves a POST to a response_url, as Bolt's `respond()` sends it (JSON). Errors follow
   * Slack's webhooks: HTTP 400 with the code as text (`invalid_blocks`, `no_text`), 404
   * for an unknown id (`expired_url`) or a sixth use (`used_url`).
   */
  async handleRespond(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    const raw = await readBody(req);
    let args: Record<string, unknown>;
    try {
      args = parseArgs(contentType, raw, '');
    } catch {
      return this.finish(
        res,
        { method: 'response_url', args: { raw }, auth: 'none', contentType, responseUrlId: id },
        {
          status: 400,
          body: 'invalid_payload',
        },
        false,
      );
    }
    const call = { method: 'response_url', args, auth: 'none' as const, contentType, responseUrlId: id };
    const seq = this.deps.calls.length;
    const failure = this.deps.failures.take('response_url');
    if (failure) return this.finish(res, call, injectedAnswer(failure), true);

    const grant = this.deps.workspace.responseUrlGrant(id);
    if (!grant) return this.finish(res, call, { status: 404, body: 'expired_url' }, false);
    if (grant.uses >= RESPONSE_URL_MAX_USES) return this.finish(res, call, { status: 404, body: 'used_url' }, false);
    const deleteOriginal = args.delete_original === true || args.delete_original === 'true';
    if (!deleteOriginal) {
      const check = checkMessage(args);
      if (!check.ok) return this.finish(res, call, { status: 400, body: check.error }, false);
    }
    grant.uses += 1;
    const replaceOriginal = args.replace_original === true || args.replace_original === 'true';
    const ephemeral = args.response_type !== 'in_channel';
    const ts = replaceOriginal || deleteOriginal ? grant.messageTs : this.deps.workspace.nextTs();
    const threadTs = typeof args.thread_ts === 'string' ? args.thread_ts : undefined;
    if (!ephemeral && ts !== undefined && !deleteOriginal) {
      this.deps.workspace.putLive({
        ts,
        channel: grant.channel,
        text: typeof args.text === 'string' ? args.text : undefined,
        blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined,
        threadTs,
        user: this.deps.identity.botUserId,
      });
    }
    if (deleteOriginal && ts !== undefined) this.deps.workspace.deleteLive(grant.channel, ts);
    this.deps.workspace.record({
      via: 'response_url',
      channel: grant.channel,
      ts,
      threadTs,
      text: typeof args.text === 'string' ? args.text : undefined,
      blocks: Array.isArray(args.blocks) ? (args.blocks as unknown[]) : undefined,
      ephemeral,
      visibleTo: ephemeral ? grant.user : undefined,
      replaceOriginal,
      deleteOriginal,
      at: Date.now(),
      callSeq: seq,
    });
    this.finish(res, call, { status: 200, body: { ok: true } }, false);
  }

  private authOf(token: string | undefined): RecordedCall['auth'] {
    if (token === undefined) return 'none';
    if (token === this.deps.botToken) return 'bot';
    if (token === this.deps.appToken) return 'app';
    return 'invalid';
  }

  private authError(method: string, auth: RecordedCall['auth']): string | undefined {
    if (auth === 'none') return 'not_authed';
    if (auth === 'invalid') return 'invalid_auth';
    const wanted = tokenKindFor(method);
    return wanted === 'any' || wanted === auth ? undefined : 'not_allowed_token_type';
  }

  private finish(res: ServerResponse, call: Omit<RecordedCall, 'seq' | 'at' | 'outcome' | 'response'>, answer: Answer, injected: boolean): void {
    this.deps.calls.push({
      ...call,
      seq: this.deps.calls.length,
      at: Date.now(),
      outcome: outcomeOf(answer, injected),
      response: typeof answer.body === 'string' ? undefined : answer.body,
    });
    send(res, answer);
  }
}
