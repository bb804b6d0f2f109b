import { rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../../src/core/article.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { MAX_ARTICLE_BYTES } from '../../../src/ingest/read-article.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { tempFolder, testDeps } from './helpers.ts';

const article = (title: string, body: string) => `${title}\n\n${body}\n`;

describe('ingestPaths', () => {
  let folder: ReturnType<typeof tempFolder>;
  let store: Store;
  let deps: ReturnType<typeof testDeps>;
  beforeEach(() => {
    folder = tempFolder();
    store = openSqliteStore(':memory:');
    deps = testDeps(store);
  });
  afterEach(async () => {
    await store.close();
    folder.cleanup();
  });

  describe('finding articles', () => {
    it('ingests .txt and .md files under a folder, with ids relative to it and without extension', async () => {
      folder.write('000_abc.txt', article('One', 'First body.'));
      folder.write('politics/001.md', article('Two', 'Second body.'));
      folder.write('politics/notes.json', '{}');
      folder.write('.hidden/003.txt', article('Hidden', 'Never read.'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['000_abc', 'politics/001']);
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['000_abc', 'politics/001']);
      expect(report.articles).toBe(2);
    });

    it('gives a file ingested on its own its base name as id', async () => {
      const path = folder.write('deep/inside/story-42.txt', article('Alone', 'Just one.'));
      const report = await ingestPaths([path], deps);
      expect(report.added).toEqual(['story-42']);
    });

    it('reports a path that does not exist and ingests the others', async () => {
      folder.write('a.txt', article('A', 'Body.'));
      const report = await ingestPaths([join(folder.dir, 'nope'), folder.dir], deps);
      expect(report.skipped).toEqual([{ path: join(folder.dir, 'nope'), id: null, reason: 'not found' }]);
      expect(report.added).toEqual(['a']);
    });

    it('reports a folder README instead of indexing it as an article', async () => {
      folder.write('README.md', '# About this corpus\n\nSome notes.');
      folder.write('a.txt', article('A', 'Body.'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['a']);
      expect(report.skipped.map((s) => s.reason)).toEqual(['a folder README or licence, not an article']);
    });
  });

  describe('incremental and idempotent', () => {
    beforeEach(() => {
      folder.write('a.txt', article('A', 'Alpha body.'));
      folder.write('b.txt', article('B', 'Beta body.'));
    });

    it('writes nothing and analyses nothing when nothing changed', async () => {
      await ingestPaths([folder.dir], deps);
      const before = await store.listArticles();
      deps.analyse.calls.length = 0;
      const report = await ingestPaths([folder.dir], deps);
      expect(report).toMatchObject({ added: [], updated: [], removed: [], duplicates: [], skipped: [] });
      expect(report.unchanged).toEqual(['a', 'b']);
      expect(deps.analyse.calls).toEqual([]);
      expect(await store.listArticles()).toEqual(before);
    });

    it('does not relink the story when nothing changed', async () => {
      await ingestPaths([folder.dir], deps);
      await ingestPaths([folder.dir], deps);
      expect(deps.linkStory.runs).toEqual([['a', 'b']]);
    });

    it('relinks the story when a run stopped after writing articles but before linking them', async () => {
      folder.write('c.txt', article('C', 'Gamma body.'));
      const failingLink = testDeps(store, {
        linkStory: () => {
          throw new Error('killed');
        },
      });
      const first = await ingestPaths([folder.dir], failingLink);
      expect(first.warnings.map((w) => w.message)).toEqual(['entities were not linked across articles: killed']);
      const { entities } = (await store.listArticleEntities())[0]!;
      expect(entities.length).toBeGreaterThan(0);
      await ingestPaths([folder.dir], deps);
      expect(deps.linkStory.runs).toEqual([['a', 'b', 'c']]);
    });

    it('links a few new, changed or removed articles each in its own write, without relinking the whole story', async () => {
      const linked = testDeps(store, { incrementalLinking: 10 });
      await ingestPaths([folder.dir], linked);
      folder.write('c.txt', article('C', 'Gamma body.'));
      folder.write('b.txt', article('B', 'Beta body, corrected.'));
      rmSync(join(folder.dir, 'a.txt'));
      const report = await ingestPaths([folder.dir], linked);
      expect(report).toMatchObject({ added: ['c'], updated: ['b'], removed: ['a'] });
      expect(linked.linkStory.runs).toEqual([]);
      expect(await store.needsLinking()).toBe(false);
      expect((await store.storyEntities()).map((e) => [e.name, e.articleCount])).toEqual([
        ['Writer of b', 1],
        ['Writer of c', 1],
      ]);
    });

    it('relinks the whole story once when a run brings more new articles than it links one by one', async () => {
      folder.write('c.txt', article('C', 'Gamma body.'));
      const linked = testDeps(store, { incrementalLinking: 2 });
      await ingestPaths([folder.dir], linked);
      expect(linked.linkStory.runs).toEqual([['a', 'b', 'c']]);
      expect(await store.needsLinking()).toBe(false);
    });

    it('replaces a changed article and leaves the others alone', async () => {
      await ingestPaths([folder.dir], deps);
      folder.write('b.txt', article('B', 'Beta body, corrected.'));
      deps.analyse.calls.length = 0;
      const report = await ingestPaths([folder.dir], deps);
      expect(report.updated).toEqual(['b']);
      expect(report.unchanged).toEqual(['a']);
      expect(deps.analyse.calls).toEqual(['b']);
      expect((await store.getArticle('b'))?.clean.text).toContain('corrected');
      expect(deps.linkStory.runs.at(-1)).toEqual(['a', 'b']);
    });

    it('marks an article removed when its file is gone from a folder ingested again', async () => {
      await ingestPaths([folder.dir], deps);
      rmSync(join(folder.dir, 'b.txt'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.removed).toEqual(['b']);
      expect(await store.getArticle('b')).toBeNull();
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['a']);
      expect(deps.linkStory.runs.at(-1)).toEqual(['a']);
    });

    it('keeps articles of other folders when one folder is ingested', async () => {
      const other = tempFolder();
      try {
        other.write('z.txt', article('Z', 'Zeta body.'));
        await ingestPaths([folder.dir, other.dir], deps);
        const report = await ingestPaths([other.dir], deps);
        expect(report.removed).toEqual([]);
        expect(await store.countArticles()).toBe(3);
      } finally {
        other.cleanup();
      }
    });

    it("gives a second folder's file of the same name its own id, so neither overwrites the other", async () => {
      const first = tempFolder();
      const second = tempFolder();
      try {
        first.write('001.txt', article('Harbour', 'The harbour reopened on Monday.'));
        second.write('001.txt', article('Ferry', 'The ferry timetable changed on Wednesday.'));
        await ingestPaths([first.dir], deps);
        const report = await ingestPaths([second.dir], deps);
        const label = second.dir.split('/').pop();
        expect(report.added).toEqual([`${label}/001`]);
        expect((await store.getArticle('001'))?.meta.title).toBe('Harbour');
        expect((await store.getArticle(`${label}/001`))?.meta.title).toBe('Ferry');
        // Each keeps its id when ingested again, in either order or together.
        const again = await ingestPaths([second.dir, first.dir], deps);
        expect([...again.unchanged].sort()).toEqual(['001', `${label}/001`].sort());
        expect(again.removed).toEqual([]);
      } finally {
        first.cleanup();
        second.cleanup();
      }
    });

    it('lets a moved folder keep its ids', async () => {
      const before = tempFolder();
      const after = tempFolder();
      try {
        before.write('001.txt', article('Harbour', 'The harbour reopened on Monday.'));
        await ingestPaths([before.dir], deps);
        before.cleanup();
        after.write('001.txt', article('Harbour', 'The harbour reopened on Monday.'));
        const report = await ingestPaths([after.dir], deps);
        expect(report.skipped).toEqual([]);
        expect((await store.listArticles()).map((a) => a.id)).toEqual(['001']);
      } finally {
        after.cleanup();
      }
    });

    it('serves a removed article again when its file comes back', async () => {
      await ingestPaths([folder.dir], deps);
      rmSync(join(folder.dir, 'b.txt'));
      await ingestPaths([folder.dir], deps);
      folder.write('b.txt', article('B', 'Beta body.'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['b']);
      expect(await store.getArticle('b')).not.toBeNull();
    });
  });

  describe('exact duplicates', () => {
    it('reports a duplicate by id and indexes its text once', async () => {
      folder.write('business/012.txt', article('Same', 'Identical body.'));
      folder.write('business/099.txt', article('Same', 'Identical body.'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['business/012']);
      expect(report.duplicates).toEqual([{ id: 'business/099', of: 'business/012' }]);
      expect(await store.countArticles()).toBe(1);
      expect(deps.analyse.calls).toEqual(['business/012']);
    });

    it('leaves a duplicate unchanged on the next run', async () => {
      folder.write('a.txt', article('Same', 'Identical body.'));
      folder.write('b.txt', article('Same', 'Identical body.'));
      await ingestPaths([folder.dir], deps);
      const report = await ingestPaths([folder.dir], deps);
      expect(report.unchanged).toEqual(['a', 'b']);
      expect(report.duplicates).toEqual([]);
    });

    it('indexes the duplicate in its original’s place when the original is removed', async () => {
      folder.write('a.txt', article('Same', 'Identical body.'));
      folder.write('b.txt', article('Same', 'Identical body.'));
      await ingestPaths([folder.dir], deps);
      rmSync(join(folder.dir, 'a.txt'));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.removed).toEqual(['a']);
      expect(report.updated).toEqual(['b']);
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['b']);
    });

    it('indexes the duplicate on its own when the original’s text changes', async () => {
      folder.write('a.txt', article('Same', 'Identical body.'));
      folder.write('b.txt', article('Same', 'Identical body.'));
      await ingestPaths([folder.dir], deps);
      folder.write('a.txt', article('Same', 'Identical body, now edited.'));
      const report = await ingestPaths([folder.dir], deps);
      expect([...report.updated].sort()).toEqual(['a', 'b']);
      expect(await store.countArticles()).toBe(2);
    });

    it('writes the duplicates of a run relinked whole together, as it writes articles, and each one linked while it links', async () => {
      folder.write('a.txt', article('Same', 'Identical body.'));
      for (let i = 0; i < 150; i++) folder.write(`copy/${String(i).padStart(3, '0')}.txt`, article('Same', 'Identical body.'));
      const writes: number[] = [];
      const counting: Store = {
        ...store,
        putDuplicate: (entry, options) => {
          writes.push(1);
          return store.putDuplicate(entry, options);
        },
        putDuplicates: (entries, options) => {
          writes.push(entries.length);
          return store.putDuplicates(entries, options);
        },
      };
      const report = await ingestPaths([folder.dir], testDeps(counting));
      expect(report.duplicates).toHaveLength(150);
      // 64 to a transaction, not one each.
      expect(writes).toEqual([64, 64, 22]);
      expect([...(await store.fingerprints()).values()].filter((f) => f.status === 'duplicate')).toHaveLength(150);

      // A small run links each write in its own transaction, a duplicate included.
      folder.write('copy/new.txt', article('Same', 'Identical body.'));
      writes.length = 0;
      await ingestPaths([folder.dir], testDeps(counting, { incrementalLinking: 200 }));
      expect(writes).toEqual([1]);
      expect((await store.fingerprints()).get('copy/new')?.status).toBe('duplicate');
    });

    it('does not take the same text with different stated facts for a duplicate', async () => {
      folder.write('a.txt', article('Wire story', 'Same wire copy.'));
      folder.write('b.txt', article('Wire story', 'Same wire copy.'));
      folder.write('sources.json', JSON.stringify({ articles: { 'a.txt': { outlet: 'Paper A' }, 'b.txt': { outlet: 'Paper B' } } }));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['a', 'b']);
      expect(report.duplicates).toEqual([]);
    });
  });

  describe('stated facts', () => {
    it('applies sources.json by file name, keeping stated nulls as unknown', async () => {
      folder.write('a.txt', article('A', 'Alpha.'));
      folder.write('sources.json', JSON.stringify({ about: 'facts', articles: { 'a.txt': { outlet: 'The Paper', url: null, published: '2019-05' } } }));
      await ingestPaths([folder.dir], deps);
      expect((await store.getArticle('a'))?.meta).toMatchObject({ outlet: 'The Paper', url: null, published: '2019-05' });
    });

    it('re-analyses an article when only its stated facts change', async () => {
      folder.write('a.txt', article('A', 'Alpha.'));
      folder.write('sources.json', JSON.stringify({ articles: { 'a.txt': { outlet: 'Old Name' } } }));
      await ingestPaths([folder.dir], deps);
      folder.write('sources.json', JSON.stringify({ articles: { 'a.txt': { outlet: 'New Name' } } }));
      const report = await ingestPaths([folder.dir], deps);
      expect(report.updated).toEqual(['a']);
      expect((await store.getArticle('a'))?.meta.outlet).toBe('New Name');
    });

    it('prefers front matter to sources.json and warns about a broken sources.json', async () => {
      folder.write('a.md', '---\noutlet: From Front Matter\n---\nA\n\nAlpha.\n');
      folder.write('sub/b.txt', article('B', 'Beta.'));
      folder.write('sources.json', JSON.stringify({ articles: { 'a.md': { outlet: 'From List', url: 'https://example.org/a' } } }));
      folder.write('sub/sources.json', '{ not json');
      const report = await ingestPaths([folder.dir], deps);
      expect((await store.getArticle('a'))?.meta).toMatchObject({ outlet: 'From Front Matter', url: 'https://example.org/a' });
      expect(report.added).toEqual(['a', 'sub/b']);
      expect(report.warnings).toHaveLength(1);
      expect(report.warnings[0]!.path).toBe(join(folder.dir, 'sub', 'sources.json'));
      expect(report.warnings[0]!.message).toMatch(/^not valid JSON/);
    });
  });

  describe('bad input', () => {
    it('skips empty, blank, binary, huge and unreadable files by name with the reason, and ingests the rest', async () => {
      folder.write('good.txt', article('Good', 'Fine body.'));
      const empty = folder.write('empty.txt', '');
      const blank = folder.write('blank.txt', '  \n\n \t\n');
      const binary = folder.write('image.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]));
      const huge = folder.write('huge.txt', 'word '.repeat(Math.ceil((MAX_ARTICLE_BYTES + 10) / 5)));
      const broken = join(folder.dir, 'gone.txt');
      symlinkSync(join(folder.dir, 'no-such-target.txt'), broken);
      const report = await ingestPaths([folder.dir], deps);
      expect(report.added).toEqual(['good']);
      const reasons = Object.fromEntries(report.skipped.map((s) => [s.path, s.reason]));
      expect(reasons[empty]).toBe('empty file');
      expect(reasons[blank]).toBe('empty: only white space');
      expect(reasons[binary]).toMatch(/^not text: binary content/);
      expect(reasons[huge]).toMatch(/^too large: 5\.0 MB \(the limit is 5 MB\)/);
      expect(reasons[broken]).toBe('broken symbolic link');
      expect(report.skipped).toHaveLength(5);
    });

    it('stops serving a stored article whose file became unusable', async () => {
      folder.write('a.txt', article('A', 'Alpha.'));
      folder.write('b.txt', article('B', 'Beta.'));
      await ingestPaths([folder.dir], deps);
      folder.write('b.txt', '');
      const report = await ingestPaths([folder.dir], deps);
      expect(report.skipped.map((s) => s.id)).toEqual(['b']);
      expect(report.removed).toEqual(['b']);
      expect(await store.getArticle('b')).toBeNull();
    });

    it('reports an article the analyser fails on and ingests the ones after it', async () => {
      for (const name of ['1', '2', '3', '4']) folder.write(`${name}.txt`, article(`T${name}`, `Body ${name}.`));
      const analyse = deps.analyse;
      const failing = testDeps(store, {
        analyse: (raw, hash) => {
          if (raw.id === '3') throw new Error('cannot parse this');
          return analyse(raw, hash);
        },
      });
      const report = await ingestPaths([folder.dir], failing);
      expect(report.added).toEqual(['1', '2', '4']);
      expect(report.skipped).toEqual([{ path: join(folder.dir, '3.txt'), id: '3', reason: 'analysis failed: cannot parse this' }]);
      expect(await store.getArticle('3')).toBeNull();
    });

    it('leaves the database as it was before the batch being written when a write crashes', async () => {
      for (const name of ['1', '2']) folder.write(`${name}.txt`, article(`T${name}`, `Body number ${name} with marker${name}.`));
      await ingestPaths([folder.dir], testDeps(store));
      for (const name of ['3', '4']) folder.write(`${name}.txt`, article(`T${name}`, `Body number ${name} with marker${name}.`));
      const crashing: Store = {
        ...store,
        async putArticles(entries, options) {
          // Article 4 fails after its row and sentences are written, in the batch after article
          // 3: all of the batch must roll back, article 3 included.
          const broken = (analysed: AnalysedArticle) =>
            ({
              ...analysed,
              analysis: {
                ...analysed.analysis,
                get events(): never {
                  throw new Error('power cut');
                },
              },
            }) as AnalysedArticle;
          expect(entries.map((e) => e.article.id)).toEqual(['3', '4']);
          return store.putArticles(
            entries.map((e) => (e.article.id === '4' ? { ...e, article: broken(e.article) } : e)),
            options,
          );
        },
      };
      await expect(ingestPaths([folder.dir], testDeps(crashing))).rejects.toThrow('power cut');
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['1', '2']);
      expect((await store.fingerprints()).has('3')).toBe(false);
      expect(await store.searchSentences({ terms: ['marker3'] })).toEqual([]);
      // Running again after the crash finishes the job.
      const report = await ingestPaths([folder.dir], testDeps(store));
      expect(report.added).toEqual(['3', '4']);
      expect(report.unchanged).toEqual(['1', '2']);
    });
  });
});
