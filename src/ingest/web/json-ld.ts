/**
 * The article a page describes in JSON-LD (schema.org `NewsArticle` and its kin), read from its
 * `<script type="application/ld+json">` blocks. Only data is read: the JSON is parsed, never
 * evaluated, and a block that does not parse is passed over.
 */
import type { DomDocument } from './dom.ts';

/** What a page's JSON-LD says about its article; absent facts are null. */
export interface JsonLdArticle {
  readonly headline: string | null;
  readonly datePublished: string | null;
  readonly dateModified: string | null;
  /** Authors' names, joined: "Jane Smith and Ali Khan". */
  readonly author: string | null;
  readonly publisher: string | null;
  readonly url: string | null;
  readonly articleBody: string | null;
}

/** schema.org types that are an article (NewsArticle's ancestors and siblings). */
const ARTICLE_TYPES =
  /^(?:News|Analysis|Opinion|Report|Review|Background|Satirical|Scholarly|Tech|Social|Blog|Live|AskPublic|Reportage)?(?:Article|Posting|BlogPosting|LiveBlogPosting)$/;

type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };
type JsonObject = { readonly [key: string]: Json };

/**
 * The first article object in the page's JSON-LD, or null.
 *
 * @example jsonLdArticle(page with `{"@type":"NewsArticle","headline":"Port reopens","publisher":{"name":"Daily Courier"}}`)
 *   → { headline: 'Port reopens', publisher: 'Daily Courier', … }
 */
export function jsonLdArticle(document: DomDocument): JsonLdArticle | null {
  for (const script of Array.from(document.querySelectorAll('script[type="application/ld+json" i]'))) {
    let parsed: Json;
    try {
      parsed = JSON.parse(stripComments(script.textContent ?? '')) as Json;
    } catch {
      continue;
    }
    const article = findArticle(parsed, 0);
    if (article) return toArticle(article);
  }
  return null;
}

/** Some sites wrap the JSON in an HTML comment or CDATA. */
function stripComments(text: string): string {
  return text.replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[)/, '').replace(/(?:-->|\/\/\s*\]\]>)\s*$/, '');
}

function findArticle(value: Json, depth: number): JsonObject | null {
  if (depth > 4 || value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (const item of value as readonly Json[]) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const object = value as JsonObject;
  const types = [object['@type']].flat().filter((t): t is string => typeof t === 'string');
  if (types.some((t) => ARTICLE_TYPES.test(t))) return object;
  return findArticle(object['@graph'] ?? null, depth + 1) ?? findArticle(object['mainEntity'] ?? null, depth + 1);
}

function toArticle(object: JsonObject): JsonLdArticle {
  return {
    headline: text(object['headline']) ?? text(object['name']),
    datePublished: text(object['datePublished']),
    dateModified: text(object['dateModified']),
    author: names(object['author']),
    publisher: names(object['publisher']),
    url: text(object['url']) ?? idOf(object['mainEntityOfPage']),
    articleBody: text(object['articleBody']),
  };
}

function text(value: Json | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return text((value as readonly Json[])[0]);
  return null;
}

function idOf(value: Json | undefined): string | null {
  if (typeof value === 'string') return text(value);
  if (value && typeof value === 'object' && !Array.isArray(value)) return text((value as JsonObject)['@id']) ?? text((value as JsonObject)['url']);
  return null;
}

/** A person or organisation, or a list of them, as names: "Jane Smith and Ali Khan". */
function names(value: Json | undefined): string | null {
  const list = [value ?? null].flat() as Json[];
  const found = list
    .map((item) =>
      typeof item === 'string' ? item.trim() : item && typeof item === 'object' && !Array.isArray(item) ? text((item as JsonObject)['name']) : null,
    )
    .filter((name): name is string => name !== null && name !== '');
  const unique = [...new Set(found)];
  if (unique.length === 0) return null;
  return unique.length === 1 ? unique[0]! : `${unique.slice(0, -1).join(', ')} and ${unique[unique.length - 1]}`;
}
