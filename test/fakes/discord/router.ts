/**
 * A tiny router for the fake REST API: route templates such as
 * `/channels/:channelId/messages/:messageId`, first match wins.
 */
import type { FileRecord, Json } from './types.ts';

export interface RouteRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly body: Json | undefined;
  readonly files: readonly FileRecord[];
  /** Date.now() when the request arrived. */
  readonly at: number;
}

export interface RouteResponse {
  readonly status: number;
  readonly body?: Json;
}

export interface Route {
  readonly method: string;
  readonly template: string;
  /** False for interaction callbacks and interaction webhooks, which need no bot token. */
  readonly auth: boolean;
  readonly handle: (request: RouteRequest) => RouteResponse;
}

/** `route('GET', '/users/@me', handler)`: an authenticated route. */
export function route(method: string, template: string, handle: Route['handle'], auth = true): Route {
  return { method, template, handle, auth };
}

/**
 * The params of `path` under `template`, or undefined when it does not fit:
 * `('/channels/:id/messages', '/channels/42/messages')` → `{ id: '42' }`.
 */
export function matchTemplate(template: string, path: string): Record<string, string> | undefined {
  const want = template.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    const pattern = want[i]!;
    const segment = decodeURIComponent(have[i]!);
    if (pattern.startsWith(':')) params[pattern.slice(1)] = segment;
    else if (pattern !== segment) return undefined;
  }
  return params;
}

export function findRoute(routes: readonly Route[], method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const params = matchTemplate(candidate.template, path);
    if (params) return { route: candidate, params };
  }
  return undefined;
}
