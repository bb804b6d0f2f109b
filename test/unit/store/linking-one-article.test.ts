/**
 * Linking one article at a time (the write's `link` option) on SQLite: the cases every engine
 * passes (linking-contract.ts), and adding one article to a story of 5,000 writes only the rows
 * of the entities the article mentions. Writes are counted by triggers a second connection
 * installs on the story tables (cascades included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import { relinkStory } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { origin } from './article-fixture.ts';
import { linkingContract } from './linking-contract.ts';
import { countsDifferingFromLinks, differencesFromWholeLinking, generated, LINKING_TABLES, type StoryRows } from './linking-fixture.ts';

/** The rows of a SQLite database, read through another connection. */
const rowsOf =
  (db: Database.Database): StoryRows =>
  async (sql) =>
    db.prepare(sql).all() as Record<string, unknown>[];

linkingContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-link-one-'));
  const store = openSqliteStore(join(dir, 'story.db'));
  const spy = new Database(join(dir, 'story.db'));
  return {
    store,
    rows: rowsOf(spy),
    close: async () => {
      spy.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('adding one article to a story of 5,000, linked in its own transaction', () => {
  const ARTICLES = 5000;
  let dir: string;
  let store: Store;
  let spy: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-link-5000-'));
    const file = join(dir, 'story.db');
    store = openSqliteStore(file);
    for (let i = 0; i < ARTICLES; i++) await store.putArticle(generated(i), origin());
    await relinkStory({ store }, [], silentLogger);
    spy = new Database(file);
    spy.exec(`CREATE TABLE write_log (tbl TEXT NOT NULL, story_entity TEXT NOT NULL)`);
    for (const [table, column] of LINKING_TABLES) {
      spy.exec(`
        CREATE TRIGGER log_${table}_insert AFTER INSERT ON ${table} BEGIN INSERT INTO write_log VALUES ('${table}', NEW.${column}); END;
        CREATE TRIGGER log_${table}_update AFTER UPDATE ON ${table} BEGIN INSERT INTO write_log VALUES ('${table}', NEW.${column}); END;
        CREATE TRIGGER log_${table}_delete AFTER DELETE ON ${table} BEGIN INSERT INTO write_log VALUES ('${table}', OLD.${column}); END;`);
    }
  }, 120_000);

  afterAll(async () => {
    spy?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes only the rows of the entities it mentions, and leaves the story as linking it whole would', async () => {
    const id = `gen/${String(ARTICLES).padStart(5, '0')}`;
    // Two people already in the story, one surname alone, a role holder, an organisation; 9999 is new.
    await store.putArticle(generated(ARTICLES, [17, 250, 9999]), origin(), { link: true });
    expect(await store.needsLinking()).toBe(false);

    const mentioned = new Set(spy.prepare('SELECT story_entity FROM entity_links WHERE article = ?').pluck().all(id) as string[]);
    // Five entities; the surname alone or the role holder may join a person already in the story.
    expect(mentioned.size).toBeGreaterThanOrEqual(3);
    expect(mentioned.size).toBeLessThanOrEqual(5);
    const writes = spy.prepare('SELECT tbl, story_entity FROM write_log').all() as { tbl: string; story_entity: string }[];
    expect(writes.length).toBeGreaterThan(0);
    expect([...new Set(writes.map((w) => w.story_entity))].filter((entity) => !mentioned.has(entity))).toEqual([]);
    // Five links, the new person's row, names and keys, and the counts of the others.
    expect(writes.length).toBeLessThan(30);
    expect(await differencesFromWholeLinking(store, rowsOf(spy))).toEqual([]);
  });

  it('reads only the rows of the keys its entities are linked by, not the members of the entities they join', async () => {
    // Every row any statement hands back to this process while the article is written and linked.
    let rows = 0;
    const statement = Object.getPrototypeOf(spy.prepare('SELECT 1')) as Record<'all' | 'get' | 'iterate', (...args: unknown[]) => unknown>;
    const original = { all: statement.all, get: statement.get, iterate: statement.iterate };
    statement.all = function (this: unknown, ...args: unknown[]) {
      const result = original.all.apply(this, args) as unknown[];
      rows += result.length;
      return result;
    };
    statement.get = function (this: unknown, ...args: unknown[]) {
      const result = original.get.apply(this, args);
      if (result !== undefined) rows += 1;
      return result;
    };
    statement.iterate = function* (this: unknown, ...args: unknown[]) {
      for (const row of original.iterate.apply(this, args) as Iterable<unknown>) {
        rows += 1;
        yield row;
      }
    };
    try {
      // People, a surname, a role holder and an organisation already named in hundreds of articles.
      await store.putArticle(generated(ARTICLES + 1, [17, 250, 30]), origin(), { link: true });
    } finally {
      Object.assign(statement, original);
    }
    const links = spy.prepare('SELECT count(*) FROM entity_links').pluck().get() as number;
    const members = spy
      .prepare('SELECT count(*) FROM entity_links WHERE story_entity IN (SELECT story_entity FROM entity_links WHERE article = ?)')
      .pluck()
      .get(`gen/${String(ARTICLES + 1).padStart(5, '0')}`) as number;
    expect(links).toBeGreaterThan(20_000);
    // The entities it joins have hundreds of members between them (linking them again read
    // every one, and those of every entity they could join: some 9,000 rows); it reads a
    // fraction of them: its own entities, the keys they are looked up by, the rows it joins.
    expect(members).toBeGreaterThan(500);
    expect(rows).toBeLessThan(members / 2);
    expect(await differencesFromWholeLinking(store, rowsOf(spy))).toEqual([]);
    expect(await countsDifferingFromLinks(rowsOf(spy))).toEqual([]);
  });
});
