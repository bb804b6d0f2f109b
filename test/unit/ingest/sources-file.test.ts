import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSourcesFile } from '../../../src/ingest/sources-file.ts';
import { tempFolder } from './helpers.ts';

describe('readSourcesFile', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.cleanup());

  it('states nothing when there is no sources.json', async () => {
    expect(await readSourcesFile(folder.dir)).toEqual({ byName: new Map(), problem: null });
  });

  it('reads facts by file name, keeping nulls and leaving absent keys unstated', async () => {
    folder.write(
      'sources.json',
      JSON.stringify({
        about: 'anything',
        articles: { 'a.txt': { outlet: ' The Paper ', url: null }, 'b.md': { published: '2019-05', extra: 'ignored' } },
      }),
    );
    const { byName, problem } = await readSourcesFile(folder.dir);
    expect(problem).toBeNull();
    expect(byName.get('a.txt')).toEqual({ outlet: 'The Paper', url: null });
    expect(byName.get('b.md')).toEqual({ published: '2019-05' });
  });

  it('reads a file with a byte-order mark', async () => {
    folder.write('sources.json', `\uFEFF${JSON.stringify({ articles: { 'a.txt': { outlet: 'X' } } })}`);
    expect((await readSourcesFile(folder.dir)).byName.get('a.txt')).toEqual({ outlet: 'X' });
  });

  it('reports broken JSON or the wrong shape, and uses none of its facts', async () => {
    folder.write('sources.json', '{"articles": ');
    expect((await readSourcesFile(folder.dir)).problem).toMatch(/^not valid JSON .*; its facts were not used$/);
    folder.write('sources.json', JSON.stringify({ articles: { 'a.txt': { outlet: 42 } } }));
    const result = await readSourcesFile(folder.dir);
    expect(result.problem).toMatch(/^not in the expected form at articles\.a\.txt\.outlet: expected string, received number; its facts were not used$/);
    folder.write('sources.json', JSON.stringify({ articles: [] }));
    expect((await readSourcesFile(folder.dir)).problem).toMatch(/^not in the expected form at articles: expected record, received array;/);
    expect(result.byName.size).toBe(0);
  });
});
