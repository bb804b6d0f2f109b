/**
 * Linking one article at a time (the write's `link` option) gives the story the whole-story
 * linking gives, and writes only the rows of the entities the article mentions. Writes are
 * counted by triggers a second connection installs on the story tables (cascades included).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/article.ts';
import { linkStoryEntities } from '../../../src/core/analyse/entity-linking.ts';
import { lookupKeysOf } from '../../../src/core/retrieve/entity-index.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { relinkStory } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';

const GIVEN = ['Alice', 'Bruno', 'Chloe', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas'];
const SYLLABLES = ['bar', 'cor', 'del', 'fen', 'gar', 'hol', 'kin', 'lam', 'mor', 'nes', 'pal', 'ros', 'sten', 'tor', 'vel', 'wick'];
const ROLES = ['chairman', 'finance minister', 'chief executive', 'mayor', 'coach'];

/** A made-up surname per number: "Barcorson", "Delfenson", … */
function surname(n: number): string {
  const a = SYLLABLES[n % SYLLABLES.length]!;
  const b = SYLLABLES[Math.floor(n / SYLLABLES.length) % SYLLABLES.length]!;
  const c = Math.floor(n / SYLLABLES.length ** 2);
  return `${a[0]!.toUpperCase()}${a.slice(1)}${b}${c > 0 ? SYLLABLES[c % SYLLABLES.length] : ''}son`;
}

/** Person n: a given name (two people may share a surname: n and n + 300) and maybe a role. */
function personNamed(n: number, key: string, withRole = false): Entity {
  const last = surname(n % 300);
  return person(key, `${GIVEN[n % GIVEN.length]} ${last}`, [last], withRole ? [ROLES[n % ROLES.length]!] : []);
}

function organisation(key: string, name: string, aliases: readonly string[] = []): Entity {
  return { key, name, kind: 'organisation', aliases, roles: [], named: true };
}

/**
 * Article i: two full names (one with a role), a surname alone (joined to its one full name,
 * or left alone when two people share it), an unnamed role holder, and an organisation named
 * in full with its short name or by the short name alone.
 */
function generated(i: number, people: readonly number[] = [(i * 7) % 400, (i * 13 + 5) % 400, (i * 3 + 1) % 400]): ReturnType<typeof analysedArticle> {
  const [a, b, c] = people as [number, number, number];
  const first = personNamed(a, 'p0', true);
  const second = personNamed(b, 'p1');
  const single = person('p2', surname(c % 300));
  const roleHolder: Entity = {
    key: 'r0',
    name: `the ${ROLES[c % ROLES.length]}`,
    kind: 'person',
    aliases: [],
    roles: [ROLES[c % ROLES.length]!],
    named: false,
  };
  const short = `${SYLLABLES[i % 12]!.toUpperCase()}`;
  const org = i % 2 === 0 ? organisation('o0', `${short} Holdings`, [short]) : organisation('o0', short);
  const quote = `We will look at item ${i} closely,`;
  return analysedArticle({
    id: `gen/${String(i).padStart(5, '0')}`,
    paragraphs: [`${first.name} met ${second.name}, ${single.name} and ${roleHolder.name} at ${org.name}. “${quote}” ${first.name} said.`],
    entities: [first, second, single, roleHolder, org],
    quotes: [{ text: quote, speaker: 'p0', cue: 'said' }],
    hash: `hash-${i}`,
  });
}

/** Every difference between the stored story and linking the whole story again from its articles. */
async function differencesFromWholeLinking(store: Store, db: Database.Database): Promise<string[]> {
  const whole = linkStoryEntities(await store.listArticleEntities());
  const stored = new Map((await store.storyEntities()).map((entity) => [entity.id, entity]));
  const differences: string[] = [];
  for (const entity of whole.entities) {
    const row = stored.get(entity.id);
    stored.delete(entity.id);
    if (!row) differences.push(`missing ${entity.id}`);
    else if (
      row.name !== entity.name ||
      row.kind !== entity.kind ||
      JSON.stringify(row.aliases) !== JSON.stringify(entity.aliases) ||
      JSON.stringify(row.roles) !== JSON.stringify(entity.roles)
    )
      differences.push(`differs ${entity.id}`);
    else if (row.articleCount !== entity.articles.length) differences.push(`article count of ${entity.id}: ${row.articleCount}, not ${entity.articles.length}`);
  }
  for (const id of stored.keys()) differences.push(`extra ${id}`);
  const links = db.prepare('SELECT article, entity_key, story_entity FROM entity_links').all() as {
    article: string;
    entity_key: string;
    story_entity: string;
  }[];
  const storedLinks = new Map(links.map((l) => [`${l.article}\u0000${l.entity_key}`, l.story_entity]));
  for (const [key, id] of whole.links)
    if (storedLinks.get(key) !== id) differences.push(`link ${key.replace('\u0000', ' ')}: ${storedLinks.get(key)}, not ${id}`);
  if (storedLinks.size !== whole.links.size) differences.push(`${storedLinks.size} links, not ${whole.links.size}`);
  // The rows a question reads entities by (names and role stems) are those of the stored entities.
  const rowsOf = (sql: string) => {
    const byEntity = new Map<string, string[]>();
    for (const [id, key] of db.prepare(sql).raw().all() as [string, string][]) byEntity.set(id, [...(byEntity.get(id) ?? []), key]);
    return byEntity;
  };
  const names = rowsOf('SELECT story_entity, name_key FROM story_entity_names ORDER BY story_entity, name_key');
  const roles = rowsOf('SELECT story_entity, role_stem FROM story_entity_roles ORDER BY story_entity, role_stem');
  for (const entity of await store.storyEntities()) {
    const keys = lookupKeysOf(entity);
    if (JSON.stringify(names.get(entity.id) ?? []) !== JSON.stringify([...keys.names].sort())) differences.push(`name keys of ${entity.id}`);
    if (JSON.stringify(roles.get(entity.id) ?? []) !== JSON.stringify([...keys.roleStems].sort())) differences.push(`role stems of ${entity.id}`);
  }
  return differences;
}

