/**
 * A Reply as JSON for scripts: the command's documented contract (`reply.data`) when it has
 * one, else the reply model itself. Field names are a contract: add, never rename.
 */
import type { Reply } from '../core/reply.ts';

/**
 * Pretty-printed JSON with a trailing newline.
 *
 * @example renderJson({ parts: [], citations: [], data: { articles: [] } }) === '{\n  "articles": []\n}\n'
 */
export function renderJson(reply: Reply): string {
  const body = reply.data ?? {
    title: reply.title ?? null,
    parts: reply.parts,
    citations: reply.citations,
    notice: reply.notice ?? null,
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

/** A user-facing error as JSON, so a script reading stdout still gets an object. */
export function renderJsonError(code: string, message: string): string {
  return `${JSON.stringify({ error: { code, message } }, null, 2)}\n`;
}
