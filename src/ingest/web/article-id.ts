/**
 * The id a web article is stored under: `web/` + its site + a readable slug of its address +
 * six hex digits of the address's hash, so it is stable, unique, safe to type in a command and
 * never collides with a file's id (which is its path in a folder).
 */
import { createHash } from 'node:crypto';

/**
 * @example webArticleId('https://www.courier.example/news/2026/harbour-reopens.html?ref=rss') === 'web/courier.example/harbour-reopens-1f9c2a'
 */
export function webArticleId(address: string): string {
  const hash = createHash('sha256').update(address).digest('hex').slice(0, 6);
  let host = 'page';
  let slug = '';
  try {
    const url = new URL(address);
    host =
      url.hostname
        .toLowerCase()
        .replace(/^www\./, '')
        .replace(/[^a-z0-9.-]/g, '') || 'page';
    const segments = url.pathname.split('/').filter((s) => s !== '');
    const last = decodeSafely(segments[segments.length - 1] ?? '').replace(/\.(?:s?html?|php|aspx?|jsp)$/i, '');
    slug = last
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '');
  } catch {
    // not an address: the hash alone
  }
  return `web/${host}/${slug ? `${slug}-` : ''}${hash}`;
}

function decodeSafely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
