import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedReason } from '../../../src/ingest/web/fetch/address-policy.ts';
import { httpGet, type HttpGetOptions } from '../../../src/ingest/web/fetch/http-get.ts';
import { retryAfterMs } from '../../../src/ingest/web/fetch/retry-after.ts';
import { checkUrl, redactUrl, unwrapLink } from '../../../src/ingest/web/fetch/url-policy.ts';
import { userAgent } from '../../../src/ingest/web/web-client.ts';
import { endlessBody, startFakeWebServer, type FakeWebServer } from '../../fakes/web/fake-web-server.ts';

let web: FakeWebServer;
const open: HttpGetOptions = { userAgent: 'briefbot-test/1 (+https://briefbot.example)', timeoutMs: 2000, maxBytes: 5 * 1024 * 1024, allowPrivate: true };
const guarded: HttpGetOptions = { ...open, allowPrivate: false };

beforeAll(async () => {
  web = await startFakeWebServer();
});
afterAll(async () => {
  await web.close();
});

describe('the User-Agent', () => {
  it('names the bot and its version, and a page about it only when one is configured', () => {
    expect(userAgent('0.1.0', null)).toBe('briefbot/0.1.0');
    expect(userAgent('0.1.0', 'https://news.example/bot')).toBe('briefbot/0.1.0 (+https://news.example/bot)');
  });
});

describe('a guarded GET', () => {
  it('sends the User-Agent, accepts compression and returns the body decompressed', async () => {
    web.serve('/gz', { body: 'hello feed', gzip: true, headers: { 'content-type': 'application/rss+xml' } });
    const result = await httpGet(`${web.origin}/gz`, open);
    expect(result).toMatchObject({ kind: 'ok', status: 200, contentType: 'application/rss+xml' });
    expect(result.kind === 'ok' && result.body.toString()).toBe('hello feed');
    const sent = web.requests.at(-1)!.headers;
    expect(sent['user-agent']).toBe(open.userAgent);
    expect(sent['accept-encoding']).toMatch(/gzip/);
  });

  it('revalidates with the ETag and reports 304 as not modified', async () => {
    web.serve('/etag', { body: 'v1', etag: '"v1"', headers: { 'last-modified': 'Mon, 02 Mar 2026 08:00:00 GMT' } });
    const first = await httpGet(`${web.origin}/etag`, open);
    expect(first.kind === 'ok' && first.validators).toEqual({ etag: '"v1"', lastModified: 'Mon, 02 Mar 2026 08:00:00 GMT' });
    const again = await httpGet(`${web.origin}/etag`, { ...open, headers: { 'if-none-match': '"v1"' } });
    expect(again.kind).toBe('not-modified');
  });

  it('reports 429 with the wait Retry-After asks for, and 500 as a failure', async () => {
    web.serve('/busy', { status: 429, headers: { 'retry-after': '120' } });
    web.serve('/broken', { status: 500 });
    expect(await httpGet(`${web.origin}/busy`, open)).toMatchObject({
      kind: 'failed',
      status: 429,
      retryAfterMs: 120_000,
      reason: 'HTTP 429 Too Many Requests',
    });
    expect(await httpGet(`${web.origin}/broken`, open)).toMatchObject({ kind: 'failed', status: 500, retryAfterMs: null });
  });

  it('follows a redirect, and stops a redirect loop with a reason', async () => {
    web.serve('/old', { status: 301, headers: { location: '/new' } });
    web.serve('/new', { body: 'moved here' });
    web.serve('/loop-a', { status: 302, headers: { location: '/loop-b' } });
    web.serve('/loop-b', { status: 302, headers: { location: '/loop-a' } });
    const moved = await httpGet(`${web.origin}/old`, open);
    expect(moved).toMatchObject({ kind: 'ok', url: `${web.origin}/new` });
    expect(await httpGet(`${web.origin}/loop-a`, open)).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^redirect loop/) });
  });

  it('gives up after five redirects', async () => {
    for (let i = 0; i < 7; i++) web.serve(`/hop${i}`, { status: 302, headers: { location: `/hop${i + 1}` } });
    expect(await httpGet(`${web.origin}/hop0`, open)).toMatchObject({ kind: 'failed', reason: 'too many redirects (more than 5)' });
  });

  it('stops reading a 20 MB body at the cap, with or without a Content-Length', async () => {
    web.serve('/endless', endlessBody(20));
    web.serve('/declared', { body: Buffer.alloc(6 * 1024 * 1024, 'b') });
    expect(await httpGet(`${web.origin}/endless`, open)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^too large: over 5\.0 MB \(the limit is 5\.0 MB\)/),
    });
    expect(await httpGet(`${web.origin}/declared`, open)).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/^too large/) });
  });

  it('times out a server that never answers', async () => {
    web.serve('/silent', () => undefined);
    expect(await httpGet(`${web.origin}/silent`, { ...open, timeoutMs: 300 })).toMatchObject({ kind: 'failed', reason: 'timed out after 0.3 s' });
  });
});

