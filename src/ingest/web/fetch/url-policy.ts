/**
 * Which addresses a user may ask briefbot to follow: absolute http(s) URLs without a user name
 * or password. Credentials are refused rather than kept, since a followed address is stored,
 * listed by `feeds` and logged; `redactUrl` makes any address safe to log all the same.
 */

export type UrlCheck = { readonly ok: true; readonly url: URL } | { readonly ok: false; readonly reason: string };

/**
 * The address as a URL (fragment dropped), or why it cannot be followed.
 *
 * @example checkUrl('https://courier.example/feed.xml#top') → { ok: true, url: URL('https://courier.example/feed.xml') }
 * @example checkUrl('file:///etc/passwd') → { ok: false, reason: 'only http and https addresses can be followed, not file:' }
 */
export function checkUrl(text: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return { ok: false, reason: `"${redactUrl(text).slice(0, 80)}" is not a web address: give one starting with https:// or http://` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `only http and https addresses can be followed, not ${url.protocol}` };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'addresses with a user name or password are refused: they would be stored and shown; use a public address' };
  }
  if (url.hostname === '') return { ok: false, reason: 'the address names no host' };
  url.hash = '';
  return { ok: true, url };
}

/**
 * The address with any user name and password replaced, for logs and messages.
 *
 * @example redactUrl('https://ann:secret@courier.example/feed') === 'https://***@courier.example/feed'
 */
export function redactUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/?#\s]*@/i, '$1***@');
}

/**
 * The address as typed: chat platforms wrap a pasted link in angle brackets, Slack with a label.
 *
 * @example unwrapLink('<https://news.example/feed.xml|news.example/feed.xml>') === 'https://news.example/feed.xml'
 */
export function unwrapLink(text: string): string {
  const trimmed = text.trim();
  const wrapped = /^<([^|>\s]+)(?:\|[^>]*)?>$/.exec(trimmed);
  return wrapped ? wrapped[1]! : trimmed;
}
