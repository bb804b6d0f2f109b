/**
 * Feeds as one list of items: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed. XML is read with
 * linkedom's forgiving parser (a feed cut short still gives the items before the cut); what is
 * not a feed at all (an HTML page, plain text, JSON of another shape) is refused with a
 * reason. Links are made absolute against the feed's address and kept only when http(s).
 */
import { DOMParser } from 'linkedom';
import type { FeedKind } from '../../core/ports/feed-store.ts';
import { isElement, type DomElement } from './dom.ts';

export interface FeedItem {
  /** The item's own id (RSS guid, Atom id, JSON Feed id), or null. */
  readonly guid: string | null;
  /** The article's address, or null when the item has none. */
  readonly link: string | null;
  readonly title: string | null;
  /** ISO 8601, or null when the item states no readable date. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly author: string | null;
  /** The item's full content as HTML, when the feed carries it. */
  readonly contentHtml: string | null;
  /** Its summary (HTML or text). */
  readonly summary: string | null;
}

export interface ParsedFeed {
  readonly kind: FeedKind;
  readonly title: string | null;
  readonly items: readonly FeedItem[];
}

export type FeedParse = { readonly ok: true; readonly feed: ParsedFeed } | { readonly ok: false; readonly reason: string; readonly html?: boolean };

/**
 * Reads `text` (fetched from `address`) as a feed.
 *
 * @example parseFeed('<rss version="2.0"><channel><title>Courier</title><item><title>Port reopens</title><link>/news/port</link></item></channel></rss>', 'https://courier.example/feed')
 *   → { ok: true, feed: { kind: 'rss', title: 'Courier', items: [{ title: 'Port reopens', link: 'https://courier.example/news/port', … }] } }
 */
