import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { migrate, migrations } from '../../../src/store/sqlite/migrations.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';
import { storyOf } from './story-fixture.ts';
import { storeContract } from './contract.ts';
import { feedStoreContract } from './feed-contract.ts';
import { conversationStoreContract } from './conversation-contract.ts';
import { answerStoreContract } from './answer-contract.ts';

storeContract('SQLite (in memory)', () => openSqliteStore(':memory:'));
feedStoreContract('SQLite (in memory)', () => openSqliteStore(':memory:'));
conversationStoreContract('SQLite (in memory)', () => openSqliteStore(':memory:'));
answerStoreContract('SQLite (in memory)', () => openSqliteStore(':memory:'));

/** What migration 17 made, dropped to make a database as from before it. */
const UNDO_MIGRATION_17 = `DROP TABLE quote_speakers; DROP TABLE quote_speaker_state; DROP TABLE quote_speaker_changes;
  DROP TRIGGER quotes_mark_speaker_insert; DROP TRIGGER quotes_mark_speaker_delete; DROP TRIGGER quotes_mark_speaker_update;
  DROP TRIGGER entity_links_mark_speaker_insert; DROP TRIGGER entity_links_mark_speaker_update; DROP TRIGGER entity_links_mark_speaker_delete;
  DROP TRIGGER story_entities_mark_speaker;`;

