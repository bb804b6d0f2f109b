/**
 * Web pages and feeds written for these tests (no third-party text): a news article page with
 * the furniture real pages carry (navigation, a figure with its caption and credit, a
 * newsletter box, related links, a footer) and JSON-LD, Open Graph and a canonical link; a page
 * with Open Graph only; an index page with no article; a page that links its feed. The people,
 * firms and places are invented.
 */

export interface ArticleFixture {
  readonly slug: string;
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly published: string;
  readonly modified?: string;
  readonly author?: string;
  readonly outlet?: string;
}

/** The body paragraphs of the harbour story, which later fixtures revise. */
export const HARBOUR_PARAGRAPHS: readonly string[] = [
  'The harbour at Kestrel Bay reopened to cargo ships on Monday after three weeks of repairs to its storm-damaged sea wall, the port authority said.',
  '"We have rebuilt the wall to withstand a storm twice as strong as the one that broke it," said Marta Quill, the authority\'s chief engineer.',
  "The repairs cost £14m, paid by the regional council and the port's two largest shipping firms, Halden Lines and Corvo Freight.",
  'Fishermen, who were allowed back a week earlier, said the closure had cost them most of the autumn season.',
  'Ms Quill said inspections would continue every month until the spring.',
];

/** A full article page: JSON-LD NewsArticle, Open Graph, canonical link and page furniture. */
export function articlePage(article: ArticleFixture, origin: string): string {
  const canonical = `${origin}/news/${article.slug}`;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.published,
    ...(article.modified ? { dateModified: article.modified } : {}),
    author: [{ '@type': 'Person', name: article.author ?? 'Ivo Marsh' }],
    publisher: { '@type': 'Organization', name: article.outlet ?? 'The Coastal Courier' },
    mainEntityOfPage: canonical,
  };
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>${article.title} | Coastal Courier</title>
  <link rel="canonical" href="/news/${article.slug}">
  <meta property="og:site_name" content="Coastal Courier">
  <meta property="og:title" content="${article.title}">
  <script type="application/ld+json">${JSON.stringify(ld)}</script>
  <script>document.title = 'changed by a script'; fetch('http://198.51.100.7/steal');</script>
  <link rel="stylesheet" href="http://198.51.100.7/style.css">
</head>
<body>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav>
  <main>
    <article>
      <h1>${article.title}</h1>
      <p class="byline">By ${article.author ?? 'Ivo Marsh'}</p>
      <figure>
        <img src="http://198.51.100.7/wall.jpg" alt="The sea wall">
        <figcaption>Workers on the rebuilt sea wall at Kestrel Bay. Photograph: Lena Vos/Coastal Courier</figcaption>
      </figure>
      ${article.paragraphs.map((p) => `<p>${p}</p>`).join('\n      ')}
      <h2>What happens next</h2>
      <p>The authority will publish its inspection reports on its website, and the council will review the cost of the repairs in January.</p>
      <div class="newsletter"><p>Sign up to our daily newsletter for the latest news from the coast.</p></div>
    </article>
    <aside><h3>Related stories</h3><ul><li><a href="/news/storm">Storm breaks Kestrel Bay sea wall</a></li><li><a href="/news/ferries">Ferries diverted to Morrow Point</a></li></ul></aside>
  </main>
  <footer><p>© 2026 Coastal Courier Media Ltd. All rights reserved.</p><p><a href="/privacy">Privacy</a> · <a href="/terms">Terms</a></p></footer>
</body>
</html>`;
}

export const HARBOUR: ArticleFixture = {
  slug: 'harbour-reopens',
  title: 'Kestrel Bay harbour reopens after sea wall repairs',
  paragraphs: HARBOUR_PARAGRAPHS,
  published: '2026-03-02T08:30:00Z',
};

/** A page with Open Graph and `<meta>` tags only, no JSON-LD. */
export function openGraphPage(origin: string): string {
  return `<!DOCTYPE html><html><head>
<title>Council approves new ferry timetable - Morrow Gazette</title>
<meta property="og:site_name" content="Morrow Gazette">
<meta property="og:url" content="${origin}/ferry-timetable">
<meta property="article:published_time" content="2026-03-04T10:00:00+00:00">
<meta property="article:modified_time" content="2026-03-04T12:15:00+00:00">
<meta name="author" content="Pia Renner">
</head><body>
<div id="content"><div class="story">
<p>Morrow Point council approved a new ferry timetable on Wednesday, adding four crossings a day to Kestrel Bay from April.</p>
<p>The extra crossings will run in the early morning and late evening, when commuters asked for them in a survey last year.</p>
<p>"This is what people told us they needed," said councillor Bram Oduya, who chairs the transport committee.</p>
<p>The ferry operator said it would hire twelve more crew members to run the new sailings.</p>
</div></div>
</body></html>`;
}

/** An index page: headlines and links, no article. */
export function indexPage(): string {
  return `<!DOCTYPE html><html><head><title>Coastal Courier</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<ul><li><a href="/news/a">Harbour reopens</a></li><li><a href="/news/b">Ferry timetable</a></li></ul>
</body></html>`;
}

/** A page that names its feed with `<link rel="alternate">` (and has no article of its own). */
export function feedLinkPage(feedPath: string): string {
  return `<!DOCTYPE html><html><head><title>Coastal Courier: news</title>
<link rel="alternate" type="application/rss+xml" title="Coastal Courier news" href="${feedPath}">
</head><body><ul><li><a href="/news/a">Harbour reopens</a></li></ul></body></html>`;
}
