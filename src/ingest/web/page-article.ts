/**
 * One article page fetched and extracted: the guarded, polite GET (robots.txt honoured), the
 * body decoded in its declared charset, then Readability and the page's metadata. Every way
 * it can fail is a short reason.
 */
import type { StatedMeta } from '../../core/article.ts';
import { extractArticle, MIN_ARTICLE_WORDS } from './extract-article.ts';
import { webText } from './fetch/web-text.ts';
import { parseHtml } from './dom.ts';
import { htmlText } from './html-text.ts';
import type { WebClient } from './web-client.ts';

export interface PageArticle {
  /** The canonical address (the page's own, else where it was read from). */
  readonly url: string;
  readonly text: string;
  readonly meta: StatedMeta;
}

export type PageRead = { readonly ok: true; readonly article: PageArticle } | { readonly ok: false; readonly reason: string };

const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

/**
 * Fetches `url` as a page and extracts its article.
 *
 * @example await readPage('https://courier.example/news/port', web) → { ok: true, article: { url: 'https://courier.example/news/port', text: 'Port reopens\n\n…', meta: { outlet: 'Courier', … } } }
 */
export async function readPage(url: string, web: WebClient): Promise<PageRead> {
  const result = await web.get(url, { page: true, headers: { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5' } });
  if (result.kind === 'not-modified') return { ok: false, reason: 'the server answered 304 to a request without validators' };
  if (result.kind === 'failed') return { ok: false, reason: result.reason };
  return pageFromBody(result.body, result.contentType, result.url);
}

/** The article in a fetched body; anything but HTML is refused with what it was. */
export function pageFromBody(body: Buffer, contentType: string | null, url: string): PageRead {
  if (contentType !== null && !HTML_TYPES.test(contentType) && !/^text\/plain\b/i.test(contentType)) {
    return { ok: false, reason: `not a web page: the server sent ${contentType.split(';')[0]}` };
  }
  const text = webText(body, contentType);
  if (!text.ok) return text;
  const extraction = extractArticle(text.text, url);
  if (!extraction.ok) return extraction;
  const { url: canonical, ...meta } = extraction.article.meta;
  return { ok: true, article: { url: canonical, text: extraction.article.text, meta: { ...meta, url: canonical } } };
}

/**
 * An article from a feed item's own content, for an item with no page or one that could not
 * be read: its HTML as blocks under its title. Null when it is too short to be an article.
 *
 * @example articleFromContent('Port reopens', '<p>The port reopened on Monday …</p>') → 'Port reopens\n\nThe port reopened on Monday …'
 */
export function articleFromContent(title: string | null, html: string | null): string | null {
  if (html === null) return null;
  const document = parseHtml(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`);
  const body = document.body ? htmlText(document.body) : '';
  const words = body.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (words < MIN_ARTICLE_WORDS) return null;
  return title ? `${title}\n\n${body}` : body;
}
