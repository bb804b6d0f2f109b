import { describe, expect, it } from 'vitest';
import { webText } from '../../../src/ingest/web/fetch/web-text.ts';

describe('decoding a fetched page', () => {
  it('uses the charset the Content-Type declares', () => {
    expect(webText(Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'text/html; charset=ISO-8859-1')).toEqual({ ok: true, text: 'café' });
    // "Zażółć" in ISO-8859-2
    expect(webText(Buffer.from([0x5a, 0x61, 0xbf, 0xf3, 0xb3, 0xe6]), 'text/html; charset=iso-8859-2')).toEqual({ ok: true, text: 'Zażółć' });
  });

  it('finds the charset in a meta tag or the XML declaration when the header has none', () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="koi8-r"></head><body>'),
      Buffer.from([0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4]),
      Buffer.from('</body></html>'),
    ]);
    expect(webText(html, 'text/html')).toMatchObject({ ok: true, text: expect.stringContaining('Привет') });
    const xml = Buffer.concat([
      Buffer.from('<?xml version="1.0" encoding="windows-1252"?><rss><title>'),
      Buffer.from([0x93, 0x51, 0x94]),
      Buffer.from('</title></rss>'),
    ]);
    expect(webText(xml, 'application/rss+xml')).toMatchObject({ ok: true, text: expect.stringContaining('“Q”') });
  });

  it('reads undeclared text as UTF-8, or Windows-1252 when it is not UTF-8', () => {
    expect(webText(Buffer.from('naïve', 'utf8'), null)).toEqual({ ok: true, text: 'naïve' });
    expect(webText(Buffer.from([0x93, 0x51, 0x94]), 'text/html')).toEqual({ ok: true, text: '“Q”' });
  });

  it('refuses binary content with a reason', () => {
    expect(webText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0, 0, 0]), 'image/png')).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^not text/),
    });
  });
});
