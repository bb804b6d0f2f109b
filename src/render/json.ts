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

/**
 * One reply of a chat as one line of JSON (JSON Lines), for scripts that drive `briefbot chat
 * --json`: which command answered, how it went, the note for the reader (how a follow-up was
 * read, "nothing on that"), and the reply as `renderJson` gives it.
 *
 * @example renderJsonLine({ parts: [], citations: [], notice: 'Nothing on that.' }, { command: 'ask', outcome: 'ok' })
 *   === '{"command":"ask","outcome":"ok","title":null,"notice":"Nothing on that.","reply":{…}}\n'
 */
export function renderJsonLine(reply: Reply, how: { readonly command: string | null; readonly outcome: string }): string {
  const body = JSON.parse(renderJson(reply)) as unknown;
  return `${JSON.stringify({ command: how.command, outcome: how.outcome, title: reply.title ?? null, notice: reply.notice ?? null, reply: body })}\n`;
}
