/**
 * The feeds a web page names for itself with `<link rel="alternate">` (RSS, Atom, JSON Feed),
 * made absolute; what a site's front page or section page offers for following it.
 */
import type { DomDocument } from './dom.ts';

const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json|json)$/i;

/**
 * @example feedLinks(page with `<link rel="alternate" type="application/rss+xml" href="/feed.xml">`, 'https://courier.example/news')
 *   → ['https://courier.example/feed.xml']
 */
export function feedLinks(document: DomDocument, address: string): string[] {
  const found: string[] = [];
  for (const link of Array.from(document.querySelectorAll('link[rel~="alternate" i][href]'))) {
    if (!FEED_TYPES.test((link.getAttribute('type') ?? '').trim())) continue;
    try {
      const url = new URL(link.getAttribute('href')!.trim(), address);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && !found.includes(url.href)) found.push(url.href);
    } catch {
      // not an address
    }
  }
  return found;
}
