/**
 * The real pipeline (decode, front matter, clean, analyse, store) on the seeds and on files
 * written for the test: publication facts merged from the text, and every supported encoding.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { tempFolder } from './helpers.ts';

const SEEDS = resolve(PROJECT_ROOT, 'seeds');
const ENCODINGS = resolve(PROJECT_ROOT, 'test/unit/ingest/fixtures/encodings');
const DATED = '004_684b3eebdcbad4b5';

describe('the real ingest pipeline', () => {
  let store: Store;
  let folder: ReturnType<typeof tempFolder>;
  const deps = () => ({ store, clock: systemClock, log: silentLogger });
  beforeEach(() => {
    store = openSqliteStore(':memory:');
    folder = tempFolder();
  });
  afterEach(async () => {
    await store.close();
    folder.cleanup();
  });

  it('keeps the dateline’s time when it refines the stated publication date', async () => {
    await ingestPaths([SEEDS], deps());
    const article = await store.getArticle(DATED);
    expect(article?.meta.published).toBe('2014-01-14T02:11');
    expect(article?.meta.updated).toBe('2014-01-14T16:32');
    expect(article?.meta.outlet).toBe('South China Morning Post');
  });

  it('dates an article from its dateline when nothing is stated', async () => {
    const path = join(folder.dir, `${DATED}.txt`);
    copyFileSync(join(SEEDS, `${DATED}.txt`), path);
    await ingestPaths([path], deps());
    const article = await store.getArticle(DATED);
    expect(article?.meta).toMatchObject({ published: '2014-01-14T02:11', updated: '2014-01-14T16:32', outlet: null, url: null });
  });

  it('keeps stated unknowns unknown', async () => {
    await ingestPaths([SEEDS], deps());
    const article = await store.getArticle('002_f3f2e613ff61652a');
    expect(article?.meta).toMatchObject({ outlet: null, url: null, published: null });
  });

  it('reads UTF-8, UTF-16 with a byte-order mark and Windows-1252 to the same text', async () => {
    const report = await ingestPaths([ENCODINGS], deps());
    // Five encodings of one text: one article and four exact duplicates of it.
    const sameText = ['utf16be-bom', 'utf16le-bom', 'utf8', 'utf8-bom', 'windows-1252'];
    const indexed = [...report.added].filter((id) => sameText.includes(id));
    expect(indexed).toHaveLength(1);
    expect(report.duplicates.map((d) => d.id).sort()).toEqual(sameText.filter((id) => id !== indexed[0]));
    const article = await store.getArticle(indexed[0]!);
    expect(article?.clean.text).toContain('Owners of cafés in Zürich said on Tuesday');
    expect(article?.clean.text).toContain('“We’re pleased with the outcome,” said Renée Dupont');
    expect(article?.meta.title).toBe('Café owners welcome the new rules');
  });

  it('reads a Latin-1 file with its accents', async () => {
    await ingestPaths([join(ENCODINGS, 'latin-1.txt')], deps());
    const article = await store.getArticle('latin-1');
    expect(article?.clean.text).toContain('"We are pleased with the outcome," said Renée Dupont');
    expect(article?.clean.text).not.toContain('\uFFFD');
  });

  it('finds quotations with canonical speakers across the seeds', async () => {
    await ingestPaths([SEEDS], deps());
    const quotes = await store.listQuotes();
    expect(quotes.length).toBeGreaterThanOrEqual(23);
    expect(quotes.filter((q) => q.speakerName !== null).length).toBeGreaterThanOrEqual(21);
    expect(readdirSync(SEEDS).filter((f) => f.endsWith('.txt'))).toHaveLength(5);
  });
});