export function parseFeed(text: string, address: string): FeedParse {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{')) return parseJsonFeed(trimmed, address);
  if (!trimmed.startsWith('<')) return { ok: false, reason: 'not a feed: the address gave neither XML nor JSON' };
  if (/^(?:<!--[\s\S]*?-->\s*)*<!doctype html|^(?:<!--[\s\S]*?-->\s*)*<html[\s>]/i.test(trimmed)) {
    return { ok: false, reason: 'not a feed: the address gave a web page', html: true };
  }
  let root: DomElement | null;
  try {
    root = (new DOMParser().parseFromString(trimmed, 'text/xml') as unknown as { documentElement: DomElement | null }).documentElement;
  } catch (error) {
    return { ok: false, reason: `malformed XML: ${(error as Error).message}` };
  }
  const name = root?.tagName.toLowerCase() ?? '';
  if (root === null || name === '') return { ok: false, reason: 'malformed XML: no document element' };
  if (name === 'html') return { ok: false, reason: 'not a feed: the address gave a web page', html: true };
  if (name === 'rss') {
    const channel = child(root, 'channel');
    if (!channel) return { ok: false, reason: 'malformed RSS: no <channel>' };
    return { ok: true, feed: { kind: 'rss', title: textOf(child(channel, 'title')), items: children(channel, 'item').map((item) => rssItem(item, address)) } };
  }
  if (name === 'rdf:rdf' || name === 'rdf') {
    const channel = child(root, 'channel');
    return {
      ok: true,
      feed: { kind: 'rdf', title: textOf(channel && child(channel, 'title')), items: children(root, 'item').map((item) => rssItem(item, address)) },
    };
  }
  if (name === 'feed') {
    return { ok: true, feed: { kind: 'atom', title: textOf(child(root, 'title')), items: children(root, 'entry').map((entry) => atomEntry(entry, address)) } };
  }
  return { ok: false, reason: `not a feed: the XML document is <${name.slice(0, 40)}>, not RSS, Atom or RDF` };
}

function rssItem(item: DomElement, base: string): FeedItem {
  const guidElement = child(item, 'guid');
  const guid = textOf(guidElement);
  const permalink = guidElement !== null && (guidElement.getAttribute('isPermaLink') ?? 'true').toLowerCase() !== 'false';
  return {
    guid,
    link: absolute(textOf(child(item, 'link')) ?? (permalink ? guid : null), base),
    title: plain(textOf(child(item, 'title'))),
    published: feedDate(textOf(child(item, 'pubDate')) ?? textOf(child(item, 'dc:date'))),
    updated: feedDate(textOf(child(item, 'atom:updated')) ?? textOf(child(item, 'dcterms:modified'))),
    author: textOf(child(item, 'dc:creator')) ?? textOf(child(item, 'author')),
    contentHtml: textOf(child(item, 'content:encoded')),
    summary: textOf(child(item, 'description')),
  };
}

function atomEntry(entry: DomElement, base: string): FeedItem {
  const links = children(entry, 'link');
  const alternate =
    links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate' && /html|^$/.test(l.getAttribute('type') ?? '')) ??
    links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate');
  const author = child(entry, 'author');
  return {
    guid: textOf(child(entry, 'id')),
    link: absolute(alternate?.getAttribute('href') ?? null, base),
    title: plain(textOf(child(entry, 'title'))),
    published: feedDate(textOf(child(entry, 'published')) ?? textOf(child(entry, 'issued'))),
    updated: feedDate(textOf(child(entry, 'updated')) ?? textOf(child(entry, 'modified'))),
    author: textOf(author && child(author, 'name')),
    contentHtml: atomContent(child(entry, 'content')),
    summary: atomContent(child(entry, 'summary')),
  };
}

/** Atom text constructs: `html` is escaped HTML (its text is the markup), `xhtml` is inline markup. */
function atomContent(element: DomElement | null): string | null {
  if (element === null) return null;
  if (element.getAttribute('type') === 'xhtml') {
    const inner = (element as DomElement & { innerHTML?: string }).innerHTML;
    return inner && inner.trim() !== '' ? inner : null;
  }
  return textOf(element);
}

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function parseJsonFeed(text: string, base: string): FeedParse {
  let data: Json;
  try {
    data = JSON.parse(text) as Json;
  } catch (error) {
    return { ok: false, reason: `malformed JSON: ${(error as Error).message}` };
  }
  const feed = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, Json>) : null;
  if (!feed || typeof feed['version'] !== 'string' || !feed['version'].startsWith('https://jsonfeed.org/version/')) {
    return { ok: false, reason: 'not a feed: JSON without a JSON Feed "version"' };
  }
  const items = Array.isArray(feed['items']) ? (feed['items'] as readonly Json[]) : [];
  const str = (value: Json | undefined): string | null =>
    typeof value === 'string' && value.trim() !== '' ? value.trim() : typeof value === 'number' ? String(value) : null;
  return {
    ok: true,
    feed: {
      kind: 'json',
      title: str(feed['title']),
      items: items
        .filter((item): item is Record<string, Json> => item !== null && typeof item === 'object' && !Array.isArray(item))
        .map((item) => {
          const authors = [...(Array.isArray(item['authors']) ? (item['authors'] as readonly Json[]) : []), item['author'] ?? null];
          const author =
            authors.map((a) => (a && typeof a === 'object' && !Array.isArray(a) ? str((a as Record<string, Json>)['name']) : null)).find((n) => n !== null) ??
            null;
          const contentText = str(item['content_text']);
          return {
            guid: str(item['id']),
            link: absolute(str(item['url']) ?? str(item['external_url']), base),
            title: str(item['title']),
            published: feedDate(str(item['date_published'])),
            updated: feedDate(str(item['date_modified'])),
            author,
            contentHtml:
              str(item['content_html']) ??
              (contentText
                ? contentText
                    .split(/\n{2,}/)
                    .map((p) => `<p>${escapeHtml(p)}</p>`)
                    .join('')
                : null),
            summary: str(item['summary']),
          };
        }),
    },
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** A feed's date (RFC 822 in RSS, RFC 3339 in Atom and JSON Feed) as ISO 8601 UTC, or null. */
export function feedDate(value: string | null): string | null {
  if (value === null) return null;
  const time = Date.parse(value.trim());
  if (Number.isNaN(time)) return null;
  return new Date(time).toISOString().replace('.000Z', 'Z');
}

function absolute(link: string | null, base: string): string | null {
  if (link === null) return null;
  try {
    const url = new URL(link.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** A title as text: feeds put markup in titles ("<b>Breaking</b>: …"). */
function plain(text: string | null): string | null {
  const stripped = text
    ?.replace(/<[^>]*>/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return stripped ? stripped : null;
}

function children(parent: DomElement, name: string): DomElement[] {
  return Array.from(parent.childNodes).filter((node): node is DomElement => isElement(node) && node.tagName.toLowerCase() === name.toLowerCase());
}

function child(parent: DomElement, name: string): DomElement | null {
  return children(parent, name)[0] ?? null;
}

function textOf(element: DomElement | null): string | null {
  const text = element?.textContent?.trim();
  return text ? text : null;
}
