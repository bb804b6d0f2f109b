import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/ingest/front-matter.ts';

describe('parseFrontMatter', () => {
  it('separates the stated facts from the body', () => {
    const text = [
      '---',
      'title: Council closes bridge',
      'outlet: The Riverside Gazette',
      'url: https://example.org/news/bridge',
      'published: 2021-03-04',
      'byline: Ann Lee',
      '---',
      'The council closed the bridge.',
      '',
      'Traffic was diverted.',
    ].join('\n');
    const parsed = parseFrontMatter(text);
    expect(parsed.meta).toEqual({
      title: 'Council closes bridge',
      outlet: 'The Riverside Gazette',
      url: 'https://example.org/news/bridge',
      published: '2021-03-04',
      byline: 'Ann Lee',
    });
    expect(parsed.body).toBe('The council closed the bridge.\n\nTraffic was diverted.');
    expect(parsed.bodyLine).toBe(8);
    expect(parsed.warnings).toEqual([]);
  });

  it('takes date as published and author as byline', () => {
    const { meta } = parseFrontMatter('---\ndate: 2019-05\nauthor: Sam Okafor\n---\nBody.');
    expect(meta).toEqual({ published: '2019-05', byline: 'Sam Okafor' });
  });

  it('normalises written-out dates to ISO, day first as British copy writes them', () => {
    expect(parseFrontMatter('---\npublished: 14 January 2014\n---\nBody.').meta.published).toBe('2014-01-14');
    expect(parseFrontMatter('---\npublished: 01/02/2014\n---\nBody.').meta.published).toBe('2014-02-01');
    expect(parseFrontMatter('---\npublished: "2014-01-14 02:11"\n---\nBody.').meta.published).toBe('2014-01-14T02:11');
    expect(parseFrontMatter('---\nupdated: 2020\n---\nBody.').meta.updated).toBe('2020');
  });

  it('warns about a date it cannot read instead of guessing one', () => {
    const parsed = parseFrontMatter('---\npublished: last Tuesday\n---\nBody.');
    expect(parsed.meta.published).toBeUndefined();
    expect(parsed.warnings).toEqual([expect.stringMatching(/published: last Tuesday.*not a date/)]);
  });

  it('keeps an empty value as a fact stated unknown', () => {
    expect(parseFrontMatter('---\nurl:\noutlet: ~\n---\nBody.').meta).toEqual({ url: null, outlet: null });
  });

  it('joins a list of authors', () => {
    expect(parseFrontMatter('---\nauthor:\n  - Ann Lee\n  - Raj Patel\n---\nBody.').meta.byline).toBe('Ann Lee, Raj Patel');
  });

  it('keeps the whole text as the body when the YAML is malformed, with a warning', () => {
    const text = '---\ntitle: [unclosed\noutlet: x\n---\nBody.';
    const parsed = parseFrontMatter(text);
    expect(parsed.body).toBe(text);
    expect(parsed.meta).toEqual({});
    expect(parsed.warnings).toEqual([expect.stringMatching(/not valid YAML/)]);
  });

  it('keeps the whole text when the opening line is never closed', () => {
    const text = '---\ntitle: A headline\n\nThe story starts here.';
    const parsed = parseFrontMatter(text);
    expect(parsed.body).toBe(text);
    expect(parsed.warnings).toEqual([expect.stringMatching(/no closing/)]);
  });

  it('leaves text with no front matter alone', () => {
    const text = 'Headline\n\n--- not front matter ---\n\nBody.';
    expect(parseFrontMatter(text)).toEqual({ body: text, meta: {}, warnings: [], bodyLine: 1 });
  });

  it('ignores unknown keys and keys that would reach the prototype', () => {
    const parsed = parseFrontMatter('---\ntags: [a, b]\n__proto__: x\nconstructor: y\ntitle: T\n---\nBody.');
    expect(parsed.meta).toEqual({ title: 'T' });
    expect(Object.getPrototypeOf(parsed.meta)).toBe(Object.prototype);
  });
});