describe('the SQLite engine on a file', () => {
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-sqlite-'));
    dirs.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates the database file and its folder', async () => {
    const file = join(tempDir(), 'nested', 'deeper', 'briefbot.db');
    const store = openSqliteStore(file);
    await store.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps what was written across a close and reopen', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const first = openSqliteStore(file);
    await first.putArticle(analysedArticle({ id: 'a', paragraphs: ['Kept on disk.'] }), origin());
    await first.close();
    const second = openSqliteStore(file);
    expect((await second.getArticle('a'))?.clean.text).toBe('Kept on disk.');
    expect(await second.searchSentences({ terms: ['disk'] })).toHaveLength(1);
    await second.close();
  });

  it('leaves the file in write-ahead-log mode', async () => {
    const file = join(tempDir(), 'briefbot.db');
    await openSqliteStore(file).close();
    const db = new Database(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('records each migration once, however often the file is opened', async () => {
    const file = join(tempDir(), 'briefbot.db');
    await openSqliteStore(file).close();
    await openSqliteStore(file).close();
    const db = new Database(file, { readonly: true });
    const rows = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all() as { version: number }[];
    db.close();
    expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  });

  it('applies a new migration to an existing database in a transaction', () => {
    const db = new Database(':memory:');
    migrate(db);
    const next = [...migrations, { version: 999, name: 'test column', sql: 'ALTER TABLE articles ADD COLUMN note TEXT;' }];
    expect(migrate(db, next)).toBe(999);
    expect(() => db.prepare('SELECT note FROM articles').all()).not.toThrow();
    const broken = [...next, { version: 1000, name: 'broken', sql: 'CREATE TABLE half (x); THIS IS NOT SQL;' }];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
    db.close();
  });

  it('lets two processes opening a new file at once both migrate it, each migration applied once', () => {
    const file = join(tempDir(), 'briefbot.db');
    const first = new Database(file);
    const second = new Database(file);
    // The race, made certain: the second process migrates the file just after the first has
    // read which version the file is at, before it applies anything.
    const prepare = first.prepare.bind(first);
    const raced = ((sql: string) => {
      const statement = prepare(sql);
      if (!sql.includes('max(version)')) return statement;
      return {
        get: () => {
          const row = statement.get();
          migrate(second);
          return row;
        },
      };
    }) as unknown as typeof first.prepare;
    first.prepare = raced;
    expect(() => migrate(first)).not.toThrow();
    first.prepare = prepare;
    const versions = first.prepare('SELECT version FROM schema_migrations ORDER BY version').pluck().all();
    expect(versions).toEqual(migrations.map((m) => m.version).sort((x, y) => x - y));
    first.close();
    second.close();
  });

  it('indexes sentences that a crash left unindexed before they are searched', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const crashed = openSqliteStore(file);
    await crashed.putArticle(analysedArticle({ id: 'a', paragraphs: ['Written just before the crash.'] }), origin());
    // No close(): the process died here. Another process opens the file and searches.
    const next = openSqliteStore(file);
    expect((await next.searchSentences({ terms: ['crash'] })).map((h) => h.article)).toEqual(['a']);
    await next.close();
    await crashed.close();
  });

  it('keeps the search index consistent with the sentences through replacements and removals', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const store = openSqliteStore(file);
    const version = (n: number) => analysedArticle({ id: 'a', paragraphs: [`Version ${n} of the text. Another sentence here.`] });
    await store.putArticle(version(1), origin());
    await store.putArticle(version(2), origin()); // replaces sentences never indexed
    await store.searchSentences({ terms: ['version'] }); // indexes version 2
    await store.putArticle(version(3), origin()); // replaces indexed sentences
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['Soon gone.'] }), origin());
    await store.markRemoved(['b'], '2024-07-01T00:00:00.000Z');
    expect((await store.searchSentences({ terms: ['version'] })).map((h) => h.text)).toEqual(['Version 3 of the text.']);
    expect(await store.searchSentences({ terms: ['gone'] })).toEqual([]);
    await store.close();
    const db = new Database(file);
    expect(() => db.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")).not.toThrow();
    db.close();
  });

  it('keeps the count of indexed sentences equal to the sentences indexed, through replacements and removals', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const store = openSqliteStore(file);
    const indexed = async () => (await store.termStatistics([])).sentences;
    const counted = () => {
      const db = new Database(file, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM sentences WHERE id <= (SELECT indexed_to FROM fts_progress)').pluck().get();
      db.close();
      return n;
    };
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['One sentence. Two sentences. Three sentences.'] }), origin());
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['Soon gone. Quite soon.'] }), origin());
    expect(await indexed()).toBe(5);
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['Only one now.'] }), origin()); // replaces indexed sentences
    await store.markRemoved(['b'], '2024-07-01T00:00:00.000Z');
    expect(await indexed()).toBe(1);
    expect(counted()).toBe(1);
    await store.close();
  });

  it("keeps each term's sentence count equal to FTS5's own vocabulary, through replacements and removals", async () => {
    const file = join(tempDir(), 'briefbot.db');
    const store = openSqliteStore(file);
    const kept = () => {
      const db = new Database(file, { readonly: true });
      const rows = {
        kept: db.prepare('SELECT term, documents FROM term_documents ORDER BY term').all(),
        vocab: db.prepare('SELECT term, doc AS documents FROM sentences_vocab ORDER BY term').all(),
      };
      db.close();
      return rows;
    };
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['The ferry left the harbour. Ferries leave at dawn.'] }), origin());
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['The harbour café closed. Its owner left town.'] }), origin());
    expect((await store.termStatistics(['harbour', 'ferri', 'cafe', 'absent'])).documents).toEqual(
      new Map([
        ['harbour', 2],
        ['ferri', 2],
        ['cafe', 1],
        ['absent', 0],
      ]),
    );
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['The ferry was cancelled.'] }), origin()); // replaces indexed sentences
    await store.markRemoved(['b'], '2024-07-01T00:00:00.000Z');
    await store.putArticle(analysedArticle({ id: 'c', paragraphs: ['A harbour without a café.'] }), origin());
    expect((await store.termStatistics(['harbour', 'ferri', 'cafe', 'owner'])).documents).toEqual(
      new Map([
        ['harbour', 1],
        ['ferri', 1],
        ['cafe', 1],
        ['owner', 0],
      ]),
    );
    await store.close();
    const { kept: counts, vocab } = kept();
    expect(counts).toEqual(vocab);
    expect(counts.length).toBeGreaterThan(3);
  });

  it('counts the terms of a database from before migration 14 once it is opened', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const first = openSqliteStore(file);
    await first.putArticle(analysedArticle({ id: 'a', paragraphs: ['The ferry left the harbour.'] }), origin());
    await first.close();
    // As if indexed before migration 14 (and so before every later one): reopening applies it, which fills the counts from FTS5's vocabulary.
    const db = new Database(file);
    db.exec(
      'DELETE FROM schema_migrations WHERE version >= 14; DROP TABLE term_documents; DROP TABLE term_documents_removed; DROP INDEX articles_by_newest;' +
        UNDO_MIGRATION_17,
    );
    db.exec(
      "DROP VIEW sentence_texts; DROP VIEW quote_texts; DROP TRIGGER articles_text_kept; DROP TRIGGER articles_sentences_first; ALTER TABLE entities ADD COLUMN name_keys TEXT NOT NULL DEFAULT '[]';",
    );
    db.close();
    const store = openSqliteStore(file);
    expect((await store.termStatistics(['harbour', 'ferri'])).documents).toEqual(
      new Map([
        ['harbour', 1],
        ['ferri', 1],
      ]),
    );
    await store.close();
  });

  it('keeps the count of current articles through writes, rewrites, duplicates and removals', async () => {
    const store = openSqliteStore(join(tempDir(), 'briefbot.db'));
    const expectCount = async (n: number) => {
      expect(await store.countArticles()).toBe(n);
      expect((await store.listArticles()).length).toBe(n);
    };
    await expectCount(0);
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['First text.'] }), origin());
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['Second text.'] }), origin());
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['First text, changed.'] }), origin());
    await expectCount(2);
    await store.putDuplicate({ id: 'b', path: 'b.txt', root: 'r', hash: 'h', textHash: 't', duplicateOf: 'a', at: '2024-07-01T00:00:00.000Z' });
    await expectCount(1);
    await store.markRemoved(['a', 'a'], '2024-07-01T00:00:00.000Z');
    await expectCount(0);
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['Second text again.'] }), origin());
    await expectCount(1);
    await store.close();
  });

  it('finds the story entities of a database from before migration 11 by their roles once it is opened', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const db = new Database(file);
    migrate(
      db,
      migrations.filter((m) => m.version < 11),
    );
    db.prepare('INSERT INTO story_entities (id, name, kind, aliases, roles) VALUES (?, ?, ?, ?, ?)').run(
      's1',
      'Jane Doe',
      'person',
      '[]',
      '["defence secretary"]',
    );
    db.close();
    const reopened = openSqliteStore(file);
    expect((await reopened.storyEntitiesByKey({ roleStems: ['defenc'] })).map((e) => e.id)).toEqual(['s1']);
    await reopened.close();
  });

  it("keeps each sentence's and quotation's text once, in its article's text, and reads them back whole", async () => {
    const file = join(tempDir(), 'briefbot.db');
    const store = openSqliteStore(file);
    const plain = analysedArticle({
      id: 'a',
      paragraphs: ['Jane Doe spoke at the harbour. "We sail at dawn," she said.', 'The ferry left the harbour.'],
      quotes: [{ text: 'We sail at dawn,', speaker: 'e0' }],
      entities: [person('e0', 'Jane Doe')],
    });
    // A character beyond the Basic Multilingual Plane: SQLite counts it as one, JavaScript as two.
    const emoji = analysedArticle({ id: 'b', paragraphs: ['The crowd cheered 🎉 loudly. The harbour ferry sailed on.'] });
    await store.putArticle(plain, origin());
    await store.putArticle(emoji, origin());
    for (const written of [plain, emoji]) {
      const read = await store.getArticle(written.id);
      expect(read?.analysis.sentences).toEqual(written.analysis.sentences);
      expect(read?.analysis.quotes).toEqual(written.analysis.quotes);
      expect(read?.analysis.mentions).toEqual(written.analysis.mentions);
    }
    expect((await store.searchSentences({ terms: ['ferry'] })).map((h) => h.text).sort()).toEqual([
      'The ferry left the harbour.',
      'The harbour ferry sailed on.',
    ]);
    expect((await store.sentencesAt([{ article: 'b', sentence: 1 }])).map((h) => h.text)).toEqual(['The harbour ferry sailed on.']);
    // Every sentence of both, looked up at once (each article's text read once), as written.
    const refs = [plain, emoji].flatMap((written) => written.analysis.sentences.map((sentence) => ({ article: written.id, sentence: sentence.index })));
    expect((await store.sentencesAt(refs)).map((h) => [h.article, h.sentence, h.text, h.start, h.end, h.kind])).toEqual(
      [plain, emoji].flatMap((written) => written.analysis.sentences.map((s) => [written.id, s.index, s.text, s.start, s.end, s.kind])),
    );
    expect(
      await store.sentencesAt([
        { article: 'a', sentence: 9 },
        { article: 'a', sentence: 0.5 },
        { article: 'a', sentence: -1 },
      ]),
    ).toEqual([]);
    await store.close();
    const db = new Database(file, { readonly: true });
    const kept = (article: string) => db.prepare('SELECT text FROM sentences WHERE article = ? AND text IS NOT NULL').pluck().all(article);
    expect(kept('a')).toEqual([]);
    expect(kept('b')).toEqual(['The crowd cheered 🎉 loudly.', 'The harbour ferry sailed on.']);
    expect(db.prepare('SELECT count(*) FROM quotes WHERE text IS NOT NULL').pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM sentences WHERE kind IS NOT NULL').pluck().get()).toBe(0);
    db.close();
  });

  it("refuses to change an article's text under the sentences cut from it", async () => {
    const file = join(tempDir(), 'briefbot.db');
    const store = openSqliteStore(file);
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['The ferry left the harbour.'] }), origin());
    await store.close();
    const db = new Database(file);
    expect(() => db.prepare("UPDATE articles SET clean_text = 'Something else.' WHERE id = 'a'").run()).toThrow(/sentences or quotations cut from it/);
    db.close();
  });

  it('keeps the texts, sentence ids and search index of a database from before migration 16 once it is opened', async () => {
    const dir = tempDir();
    const written = analysedArticle({
      id: 'a',
      paragraphs: ['Jane Doe spoke at the harbour. "We sail at dawn," she said.', 'The ferry left the harbour.'],
      quotes: [{ text: 'We sail at dawn,', speaker: 'e0' }],
      entities: [person('e0', 'Jane Doe')],
    });
    const fresh = openSqliteStore(join(dir, 'fresh.db'));
    await fresh.putArticle(written, origin());
    await fresh.close();
    // The same rows as migration 15's schema held them: texts in full, mentions as tuples, indexed.
    const file = join(dir, 'old.db');
    const db = new Database(file);
    migrate(
      db,
      migrations.filter((m) => m.version < 16),
    );
    db.exec(`ATTACH DATABASE '${join(dir, 'fresh.db')}' AS fresh;
      INSERT INTO articles SELECT * FROM fresh.articles;
      INSERT INTO sentences (id, article, idx, block, kind, start_offset, end_offset, text)
        SELECT id + 40, article, idx, block, kind, start_offset, end_offset, text FROM fresh.sentence_texts;
      INSERT INTO quotes SELECT * FROM fresh.quote_texts;
      INSERT INTO entities SELECT *, '["jane doe"]' FROM fresh.entities;
      DETACH DATABASE fresh;
      UPDATE sqlite_sequence SET seq = 50 WHERE name = 'sentences';
      INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences;
      UPDATE fts_progress SET indexed_to = 50, sentences = (SELECT count(*) FROM sentences);
      INSERT INTO term_documents SELECT term, doc FROM sentences_vocab;`);
    db.prepare("UPDATE articles SET mentions = ? WHERE id = 'a'").run(
      JSON.stringify(written.analysis.mentions.map((m) => [m.entity, m.sentence, m.start, m.end])),
    );
    db.close();

    const store = openSqliteStore(file);
    const read = await store.getArticle('a');
    expect(read?.analysis.sentences).toEqual(written.analysis.sentences);
    expect(read?.analysis.quotes).toEqual(written.analysis.quotes);
    expect(read?.analysis.mentions).toEqual(written.analysis.mentions);
    expect((await store.searchSentences({ terms: ['ferry'] })).map((h) => h.text)).toEqual(['The ferry left the harbour.']);
    expect((await store.listQuotes({ speaker: 'Jane Doe', unlinked: true })).map((q) => q.text)).toEqual(['We sail at dawn,']);
    await store.putArticle(analysedArticle({ id: 'b', paragraphs: ['A later ferry.'] }), origin());
    await store.close();

    const after = new Database(file);
    expect(after.prepare('SELECT count(*) FROM sentences WHERE text IS NOT NULL OR kind IS NOT NULL').pluck().get()).toBe(0);
    expect(after.prepare('SELECT count(*) FROM quotes WHERE text IS NOT NULL').pluck().get()).toBe(0);
    // Ids go on from the old table's last, never reused.
    expect(after.prepare("SELECT id FROM sentences WHERE article = 'b'").pluck().all()).toEqual([51]);
    expect(after.prepare("SELECT mentions FROM articles WHERE id = 'a'").pluck().get()).toMatch(/^\[\d/);
    expect(() => after.exec("INSERT INTO sentences_fts (sentences_fts) VALUES ('integrity-check')")).not.toThrow();
    after.close();
  });

  it('puts back the triggers that mark quoted speakers once a whole save has written its links', async () => {
    const file = join(tempDir(), 'briefbot.db');
    const triggers = () => {
      const db = new Database(file);
      const names = db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'entity_links' ORDER BY name").pluck().all();
      db.close();
      return names;
    };
    await openSqliteStore(file).close();
    const before = triggers();
    expect(before).toEqual(['entity_links_mark_speaker_delete', 'entity_links_mark_speaker_insert', 'entity_links_mark_speaker_update']);
    const store = openSqliteStore(file);
    await store.putArticle(analysedArticle({ id: 'a', paragraphs: ['Ann Lee spoke.'], entities: [person('e1', 'Ann Lee')] }), origin());
    await store.saveStoryEntities(storyOf([{ id: 's1', entity: person('z', 'Ann Lee'), members: [['a', 'e1']] }]));
    await store.close();
    expect(triggers()).toEqual(before);
  });

  it('refuses a database written by a newer schema', async () => {
    const file = join(tempDir(), 'briefbot.db');
    await openSqliteStore(file).close();
    const db = new Database(file);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(9999, 'from the future', '2099-01-01');
    db.close();
    expect(() => openSqliteStore(file)).toThrow(/newer than this briefbot/);
  });
});