/** Story entities whose stored article or quotation count differs from a count of their links. */
function countsDifferingFromLinks(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT e.id FROM story_entities e WHERE e.article_count != (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = e.id)
        OR e.quote_count != (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key WHERE l.story_entity = e.id)`,
    )
    .pluck()
    .all() as string[];
}

describe('linking one article at a time', () => {
  let dir: string;
  let store: Store;
  let spy: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-link-one-'));
    store = openSqliteStore(join(dir, 'story.db'));
    spy = new Database(join(dir, 'story.db'));
  });

  afterEach(async () => {
    spy.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('gives the story the whole-story linking gives, in any order of arrival, changes and removals', async () => {
    // Ids arrive out of order, so an article often sorts before those already linked.
    const order = Array.from({ length: 240 }, (_, n) => (n * 97) % 240);
    for (const i of order) await store.putArticle(generated(i), origin(), { link: true });
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);

    // A changed article that now names others, and an article removed.
    await store.putArticle({ ...generated(17, [301, 5, 333]), hash: 'changed' }, origin(), { link: true });
    await store.markRemoved(['gen/00042', 'gen/00043'], '2024-05-02T00:00:00.000Z', { link: true });
    await store.putDuplicate(
      { id: 'gen/00044', path: '/x', root: '/corpus', hash: 'h', textHash: 't', duplicateOf: 'gen/00045', at: '2024-05-02T00:00:00.000Z' },
      { link: true },
    );
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    expect(await store.needsLinking()).toBe(false);
  });

  it('gives the whole-story linking, counts included, when every article arrives after those before it (linked by its keys)', async () => {
    // Each new article sorts last: most are linked from the keys of what they name alone.
    for (let i = 0; i < 240; i++) await store.putArticle(generated(i), origin(), { link: true });
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    expect(countsDifferingFromLinks(spy)).toEqual([]);
    expect(await store.needsLinking()).toBe(false);
  });

  it('separates two people once a second one with the same surname arrives, and joins them again when it goes', async () => {
    const lone = person('p0', 'Vel');
    const story = (id: string, entities: Entity[]) =>
      analysedArticle({ id, paragraphs: [`${entities.map((e) => e.name).join(' and ')} spoke.`], entities, hash: id });
    await store.putArticle(story('a', [person('p0', 'Ada Vel')]), origin(), { link: true });
    await store.putArticle(story('b', [lone]), origin(), { link: true });
    const linkOf = spy.prepare('SELECT story_entity FROM entity_links WHERE article = ? AND entity_key = ?').pluck();
    expect(linkOf.get('b', 'p0')).toBe('person:ada-vel');
    await store.putArticle(story('c', [person('p0', 'Hugo Vel')]), origin(), { link: true });
    expect(linkOf.get('b', 'p0')).toBe('person:vel');
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    await store.markRemoved(['c'], '2024-05-02T00:00:00.000Z', { link: true });
    expect(linkOf.get('b', 'p0')).toBe('person:ada-vel');
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
  });

  it('marks the story for a whole relink when written without linking, and links one at a time again after it', async () => {
    await store.putArticle(generated(1), origin(), { link: true });
    await store.putArticle(generated(2), origin());
    expect(await store.needsLinking()).toBe(true);
    // While the story waits for a whole relink, a linked write only keeps it marked.
    await store.putArticle(generated(3), origin(), { link: true });
    expect(await store.needsLinking()).toBe(true);
    await relinkStory({ store }, [], silentLogger);
    expect(await store.needsLinking()).toBe(false);
    await store.putArticle(generated(4), origin(), { link: true });
    expect(await store.needsLinking()).toBe(false);
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
  });
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
    for (const [table, column] of [
      ['entity_links', 'story_entity'],
      ['story_entity_names', 'story_entity'],
      ['story_entity_keys', 'story_entity'],
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
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
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
    expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    expect(countsDifferingFromLinks(spy)).toEqual([]);
  });
});
