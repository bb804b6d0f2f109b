/**
 * Reading Web API requests as Slack does: form-urlencoded (what @slack/web-api sends,
 * with nested values JSON-encoded) or JSON, the token in the `Authorization` header or
 * in a `token` field.
 */
import type { IncomingMessage } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Fields Slack reads as JSON when they arrive form-encoded. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view', 'user_auth_blocks']);

/** The whole request body as UTF-8 text. */
export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a request body by its content type: `blocks=%5B%7B%22type%22…` (form) → `{ blocks: [{ type: … }] }`.
 * A JSON field that does not parse is kept as its string, so the method can answer
 * `invalid_blocks_format` like Slack.
 */
export function parseArgs(contentType: string, body: string, query: string): Record<string, unknown> {
  const args: Record<string, unknown> = { ...parseForm(query) };
  if (body.length === 0) return args;
  if (contentType.startsWith('application/json')) {
    const parsed: unknown = JSON.parse(body);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) Object.assign(args, parsed);
    return args;
  }
  return Object.assign(args, parseForm(body));
}

function parseForm(text: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(parseQuery(text))) {
    if (typeof value === 'string' && JSON_FIELDS.has(key)) {
      try {
        args[key] = JSON.parse(value) as unknown;
      } catch {
        args[key] = value;
      }
    } else {
      args[key] = value;
    }
  }
  return args;
}

/** The bearer token from the header, else the `token` argument Slack also accepts. */
export function tokenOf(req: IncomingMessage, args: Readonly<Record<string, unknown>>): string | undefined {
  const header = req.headers.authorization;
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  if (match?.[1]) return match[1].trim();
  return typeof args.token === 'string' && args.token.length > 0 ? args.token : undefined;
}
