/**
 * Relinking after one new article writes only what it changes: the rows of the entities the
 * article mentions, not the whole story's links again. Writes are counted by triggers that a
 * second connection installs on the story tables, so every insert, update and delete the
 * store makes (cascades included) is logged with the story entity it concerns.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/article.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { relinkStory } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';

const ARTICLES = 5000;
const GIVEN = ['Alice', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const SYLLABLES = ['bar', 'cor', 'del', 'fen', 'gar', 'hol', 'kin', 'lam', 'mor', 'nes', 'pal', 'ros', 'sten', 'tor', 'vel', 'wick'];

/** A made-up surname per number: "Barcorson", "Delfenson", … */
function surname(n: number): string {
  const a = SYLLABLES[n % SYLLABLES.length]!;
  const b = SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]!;
  const c = Math.floor(n / SYLLABLES.length ** 2);
  return `${a[0]!.toUpperCase()}${a.slice(1)}${b}${c > 0 ? SYLLABLES[c % SYLLABLES.length] : ''}son`;
}

/** Person n of a pool of 600: a given name and a surname, the same in every article naming them. */
function personNamed(n: number, key: string): Entity {
  const last = surname(n);
  return person(key, `${GIVEN[n % GIVEN.length]} ${last}`, [last]);
}

function organisation(key: string, name: string): Entity {
  return { key, name, kind: 'organisation', aliases: [], roles: [], named: true };
}

/** Article i names three people of the pool (one of them quoted) and one of ten organisations. */
function generated(i: number, people: readonly number[] = [i % 600, (i * 7 + 3) % 600, (i * 13 + 5) % 600]) {
  const named = people.map((n, k) => personNamed(n, `p${k}`));
  const org = organisation('o0', `${SYLLABLES[i % 10]!.toUpperCase()} Holdings`);
  const quote = `We will look at item ${i} closely,`;
  return analysedArticle({
    id: `gen/${String(i).padStart(5, '0')}`,
    paragraphs: [`${named[0]!.name} met ${named[1]!.name} and ${named[2]!.name} at ${org.name}. “${quote}” ${named[0]!.name} said.`],
    entities: [...named, org],
    quotes: [{ text: quote, speaker: 'p0', cue: 'said' }],
    hash: `hash-${i}`,
  });
}

describe('relinking after one new article', () => {
  let dir: string;
  let file: string;
  let store: Store;
  let spy: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-relink-'));
    file = join(dir, 'story.db');
    store = openSqliteStore(file);
    for (let i = 0; i < ARTICLES; i++) await store.putArticle(generated(i), origin());
    const warnings: { path: string; message: string }[] = [];
    await relinkStory({ store }, warnings, silentLogger);
    expect(warnings).toEqual([]);

    spy = new Database(file);
    spy.exec(`CREATE TABLE write_log (tbl TEXT NOT NULL, story_entity TEXT NOT NULL)`);
    for (const [table, column] of [
      ['entity_links', 'story_entity'],
      ['story_entity_names', 'story_entity'],
      ['story_entities', 'id'],
    ] as const) {
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

  it('writes only the rows of the entities the new article mentions, and keeps every count right', async () => {
    const linksBefore = spy.prepare('SELECT count(*) FROM entity_links').pluck().get() as number;
    expect(linksBefore).toBe(ARTICLES * 4);
    // Two people already in the story, one new to it, and an organisation already in it.
    await store.putArticle(generated(ARTICLES, [17, 250, 9999]), origin());
    await relinkStory({ store }, [], silentLogger);

    const mentioned = new Set(
      spy
        .prepare(`SELECT story_entity FROM entity_links WHERE article = ?`)
        .pluck()
        .all(`gen/${String(ARTICLES).padStart(5, '0')}`) as string[],
    );
    expect(mentioned.size).toBe(4);
    const writes = spy.prepare('SELECT tbl, story_entity FROM write_log').all() as { tbl: string; story_entity: string }[];
    expect(writes.length).toBeGreaterThan(0);
    expect([...new Set(writes.map((w) => w.story_entity))].filter((id) => !mentioned.has(id))).toEqual([]);
    // Its four links, the new person's row and names, and the recounts of the four entities.
    expect(writes.length).toBeLessThan(20);

    // The counts kept in the rows equal a recount of the whole story.
    const kept = await store.storyEntities();
    const recount = new Map(
      (
        spy
          .prepare(`SELECT se.id,
            (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = se.id) AS articles,
            (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key WHERE l.story_entity = se.id) AS quotes
            FROM story_entities se`)
          .all() as { id: string; articles: number; quotes: number }[]
      ).map((row) => [row.id, [row.articles, row.quotes]]),
    );
    expect(kept.length).toBe(recount.size);
    for (const entity of kept) expect([entity.id, entity.articleCount, entity.quoteCount]).toEqual([entity.id, ...recount.get(entity.id)!]);
    const quoted = kept.find((entity) => entity.name === personNamed(17, 'x').name)!;
    expect(quoted.quoteCount).toBeGreaterThan(0);
  });

  it('rewrites nothing when relinking an unchanged story', async () => {
    spy.exec('DELETE FROM write_log');
    await relinkStory({ store }, [], silentLogger);
    expect(spy.prepare('SELECT count(*) FROM write_log').pluck().get()).toBe(0);
  });
});
