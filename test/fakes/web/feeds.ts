/**
 * Feeds written for these tests: RSS 2.0, Atom and JSON Feed builders over the same items, and
 * the broken kinds a real feed can be (malformed XML, a web page served as a feed).
 */

export interface FeedEntry {
  readonly guid?: string;
  /** Path or absolute address of the article; absent for an item with no link. */
  readonly link?: string;
  readonly title: string;
  /** RFC 3339; absent for an item with no date. */
  readonly date?: string;
  readonly updated?: string;
  readonly content?: string;
  readonly summary?: string;
}

const xml = (text: string) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

export function rssFeed(title: string, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) =>
    [
      '<item>',
      `<title>${xml(e.title)}</title>`,
      e.link ? `<link>${xml(e.link)}</link>` : '',
      e.guid ? `<guid isPermaLink="false">${xml(e.guid)}</guid>` : '',
      e.date ? `<pubDate>${new Date(e.date).toUTCString()}</pubDate>` : '',
      e.updated ? `<atom:updated>${e.updated}</atom:updated>` : '',
      e.summary ? `<description>${xml(e.summary)}</description>` : '',
      e.content ? `<content:encoded><![CDATA[${e.content}]]></content:encoded>` : '',
      '</item>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>${xml(title)}</title><link>https://courier.example/</link><description>News</description>
${items.join('\n')}
</channel></rss>`;
}

export function atomFeed(title: string, entries: readonly FeedEntry[]): string {
  const items = entries.map((e) =>
    [
      '<entry>',
      `<title type="html">${xml(e.title)}</title>`,
      e.link ? `<link rel="alternate" type="text/html" href="${xml(e.link)}"/>` : '',
      `<id>${xml(e.guid ?? `urn:entry:${e.title}`)}</id>`,
      e.date ? `<published>${e.date}</published>` : '',
      `<updated>${e.updated ?? e.date ?? '2026-01-01T00:00:00Z'}</updated>`,
      e.summary ? `<summary>${xml(e.summary)}</summary>` : '',
      e.content ? `<content type="html">${xml(e.content)}</content>` : '',
      '<author><name>Ivo Marsh</name></author>',
      '</entry>',
    ].join(''),
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>${xml(title)}</title><id>urn:feed</id><updated>2026-03-02T00:00:00Z</updated>
${items.join('\n')}
</feed>`;
}

export function jsonFeed(title: string, entries: readonly FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    items: entries.map((e) => ({
      id: e.guid ?? e.link ?? e.title,
      ...(e.link ? { url: e.link } : {}),
      title: e.title,
      ...(e.date ? { date_published: e.date } : {}),
      ...(e.updated ? { date_modified: e.updated } : {}),
      ...(e.content ? { content_html: e.content } : { content_text: e.summary ?? '' }),
      authors: [{ name: 'Ivo Marsh' }],
    })),
  });
}

export const MALFORMED_XML = '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>Cut off';
export const NOT_XML = 'This is not a feed at all, just some text.';