describe('the SSRF guard', () => {
  it('refuses a loopback address and a name that resolves to one', async () => {
    web.serve('/secret', { body: 'internal' });
    expect(await httpGet(`${web.origin}/secret`, guarded)).toMatchObject({
      kind: 'failed',
      reason: '127.0.0.1 is a loopback address, which briefbot does not fetch from',
    });
    const port = new URL(web.origin).port;
    expect(await httpGet(`http://localhost:${port}/secret`, guarded)).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^localhost resolves to (127\.0\.0\.1|::1) \(loopback\)/),
    });
    expect(await httpGet(`http://[::ffff:127.0.0.1]:${port}/secret`, guarded)).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/loopback/) });
    expect(web.hits('/secret')).toBe(0);
  });

  it('connects to the address the resolver gave and checked, not to a second lookup', async () => {
    const port = new URL(web.origin).port;
    web.serve('/named', { body: 'reached by name' });
    // The test setup lets only loopback names connect, so the name is "localhost"; the resolver
    // is ours, and the socket uses what it returned (the system resolver is never asked).
    const asked: string[] = [];
    const resolver = async (host: string) => {
      asked.push(host);
      return [{ address: '127.0.0.1', family: 4 as const }];
    };
    const reached = await httpGet(`http://localhost:${port}/named`, { ...open, resolver });
    expect(reached.kind === 'ok' && reached.body.toString()).toBe('reached by name');
    expect(asked).toEqual(['localhost']);
    expect(await httpGet(`http://localhost:${port}/named`, { ...guarded, resolver })).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^localhost resolves to 127\.0\.0\.1 \(loopback\)/),
    });
    expect(web.hits('/named')).toBe(1);
  });

  it('checks every redirect again: a hop to a refused address is not followed', async () => {
    const port = new URL(web.origin).port;
    // 127.0.0.1 (the server) is allowed here; any other loopback address stands for a private one.
    const policy = (address: string) => (address === '127.0.0.1' ? null : blockedReason(address));
    web.serve('/to-private', { status: 302, headers: { location: `http://127.0.0.2:${port}/secret` } });
    web.serve('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect(await httpGet(`${web.origin}/to-private`, { ...guarded, policy })).toMatchObject({
      kind: 'failed',
      reason: '127.0.0.2 is a loopback address, which briefbot does not fetch from',
    });
    expect(await httpGet(`${web.origin}/to-file`, { ...guarded, policy })).toMatchObject({
      kind: 'failed',
      reason: 'redirected to an address that cannot be followed: only http and https addresses can be followed, not file:',
    });
  });
});

describe('addresses a user may give', () => {
  it('accepts http(s) and drops the fragment', () => {
    expect(checkUrl(' https://courier.example/feed.xml#top ')).toMatchObject({ ok: true, url: new URL('https://courier.example/feed.xml') });
  });

  it('refuses other schemes, credentials and text that is not an address, without echoing a password', () => {
    expect(checkUrl('ftp://courier.example/x')).toMatchObject({ ok: false, reason: expect.stringMatching(/not ftp:/) });
    const withPassword = checkUrl('https://ann:hunter2@courier.example/feed');
    expect(withPassword.ok).toBe(false);
    expect(JSON.stringify(withPassword)).not.toContain('hunter2');
    expect(checkUrl('not a url')).toMatchObject({ ok: false, reason: expect.stringMatching(/is not a web address/) });
  });

  it('takes the address out of the angle brackets a chat platform wraps a link in', () => {
    expect(unwrapLink('<https://news.example/feed.xml|news.example/feed.xml>')).toBe('https://news.example/feed.xml');
    expect(unwrapLink(' <https://news.example/a> ')).toBe('https://news.example/a');
    expect(unwrapLink('https://news.example/a')).toBe('https://news.example/a');
  });

  it('redacts credentials for logs', () => {
    expect(redactUrl('https://ann:hunter2@courier.example/feed')).toBe('https://***@courier.example/feed');
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates, and caps a wait at a day', () => {
    const now = new Date('2026-10-21T07:27:00Z');
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('999999', now)).toBe(24 * 3600 * 1000);
    expect(retryAfterMs('soon', now)).toBeNull();
  });
});
