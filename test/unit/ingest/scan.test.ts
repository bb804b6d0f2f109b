import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fsReason, scanPath } from '../../../src/ingest/scan.ts';
import { tempFolder } from './helpers.ts';

describe('scanPath', () => {
  let folder: ReturnType<typeof tempFolder>;
  beforeEach(() => {
    folder = tempFolder();
  });
  afterEach(() => folder.cleanup());

  it('lists .txt and .md files in every subfolder, sorted by id, extension case aside', async () => {
    folder.write('b.TXT', 'x');
    folder.write('a/z.md', 'x');
    folder.write('a/y.txt', 'x');
    folder.write('image.png', 'x');
    folder.write('.git/HEAD.txt', 'x');
    const scan = await scanPath(folder.dir);
    expect(scan.kind).toBe('folder');
    expect(scan.files.map((f) => f.id)).toEqual(['a/y', 'a/z', 'b']);
    expect(scan.files[0]).toMatchObject({ path: join(folder.dir, 'a', 'y.txt'), dir: join(folder.dir, 'a'), name: 'y.txt' });
    expect(scan.problems).toEqual([]);
    expect(scan.incomplete).toBe(false);
  });

  it('keeps the first of two files that would share an id and reports the other', async () => {
    folder.write('a.md', 'x');
    folder.write('a.txt', 'x');
    const scan = await scanPath(folder.dir);
    expect(scan.files.map((f) => f.name)).toEqual(['a.md']);
    expect(scan.problems).toEqual([{ path: join(folder.dir, 'a.txt'), reason: 'same id "a" as a.md, which was ingested instead' }]);
  });

  it('does not follow a link to a folder, which could loop', async () => {
    folder.write('sub/a.txt', 'x');
    symlinkSync(folder.dir, join(folder.dir, 'sub', 'loop'));
    const scan = await scanPath(folder.dir);
    expect(scan.files.map((f) => f.id)).toEqual(['sub/a']);
  });

  it('takes a single file with its base name as id, and refuses other extensions', async () => {
    const path = folder.write('x/story.md', 'x');
    expect((await scanPath(path)).files.map((f) => f.id)).toEqual(['story']);
    const other = folder.write('x/data.csv', 'x');
    expect((await scanPath(other)).problems).toEqual([{ path: other, reason: 'not a .txt or .md file' }]);
  });

  it('reports a missing path as missing, never as an empty folder', async () => {
    const scan = await scanPath(join(folder.dir, 'nothing-here'));
    expect(scan).toMatchObject({ kind: 'missing', files: [], incomplete: true });
    mkdirSync(join(folder.dir, 'empty'));
    expect(await scanPath(join(folder.dir, 'empty'))).toMatchObject({ kind: 'folder', files: [], incomplete: false });
  });
});

describe('fsReason', () => {
  it('says what a file-system error means in a few words', () => {
    expect(fsReason(Object.assign(new Error('x'), { code: 'ENOENT' }))).toBe('not found');
    expect(fsReason(Object.assign(new Error('x'), { code: 'EACCES' }))).toBe('unreadable: permission denied');
    expect(fsReason(Object.assign(new Error('x'), { code: 'EIO' }))).toBe('unreadable: EIO');
  });
});
