/**
 * Reading one article file: its bytes within limits, then decoded text and stated facts.
 * Every way a file can fail to be an article becomes a short reason, never an exception.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { RawArticle, StatedMeta } from '../core/article.ts';
import { decodeText, DecodeError, type TextEncoding } from './decode.ts';
import { parseFrontMatter } from './front-matter.ts';
import { combineStated } from './merge-meta.ts';
import { fsReason, type ArticleFile } from './scan.ts';

import { MAX_ARTICLE_BYTES } from './article-limits.ts';

export { MAX_ARTICLE_BYTES };

export type BytesResult = { readonly ok: true; readonly bytes: Buffer } | { readonly ok: false; readonly reason: string };

/**
 * The file's bytes, or why they cannot be an article: missing, unreadable, empty, too large.
 * Synchronous on purpose: ingest is a batch of many small reads, and a round trip through the
 * thread pool for each costs more than the read itself.
 *
 * @example readArticleBytes('empty.txt') → { ok: false, reason: 'empty file' }
 */
export function readArticleBytes(path: string): BytesResult {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const { size } = fstatSync(fd);
    if (size > MAX_ARTICLE_BYTES) return { ok: false, reason: tooLarge(size) };
    // Read one byte past the limit: the file may have grown since stat.
    const buffer = Buffer.alloc(Math.min(size, MAX_ARTICLE_BYTES) + 1);
    let length = 0;
    for (;;) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length === buffer.length) {
        if (length > MAX_ARTICLE_BYTES) return { ok: false, reason: tooLarge(length) };
        break;
      }
    }
    if (length === 0) return { ok: false, reason: 'empty file' };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, reason: fsReason(error) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

function tooLarge(bytes: number): string {
  return `too large: ${(bytes / 1024 / 1024).toFixed(1)} MB (the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)`;
}

/** A raw article with what reading it found out: where its body starts, how it was encoded. */
export interface SourceArticle extends RawArticle {
  /** 1-based line of the file where `text` starts (after any front matter). */
  readonly firstLine: number;
  readonly encoding: TextEncoding;
}

export type RawResult =
  | {
      readonly ok: true;
      readonly article: SourceArticle;
      /** The whole decoded text, front matter included: what duplicates are compared on. */
      readonly decoded: string;
      readonly warnings: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

/**
 * Decodes the bytes and separates front matter; facts in front matter win over `stated`
 * (from sources.json).
 *
 * @example toRawArticle(Buffer.from('---\ntitle: A\n---\nBody.'), file, { outlet: 'X' })
 *   → { ok: true, article: { text: 'Body.', meta: { title: 'A', outlet: 'X' }, … } }
 */
export function toRawArticle(bytes: Uint8Array, file: ArticleFile, stated: StatedMeta): RawResult {
  let decoded: string;
  let encoding: TextEncoding;
  try {
    ({ text: decoded, encoding } = decodeText(bytes));
  } catch (error) {
    if (error instanceof DecodeError) return { ok: false, reason: `not text: ${error.message}` };
    throw error;
  }
  if (decoded.trim() === '') return { ok: false, reason: 'empty: only white space' };
  const { body, meta, warnings, bodyLine } = parseFrontMatter(decoded);
  if (body.trim() === '') return { ok: false, reason: 'empty: nothing after the front matter' };
  return {
    ok: true,
    article: { id: file.id, path: file.path, text: body, meta: combineStated(meta, stated), firstLine: bodyLine, encoding },
    decoded,
    warnings,
  };
}
