import { describe, expect, it } from 'vitest';
import type { CleanArticle } from '../../../src/core/article.ts';
import { combineStated, mergeMeta, refineDate } from '../../../src/ingest/merge-meta.ts';

function clean(overrides: Partial<CleanArticle> = {}): CleanArticle {
  return {
    title: 'Headline from the text',
    titleMade: false,
    text: 'Body.',
    blocks: [],
    setAside: [],
    dateline: { published: null, updated: null },
    byline: null,
    ...overrides,
  };
}

describe('refineDate', () => {
  it('keeps a more precise date from the text when it says the same day', () => {
    expect(refineDate('2014-01-14', '2014-01-14T02:11')).toBe('2014-01-14T02:11');
    expect(refineDate('2019-05', '2019-05-03')).toBe('2019-05-03');
  });

  it('keeps the stated date when the text disagrees or is less precise', () => {
    expect(refineDate('2014-01-14', '2014-02-01T09:00')).toBe('2014-01-14');
    expect(refineDate('2014-01-14T02:11', '2014-01-14')).toBe('2014-01-14T02:11');
    expect(refineDate('2014-01-14', null)).toBe('2014-01-14');
  });

  it('takes the text’s date when none was stated, and never invents one', () => {
    expect(refineDate(undefined, '2014-01-14T02:11')).toBe('2014-01-14T02:11');
    expect(refineDate(null, '2014-01-14')).toBe('2014-01-14');
    expect(refineDate(null, null)).toBeNull();
  });
});

describe('mergeMeta', () => {
  it('fills what was not stated from the text and leaves the rest unknown', () => {
    const meta = mergeMeta({}, clean({ dateline: { published: '2014-01-14T02:11', updated: '2014-01-14T16:32' }, byline: 'Jo Bloggs' }));
    expect(meta).toEqual({
      title: 'Headline from the text',
      outlet: null,
      url: null,
      published: '2014-01-14T02:11',
      updated: '2014-01-14T16:32',
      byline: 'Jo Bloggs',
    });
  });

  it('prefers stated facts to what the text shows', () => {
    const meta = mergeMeta({ title: 'Stated title', outlet: 'The Paper', byline: 'Stated Author' }, clean({ byline: 'Text Author' }));
    expect(meta).toMatchObject({ title: 'Stated title', outlet: 'The Paper', byline: 'Stated Author' });
  });

  it('treats a fact stated as unknown as open to what the text itself shows', () => {
    expect(mergeMeta({ published: null, title: null }, clean({ dateline: { published: '2020-03-01', updated: null } }))).toMatchObject({
      published: '2020-03-01',
      title: 'Headline from the text',
    });
  });
});

describe('combineStated', () => {
  it('prefers front matter, falling back to sources.json for facts front matter leaves unknown or unstated', () => {
    expect(combineStated({ outlet: 'Front', url: null }, { outlet: 'List', url: 'https://x.test/a', published: '2020' })).toEqual({
      outlet: 'Front',
      url: 'https://x.test/a',
      published: '2020',
    });
  });

  it('keeps a fact stated as unknown by either', () => {
    expect(combineStated({ byline: null }, {})).toEqual({ byline: null });
    expect(combineStated({}, { outlet: null })).toEqual({ outlet: null });
  });
});
