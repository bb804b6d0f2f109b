import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../src/core/clean/index.ts';
import { parseHtml } from '../../../src/ingest/web/dom.ts';
import { extractArticle } from '../../../src/ingest/web/extract-article.ts';
import { htmlText } from '../../../src/ingest/web/html-text.ts';
import { pageMetadata } from '../../../src/ingest/web/page-metadata.ts';
import { articlePage, HARBOUR, indexPage, openGraphPage } from '../../fakes/web/pages.ts';

const ORIGIN = 'https://courier.example';

describe('article extraction from a web page', () => {
  it('keeps the story and leaves navigation, related links and the footer behind', () => {
    const result = extractArticle(articlePage(HARBOUR, ORIGIN), `${ORIGIN}/news/harbour-reopens?utm_source=feed`);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { text } = result.article;
    expect(text.startsWith(`${HARBOUR.title}\n\n`)).toBe(true);
    for (const paragraph of HARBOUR.paragraphs) expect(text).toContain(paragraph);
    expect(text).toContain('## What happens next');
    expect(text).not.toMatch(/Related stories|Privacy|All rights reserved|Weather/);
  });

  it('reads headline, publisher, canonical address, dates and author from JSON-LD', () => {
    const result = extractArticle(
      articlePage({ ...HARBOUR, modified: '2026-03-02T17:05:00Z', author: 'Ada Brandt' }, ORIGIN),
      `${ORIGIN}/news/harbour-reopens?utm_source=feed`,
    );
    expect(result.ok && result.article.meta).toEqual({
      title: HARBOUR.title,
      outlet: 'The Coastal Courier',
      url: `${ORIGIN}/news/harbour-reopens`,
      published: '2026-03-02T08:30:00Z',
      updated: '2026-03-02T17:05:00Z',
      byline: 'Ada Brandt',
    });
  });

  it('falls back to Open Graph and meta tags, and takes the outlet from the site name', () => {
    const result = extractArticle(openGraphPage(ORIGIN), `${ORIGIN}/ferry-timetable?ref=home`);
    expect(result.ok && result.article.meta).toEqual({
      title: 'Council approves new ferry timetable',
      outlet: 'Morrow Gazette',
      url: `${ORIGIN}/ferry-timetable`,
      published: '2026-03-04T10:00:00+00:00',
      updated: '2026-03-04T12:15:00+00:00',
      byline: 'Pia Renner',
    });
  });

  it('refuses a page with no article text, saying why', () => {
    const result = extractArticle(indexPage(), `${ORIGIN}/`);
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/^no article text found/) });
  });

  it('does not let a page claim another site as its canonical address', () => {
    const page = articlePage(HARBOUR, ORIGIN)
      .replace('href="/news/harbour-reopens"', 'href="https://other.example/news/x"')
      .replace(/"mainEntityOfPage":"[^"]*"/, '"mainEntityOfPage":"https://other.example/y"');
    const result = extractArticle(page, `${ORIGIN}/news/harbour-reopens`);
    expect(result.ok && result.article.meta.url).toBe(`${ORIGIN}/news/harbour-reopens`);
  });

  it('hands the cleaner a caption it sets aside with its reason, and a byline it reads', () => {
    const result = extractArticle(articlePage(HARBOUR, ORIGIN), `${ORIGIN}/news/harbour-reopens`);
    if (!result.ok) throw new Error(result.reason);
    const clean = cleanArticle(result.article.text);
    expect(clean.title).toBe(HARBOUR.title);
    expect(clean.text).not.toContain('Photograph: Lena Vos');
    expect(clean.setAside.some((line) => line.reason === 'caption' && line.text.includes('Lena Vos'))).toBe(true);
    expect(clean.text).not.toContain('Sign up to our daily newsletter');
    expect(clean.text.split('\n\n')[0]).toBe(HARBOUR.paragraphs[0]);
  });
});

describe('HTML to the text the cleaner reads', () => {
  it('writes one paragraph per block, cross-heads, list items and captions in light markup', () => {
    const document = parseHtml(
      '<div><h2>Why now</h2><p>The council <b>voted</b>\n  on Monday.</p><ul><li>One</li><li>Two</li></ul><figure><img src="x.jpg"><figcaption>The hall [left]. Photo: PA</figcaption></figure><script>bad()</script></div>',
    );
    expect(htmlText(document.querySelector('div')!)).toBe('## Why now\n\nThe council voted on Monday.\n\n- One\n\n- Two\n\n![The hall (left). Photo: PA]()');
  });

  it('leaves out what the page hides from readers', () => {
    const document = parseHtml('<div><p>Seen.</p><p hidden>Unseen.</p><p style="display: none">Gone.</p><span aria-hidden="true">Icon</span></div>');
    expect(htmlText(document.querySelector('div')!)).toBe('Seen.');
  });
});

describe('page metadata', () => {
  it('passes over JSON-LD that does not parse and finds the article in a graph', () => {
    const document = parseHtml(`<html><head>
      <script type="application/ld+json">{ not json</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"X"},{"@type":"NewsArticle","headline":"Graph headline","author":[{"name":"A One"},{"name":"B Two"},{"name":"C Three"}]}]}</script>
      </head><body></body></html>`);
    const meta = pageMetadata(document, `${ORIGIN}/a`);
    expect(meta.title).toBe('Graph headline');
    expect(meta.byline).toBe('A One, B Two and C Three');
    expect(meta.url).toBe(`${ORIGIN}/a`);
  });

  it('strips the site name from the title tag when nothing better names the article', () => {
    const document = parseHtml(
      '<html><head><title>Quay closes early – Harbour News</title><meta property="og:site_name" content="Harbour News"></head><body></body></html>',
    );
    expect(pageMetadata(document, `${ORIGIN}/q`).title).toBe('Quay closes early');
  });
});
