/**
 * Publication facts a web page states about itself: its JSON-LD article first (the publisher's
 * own structured record), then Open Graph and `<meta>` tags, then `<link rel="canonical">` and
 * `<title>`. A fact no source states stays null; dates are ISO 8601 as precise as stated.
 */
import { normaliseDate } from '../../core/clean/index.ts';
import type { DomDocument } from './dom.ts';
import { jsonLdArticle } from './json-ld.ts';

export interface PageMetadata {
  readonly title: string | null;
  /** The publisher's name, else the site's name; null when the page names neither. */
  readonly outlet: string | null;
  /** The canonical address (absolute http(s)), else the address it was read from. */
  readonly url: string;
  readonly published: string | null;
  readonly updated: string | null;
  readonly byline: string | null;
  /** The JSON-LD `articleBody`, when the page gives one: a second opinion on the text. */
  readonly articleBody: string | null;
  /** `<html lang>`. */
  readonly language: string | null;
  /** The page says it is an article (JSON-LD article, or og:type "article"), not an index page. */
  readonly isArticle: boolean;
}

const PUBLISHED_META = [
  'article:published_time',
  'og:published_time',
  'datePublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'date',
  'dc.date',
  'dc.date.issued',
  'dcterms.created',
  'sailthru.date',
  'parsely-pub-date',
  'cxenseparse:recs:publishtime',
];
const UPDATED_META = ['article:modified_time', 'og:updated_time', 'dateModified', 'last-modified', 'dcterms.modified'];
const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author', 'byl'];

/**
 * The page's facts. `address` is where it was read from: relative links resolve against it.
 *
 * @example pageMetadata(page with og:site_name "Daily Courier" and a canonical link, 'https://courier.example/a?utm=x')
 *   → { outlet: 'Daily Courier', url: 'https://courier.example/a', … }
 */
export function pageMetadata(document: DomDocument, address: string): PageMetadata {
  const ld = jsonLdArticle(document);
  const meta = metaReader(document);
  const siteName = meta('og:site_name') ?? meta('application-name');
  return {
    title: ld?.headline ?? meta('og:title') ?? meta('twitter:title') ?? titleTag(document, siteName),
    outlet: ld?.publisher ?? siteName,
    url: canonicalUrl(document, address, ld?.url ?? null, meta('og:url')),
    published: firstDate([ld?.datePublished ?? null, ...PUBLISHED_META.map(meta), timeElement(document)]),
    updated: firstDate([ld?.dateModified ?? null, ...UPDATED_META.map(meta)]),
    byline: ld?.author ?? AUTHOR_META.map(meta).find((value) => value !== null && !/^https?:/i.test(value)) ?? null,
    articleBody: ld?.articleBody ?? null,
    language: document.documentElement?.getAttribute('lang')?.trim() || null,
    isArticle: ld !== null || meta('og:type')?.toLowerCase() === 'article',
  };
}

/** Reads `<meta name|property|itemprop=KEY content=…>`, case-insensitively, first non-empty. */
function metaReader(document: DomDocument): (key: string) => string | null {
  const values = new Map<string, string>();
  for (const element of Array.from(document.querySelectorAll('meta'))) {
    const key = (element.getAttribute('property') ?? element.getAttribute('name') ?? element.getAttribute('itemprop'))?.trim().toLowerCase();
    const content = element.getAttribute('content')?.replace(/\s+/g, ' ').trim();
    if (key && content && !values.has(key)) values.set(key, content);
  }
  return (key) => values.get(key.toLowerCase()) ?? null;
}

/** `<title>` without a trailing " | Site name" or " - Site name". */
function titleTag(document: DomDocument, siteName: string | null): string | null {
  const title = document.querySelector('title')?.textContent?.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  if (siteName) {
    for (const separator of [' | ', ' - ', ' – ', ' — ', ' :: ']) {
      if (title.endsWith(`${separator}${siteName}`)) return title.slice(0, -(separator.length + siteName.length)).trim();
    }
  }
  return title;
}

/** The first `<time datetime>` inside the article, when the page marks one. */
function timeElement(document: DomDocument): string | null {
  return document.querySelector('article time[datetime], time[pubdate][datetime], time[itemprop="datePublished"][datetime]')?.getAttribute('datetime') ?? null;
}

function firstDate(candidates: readonly (string | null)[]): string | null {
  for (const candidate of candidates) {
    if (candidate === null) continue;
    const date = normaliseDate(candidate);
    if (date !== null) return date;
  }
  return null;
}

/**
 * The page's own name for itself, made absolute: `<link rel=canonical>`, JSON-LD `url`, then
 * `og:url`; only an http(s) address on the same site counts, else the address read. A page
 * may not claim another site's address: the canonical address is an article's identity, and
 * a page naming someone else's would replace that article.
 */
function canonicalUrl(document: DomDocument, address: string, ldUrl: string | null, ogUrl: string | null): string {
  const link = document.querySelector('link[rel~="canonical" i][href]')?.getAttribute('href') ?? null;
  for (const candidate of [link, ldUrl, ogUrl]) {
    if (!candidate) continue;
    try {
      const url = new URL(candidate.trim(), address);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && sameSite(url.hostname, new URL(address).hostname)) {
        url.hash = '';
        return url.href;
      }
    } catch {
      // not an address: try the next
    }
  }
  return address;
}

/** `www.courier.example` and `courier.example` are one site; `courier.example` and `other.example` are not. */
function sameSite(a: string, b: string): boolean {
  const bare = (host: string) => host.toLowerCase().replace(/^www\./, '');
  const [x, y] = [bare(a), bare(b)];
  return x === y || x.endsWith(`.${y}`) || y.endsWith(`.${x}`);
}
