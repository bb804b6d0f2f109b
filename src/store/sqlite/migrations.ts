/**
 * The SQLite schema as a versioned list of migrations. Each is applied once, in its own
 * transaction, and recorded in `schema_migrations`; a database written by a newer briefbot is
 * refused rather than half-understood. Append new migrations; never edit an applied one.
 */
import type Database from 'better-sqlite3';
import { flattenStoredMentions } from '../rows/article-json.ts';
import { backfillRoleStems } from './entity-lookup-rows.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Rows the SQL cannot compute (stems, folded names), filled in the same transaction after it. */
  readonly backfill?: (db: Database.Database) => void;
  /**
   * The migration frees much of the file (a table built again smaller): once the migrations are
   * applied, the file is rewritten (VACUUM) to give those pages back, at PAGE_SIZE.
   */
  readonly compacts?: boolean;
}

/**
 * The page size of new files (set before the first table) and of files compacted after a
 * migration. 16 KB rather than SQLite's 4 KB: an article's row (its text, blocks and mentions,
 * some 3 KB) fits a 4 KB page once, leaving a quarter of the page unused; at 100,000 articles
 * that was 83 MB of the articles table, 39 MB at 16 KB.
 */
export const PAGE_SIZE = 16384;

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'story index: articles, analysis, story entities, sentence search',
    sql: `
      CREATE TABLE articles (
        id TEXT PRIMARY KEY,
        path TEXT NOT NULL,
        root TEXT NOT NULL,
        hash TEXT NOT NULL,
        text_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('current', 'duplicate', 'removed')),
        duplicate_of TEXT,
        analysis_version INTEGER,
        title TEXT, outlet TEXT, url TEXT, published TEXT, updated TEXT, byline TEXT,
        clean_title TEXT, title_made INTEGER NOT NULL DEFAULT 0, clean_text TEXT, clean_byline TEXT,
        dateline_published TEXT, dateline_updated TEXT,
        sentence_count INTEGER NOT NULL DEFAULT 0,
        quote_count INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        changed_at TEXT NOT NULL,
        removed_at TEXT,
        -- Read only whole, with the article: JSON beside the text rather than rows of their own,
        -- since every table an article touches costs a page per write.
        blocks TEXT,
        set_aside TEXT,
        -- Entity mentions: many per article, only ever read with the whole article.
        mentions TEXT
      );
      CREATE INDEX articles_by_status ON articles (status, id);

      CREATE TABLE sentences (
        -- AUTOINCREMENT: ids are never reused, so "indexed up to id N" stays true.
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, block INTEGER NOT NULL, kind TEXT NOT NULL,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT NOT NULL,
        UNIQUE (article, idx)
      );

      -- External content: the text lives once, in sentences. New sentences are indexed in
      -- batches (see fts-index.ts): FTS5 writes a segment per commit, and one commit per
      -- article would double the cost of ingest. fts_progress says how far indexing got;
      -- deleting a sentence removes it from the index only if it was indexed. Sentences are
      -- never updated in place (an article is replaced by delete and insert).
      CREATE VIRTUAL TABLE sentences_fts USING fts5 (
        text, content = 'sentences', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TABLE fts_progress (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        indexed_to INTEGER NOT NULL
      );
      INSERT INTO fts_progress VALUES (1, 0);
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
      WHEN old.id <= (SELECT indexed_to FROM fts_progress) BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
      END;

      CREATE TABLE entities (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        key TEXT NOT NULL, name TEXT NOT NULL, kind TEXT NOT NULL,
        aliases TEXT NOT NULL, roles TEXT NOT NULL, named INTEGER NOT NULL,
        -- Folded name and aliases (JSON), to find a speaker not yet linked to the story.
        name_keys TEXT NOT NULL,
        PRIMARY KEY (article, key)
      ) WITHOUT ROWID;



      CREATE TABLE quotes (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, text TEXT NOT NULL,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL, kind TEXT NOT NULL,
        speaker TEXT, speaker_text TEXT, cue TEXT, cue_kind TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER,
        PRIMARY KEY (article, idx)
      ) WITHOUT ROWID;

      CREATE TABLE events (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, sentence INTEGER NOT NULL, date TEXT NOT NULL, text TEXT NOT NULL,
        PRIMARY KEY (article, idx)
      ) WITHOUT ROWID;

      CREATE TABLE story_entities (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, kind TEXT NOT NULL,
        aliases TEXT NOT NULL, roles TEXT NOT NULL
      ) WITHOUT ROWID;

      CREATE TABLE story_entity_names (
        story_entity TEXT NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        name_key TEXT NOT NULL,
        PRIMARY KEY (name_key, story_entity)
      ) WITHOUT ROWID;

      CREATE TABLE entity_links (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_key TEXT NOT NULL,
        story_entity TEXT NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (article, entity_key)
      ) WITHOUT ROWID;
      CREATE INDEX entity_links_by_story_entity ON entity_links (story_entity);
    `,
  },
  {
    version: 2,
    name: 'term statistics of the sentence index, for weighting question words',
    sql: `
      -- How many indexed sentences contain each (stemmed) term: a word in every sentence of a
      -- story tells retrieval nothing, a rare one tells it much.
      CREATE VIRTUAL TABLE sentences_vocab USING fts5vocab (sentences_fts, row);
    `,
  },
  {
    version: 3,
    name: 'digests: a content sequence per article, subscriptions and claimed runs',
    sql: `
      -- Each new text takes the next number, in commit order (SQLite has one writer at a
      -- time), whichever process writes it: a digest covers the numbers above its channel's
      -- watermark. Triggers keep it, so every writer of articles numbers without knowing.
      ALTER TABLE articles ADD COLUMN content_seq INTEGER;
      CREATE TABLE content_sequence (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last INTEGER NOT NULL
      );
      WITH ordered AS (
        SELECT id, row_number() OVER (ORDER BY changed_at, id) AS n FROM articles WHERE status = 'current'
      )
      UPDATE articles SET content_seq = ordered.n FROM ordered WHERE ordered.id = articles.id;
      INSERT INTO content_sequence VALUES (1, (SELECT count(*) FROM articles WHERE status = 'current'));
      CREATE INDEX articles_by_content_seq ON articles (content_seq) WHERE status = 'current';
      CREATE TRIGGER articles_content_seq_insert AFTER INSERT ON articles
      WHEN new.status = 'current' BEGIN
        UPDATE content_sequence SET last = last + 1 WHERE id = 1;
        UPDATE articles SET content_seq = (SELECT last FROM content_sequence WHERE id = 1) WHERE id = new.id;
      END;
      -- Re-analysis rewrites the row with the same text: no new number. A changed text or
      -- stated facts, or an id served again after being removed or a duplicate, takes one.
      CREATE TRIGGER articles_content_seq_update AFTER UPDATE OF text_hash, status ON articles
      WHEN new.status = 'current' AND (old.text_hash IS NOT new.text_hash OR old.status IS NOT 'current') BEGIN
        UPDATE content_sequence SET last = last + 1 WHERE id = 1;
        UPDATE articles SET content_seq = (SELECT last FROM content_sequence WHERE id = 1) WHERE id = new.id;
      END;

      CREATE TABLE digest_subscriptions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT NOT NULL,
        time TEXT NOT NULL,
        days TEXT NOT NULL,
        timezone TEXT,
        topic TEXT,
        empty TEXT NOT NULL CHECK (empty IN ('skip', 'post')),
        created_at TEXT NOT NULL,
        created_by TEXT,
        updated_at TEXT NOT NULL,
        active_from TEXT NOT NULL,
        paused_at TEXT,
        paused_reason TEXT,
        watermark INTEGER,
        last_posted_slot TEXT,
        last_posted_at TEXT,
        UNIQUE (platform, workspace, channel)
      );

      -- One row per (subscription, slot): the claim that makes each slot post once.
      CREATE TABLE digest_runs (
        subscription INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'posting', 'retrying', 'posted', 'empty',
          'missed', 'failed', 'gone', 'superseded', 'uncertain')),
        owner TEXT,
        lease_until TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        catch_up INTEGER NOT NULL DEFAULT 0,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        from_seq INTEGER,
        to_seq INTEGER,
        articles INTEGER,
        error TEXT,
        PRIMARY KEY (subscription, slot)
      ) WITHOUT ROWID;
      CREATE INDEX digest_runs_open ON digest_runs (state) WHERE state IN ('claimed', 'posting', 'retrying');
    `,
  },
  {
    version: 4,
    name: 'live coverage: followed feeds with their health, claimed polls, items seen',
    sql: `
      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        url TEXT NOT NULL UNIQUE,
        added_from TEXT,
        title TEXT,
        kind TEXT,
        platform TEXT NOT NULL,
        workspace TEXT NOT NULL,
        channel TEXT,
        added_by TEXT,
        interval_minutes INTEGER,
        added_at TEXT NOT NULL,
        etag TEXT,
        last_modified TEXT,
        last_polled_at TEXT,
        last_success_at TEXT,
        last_error TEXT,
        last_error_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        paused_at TEXT,
        paused_reason TEXT,
        next_poll_at TEXT NOT NULL,
        items_seen INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feeds_by_added_from ON feeds (added_from);
      CREATE INDEX feeds_due ON feeds (next_poll_at);

      -- One row per (feed, due time): the claim that makes each poll fetch once across processes.
      CREATE TABLE feed_polls (
        feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        slot TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('claimed', 'fetched', 'not-modified', 'failed')),
        owner TEXT NOT NULL,
        lease_until TEXT,
        claimed_at TEXT NOT NULL,
        finished_at TEXT,
        error TEXT,
        PRIMARY KEY (feed, slot)
      ) WITHOUT ROWID;

      -- Items by 'guid:…' and 'url:…' keys, so an item is one article whichever feed carries it.
      -- Kept when a feed is removed: following it again does not index its items twice.
      CREATE TABLE feed_items (
        key TEXT PRIMARY KEY,
        feed INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        article TEXT,
        entry_hash TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('indexed', 'skipped', 'failed')),
        reason TEXT,
        attempts INTEGER NOT NULL DEFAULT 0,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
  {
    version: 5,
    name: 'conversations: recent turns per thread, reply chain, direct message or terminal session',
    sql: `
      -- The turns are read and written whole, a few at a time: JSON beside the key
      -- (core/conversation/turns.ts says what is in it).
      CREATE TABLE conversations (
        key TEXT PRIMARY KEY,
        turns TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversations_by_updated ON conversations (updated_at);

      -- Platform messages that belong to a conversation: a Discord reply names the message it
      -- answers, and that message's conversation is the reply's.
      CREATE TABLE conversation_messages (
        message TEXT PRIMARY KEY,
        conversation TEXT NOT NULL,
        at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX conversation_messages_by_at ON conversation_messages (at);
    `,
  },
  {
    version: 6,
    name: 'answers posted to chat platforms, for paging and feedback, and the votes on them',
    sql: `
      -- An answer as posted on Slack or Discord: its reply (JSON, to page through it when
      -- "more" is clicked) and what was asked and cited (what a vote is about).
      CREATE TABLE answers (
        id TEXT PRIMARY KEY,
        platform TEXT NOT NULL,
        conversation TEXT,
        command TEXT NOT NULL,
        question TEXT,
        citations TEXT NOT NULL,
        reply TEXT NOT NULL,
        created_at TEXT NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX answers_by_created ON answers (created_at);

      -- One vote per person per answer: the key says so, and a second click changes nothing.
      CREATE TABLE feedback (
        answer TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        platform TEXT NOT NULL,
        user_id TEXT NOT NULL,
        vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
        reason TEXT,
        at TEXT NOT NULL,
        PRIMARY KEY (answer, platform, user_id)
      ) WITHOUT ROWID;
      CREATE INDEX feedback_by_at ON feedback (at);
    `,
  },
  {
    version: 7,
    name: "each story entity's article and quotation counts kept in its row",
    sql: `
      -- Kept by saving the story (recounted for the entities whose links change), so listing
      -- the entities is one read rather than two correlated subqueries per entity.
      ALTER TABLE story_entities ADD COLUMN article_count INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE story_entities ADD COLUMN quote_count INTEGER NOT NULL DEFAULT 0;
      UPDATE story_entities SET
        article_count = (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = story_entities.id),
        quote_count = (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
          WHERE l.story_entity = story_entities.id);
    `,
  },
  {
    version: 8,
    name: 'linking keys of story entities and the linking state, for linking one article at a time',
    sql: `
      -- Every key under which linking could join an article's entity with a story entity's
      -- members (linkKeysOf: folded names, surnames, roles): the story entities a changed
      -- article can affect are found by these, not by relinking the whole story.
      CREATE TABLE story_entity_keys (
        link_key TEXT NOT NULL,
        story_entity TEXT NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (link_key, story_entity)
      ) WITHOUT ROWID;
      CREATE INDEX story_entity_keys_by_entity ON story_entity_keys (story_entity);

      -- stale: some current article's entities are not linked (a write without linking, or a
      -- run stopped half-way), so the next ingest relinks the whole story. keys_built: the keys
      -- above cover every story entity (a database from before this migration has none until
      -- its next whole relink, which it needs: stale starts true when there is anything to link).
      CREATE TABLE story_link_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        stale INTEGER NOT NULL,
        keys_built INTEGER NOT NULL
      );
      INSERT INTO story_link_state SELECT 1, EXISTS (SELECT 1 FROM entities), NOT EXISTS (SELECT 1 FROM story_entities);
    `,
  },
  {
    version: 9,
    name: 'fingerprints by path, root and text hash, and how many members of each story entity go by each name',
    sql: `
      -- Ingest looks up the fingerprints of the files it was given (by id, path, and for a
      -- folder every id ingested from it) and the current holder of a text, instead of reading
      -- every article's fingerprint per run.
      CREATE INDEX articles_by_path ON articles (path);
      CREATE INDEX articles_by_root ON articles (root);
      CREATE INDEX articles_by_text_hash ON articles (text_hash, id) WHERE status = 'current';

      -- How many members of each story entity go by each name (named or not): what its name,
      -- the most common, is chosen from. A new article that joins an entity is linked without
      -- reading the entity's members when these counts say its name stays.
      CREATE TABLE story_entity_tally (
        story_entity TEXT NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        name TEXT NOT NULL,
        named INTEGER NOT NULL,
        members INTEGER NOT NULL,
        PRIMARY KEY (story_entity, name, named)
      ) WITHOUT ROWID;
      INSERT INTO story_entity_tally
        SELECT l.story_entity, e.name, e.named, count(*) FROM entity_links l
        JOIN entities e ON e.article = l.article AND e.key = l.entity_key
        GROUP BY l.story_entity, e.name, e.named;
    `,
  },
  {
    version: 10,
    name: 'the number of indexed sentences kept beside the indexing progress',
    sql: `
      -- Retrieval weighs a word by the share of indexed sentences holding it: counting them
      -- (two million at 100,000 articles) took the first question of a process a second.
      -- Kept by indexing (fts-index.ts) and by the delete trigger, as the index itself is.
      ALTER TABLE fts_progress ADD COLUMN sentences INTEGER NOT NULL DEFAULT 0;
      UPDATE fts_progress SET sentences = (SELECT count(*) FROM sentences WHERE id <= fts_progress.indexed_to);
      DROP TRIGGER sentences_fts_delete;
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
      WHEN old.id <= (SELECT indexed_to FROM fts_progress) BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        UPDATE fts_progress SET sentences = sentences - 1 WHERE id = 1;
      END;
    `,
  },
  {
    version: 11,
    name: 'story entities by the stems of their roles, and by kind and counts, for reading a question by index',
    sql: `
      -- "the defence chief" finds the holders of a role holding "defence": a question reads the
      -- entities its words may name (by story_entity_names and these), not the story's every entity.
      CREATE TABLE story_entity_roles (
        role_stem TEXT NOT NULL,
        story_entity TEXT NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (role_stem, story_entity)
      ) WITHOUT ROWID;
      CREATE INDEX story_entity_roles_by_entity ON story_entity_roles (story_entity);
      -- The organisations named in a large share of the articles ("the company"), read by range.
      CREATE INDEX story_entities_by_kind ON story_entities (kind, article_count, quote_count);
    `,
    backfill: backfillRoleStems,
  },
  {
    version: 12,
    name: 'the number of current articles kept by triggers',
    sql: `
      -- Counting the current articles walked 100,000 index entries, and a one-shot CLI call
      -- counts them twice (is the index empty; which organisations does the story name most).
      CREATE TABLE article_count (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        current INTEGER NOT NULL
      );
      INSERT INTO article_count SELECT 1, count(*) FROM articles WHERE status = 'current';
      CREATE TRIGGER articles_count_insert AFTER INSERT ON articles WHEN new.status = 'current' BEGIN
        UPDATE article_count SET current = current + 1 WHERE id = 1;
      END;
      CREATE TRIGGER articles_count_delete AFTER DELETE ON articles WHEN old.status = 'current' BEGIN
        UPDATE article_count SET current = current - 1 WHERE id = 1;
      END;
      -- An article written again is an upsert (ON CONFLICT DO UPDATE), so an update, never a delete and insert.
      CREATE TRIGGER articles_count_update AFTER UPDATE OF status ON articles
      WHEN (old.status = 'current') != (new.status = 'current') BEGIN
        UPDATE article_count SET current = current + (CASE WHEN new.status = 'current' THEN 1 ELSE -1 END) WHERE id = 1;
      END;
    `,
  },
  {
    version: 13,
    name: 'digest runs remember how much of a post reached the channel, so a retry posts only the rest',
    sql: `
      -- PostResume as JSON: set by a retrying run whose post reached the channel in part.
      ALTER TABLE digest_runs ADD COLUMN resume TEXT;
    `,
  },
  {
    version: 14,
    name: 'how many indexed sentences hold each term, kept with the index',
    sql: `
      -- A question's words are weighed by how many sentences hold them. FTS5's vocabulary
      -- (sentences_vocab) walks a word's every posting to say so: 1-15 ms for a common word at
      -- 100,000 articles, 190 ms for "the". Kept here by indexing (fts-index.ts), as PostgreSQL's
      -- term_documents is, so a count is one indexed read.
      CREATE TABLE term_documents (
        term TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO term_documents (term, documents) SELECT term, doc FROM sentences_vocab;
      -- The texts of indexed sentences deleted since the last catch-up, whose terms it counts
      -- out (a trigger cannot tokenize; catching up does, for a whole batch at once).
      CREATE TABLE term_documents_removed (text TEXT NOT NULL);
      DROP TRIGGER sentences_fts_delete;
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
      WHEN old.id <= (SELECT indexed_to FROM fts_progress) BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, old.text);
        UPDATE fts_progress SET sentences = sentences - 1 WHERE id = 1;
        INSERT INTO term_documents_removed (text) VALUES (old.text);
      END;
    `,
  },
  {
    version: 15,
    name: 'current articles newest first, for the story brief',
    sql: `
      -- The story brief reads the 150 newest articles: the head of this index, not a sort of all.
      CREATE INDEX articles_by_newest ON articles (published DESC, first_seen DESC, id) WHERE status = 'current';
    `,
  },
  {
    version: 16,
    name: "sentences' and quotations' texts kept once, in their article's text, the sentence index reading them there, entities without their folded names, mentions flat",
    sql: `
      -- A sentence's text is the slice of its article's clean text between its offsets (at
      -- 100,000 articles, 212 MB kept twice). text is NULL where it is that slice, as SQLite's
      -- substr() cuts it (by characters, as the offsets count them when the text holds no
      -- character beyond the Basic Multilingual Plane: the writer keeps the text otherwise).
      -- SQLite cannot make a column nullable in place: the table is built again, same ids.
      CREATE TABLE sentences_new (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, block INTEGER NOT NULL, kind TEXT,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text TEXT
      );
      -- kind likewise: NULL where it is the kind of the sentence's block (blocks' first field).
      INSERT INTO sentences_new (id, article, idx, block, kind, start_offset, end_offset, text)
        SELECT s.id, s.article, s.idx, s.block,
          CASE WHEN s.kind = json_extract(a.blocks, '$[' || s.block || '][0]') THEN NULL ELSE s.kind END,
          s.start_offset, s.end_offset,
          CASE WHEN s.text = substr(a.clean_text, s.start_offset + 1, s.end_offset - s.start_offset) THEN NULL ELSE s.text END
        FROM sentences s LEFT JOIN articles a ON a.id = s.article ORDER BY s.id;
      -- Ids are never reused ("indexed up to id N"): the new table goes on from the old one's last.
      DELETE FROM sqlite_sequence WHERE name = 'sentences_new';
      UPDATE sqlite_sequence SET name = 'sentences_new' WHERE name = 'sentences';
      DROP TABLE sentences_fts;
      DROP TABLE sentences;
      ALTER TABLE sentences_new RENAME TO sentences;
      -- An article's sentences are a range of ids from its first one (sentence-ids.ts): indexed
      -- is that first one, not every sentence (the index of (article, idx) was 38 MB).
      CREATE INDEX sentences_first ON sentences (article) WHERE idx = 0;

      -- A quotation's text likewise (42 MB at 100,000 articles).
      CREATE TABLE quotes_new (
        article TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, text TEXT,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL, kind TEXT NOT NULL,
        speaker TEXT, speaker_text TEXT, cue TEXT, cue_kind TEXT NOT NULL,
        cue_start INTEGER, cue_end INTEGER,
        PRIMARY KEY (article, idx)
      ) WITHOUT ROWID;
      INSERT INTO quotes_new
        SELECT q.article, q.idx,
          CASE WHEN q.text = substr(a.clean_text, q.start_offset + 1, q.end_offset - q.start_offset) THEN NULL ELSE q.text END,
          q.start_offset, q.end_offset, q.sentence, q.kind, q.speaker, q.speaker_text, q.cue, q.cue_kind, q.cue_start, q.cue_end
        FROM quotes q LEFT JOIN articles a ON a.id = q.article ORDER BY q.article, q.idx;
      DROP TABLE quotes;
      ALTER TABLE quotes_new RENAME TO quotes;

      -- An entity's folded names are its name's and aliases' (nameKey): 28 MB at 100,000
      -- articles for what the one query that needs them (quote-reader.ts) folds as it reads.
      ALTER TABLE entities DROP COLUMN name_keys;

      -- The sentences with their text, whichever way it is kept: what every read of a
      -- sentence's text goes through, and the sentence index's external content.
      CREATE VIEW sentence_texts AS
        SELECT s.id, s.article, s.idx, s.block,
          coalesce(s.kind, json_extract(a.blocks, '$[' || s.block || '][0]')) AS kind, s.start_offset, s.end_offset,
          coalesce(s.text, substr(a.clean_text, s.start_offset + 1, s.end_offset - s.start_offset)) AS text
        FROM sentences s JOIN articles a ON a.id = s.article;
      CREATE VIEW quote_texts AS
        SELECT q.article, q.idx,
          coalesce(q.text, substr(a.clean_text, q.start_offset + 1, q.end_offset - q.start_offset)) AS text,
          q.start_offset, q.end_offset, q.sentence, q.kind, q.speaker, q.speaker_text, q.cue, q.cue_kind, q.cue_start, q.cue_end
        FROM quotes q JOIN articles a ON a.id = q.article;
      CREATE VIRTUAL TABLE sentences_fts USING fts5 (
        text, content = 'sentence_texts', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      -- The same sentences as before, so fts_progress and term_documents still hold.
      INSERT INTO sentences_fts (rowid, text)
        SELECT id, text FROM sentence_texts WHERE id <= (SELECT indexed_to FROM fts_progress) ORDER BY id;

      -- A deleted sentence leaves the index with the text it was indexed with: its article's
      -- text is still the one it was cut from, since an article's sentences are deleted before
      -- its text changes (the trigger below holds writers to that) or the article goes.
      CREATE TRIGGER sentences_fts_delete AFTER DELETE ON sentences
      WHEN old.id <= (SELECT indexed_to FROM fts_progress) BEGIN
        INSERT INTO sentences_fts (sentences_fts, rowid, text) VALUES ('delete', old.id, coalesce(old.text,
          (SELECT substr(clean_text, old.start_offset + 1, old.end_offset - old.start_offset) FROM articles WHERE id = old.article)));
        UPDATE fts_progress SET sentences = sentences - 1 WHERE id = 1;
        INSERT INTO term_documents_removed (text) VALUES (coalesce(old.text,
          (SELECT substr(clean_text, old.start_offset + 1, old.end_offset - old.start_offset) FROM articles WHERE id = old.article)));
      END;
      CREATE TRIGGER articles_text_kept AFTER UPDATE OF clean_text ON articles
      WHEN old.clean_text IS NOT new.clean_text
        AND (EXISTS (SELECT 1 FROM sentences WHERE article = old.id AND idx = 0) OR EXISTS (SELECT 1 FROM quotes WHERE article = old.id)) BEGIN
        SELECT RAISE (ABORT, 'an article''s text changed while sentences or quotations cut from it remain');
      END;
      -- Deleting an article cascades to its sentences after its row is gone: delete them first.
      -- (By their range: the cascade's own search, by article, reads the whole table.)
      CREATE TRIGGER articles_sentences_first BEFORE DELETE ON articles BEGIN
        DELETE FROM sentences WHERE article = old.id
          AND id BETWEEN (SELECT id FROM sentences WHERE article = old.id AND idx = 0)
          AND (SELECT id FROM sentences WHERE article = old.id AND idx = 0) + old.sentence_count - 1;
      END;
    `,
    // Mentions in the flat form (article-json.ts), half their size: 24 MB at 100,000 articles.
    backfill: (db) => {
      const rows = db.prepare('SELECT id, mentions FROM articles WHERE mentions IS NOT NULL').all() as { id: string; mentions: string }[];
      const update = db.prepare('UPDATE articles SET mentions = ? WHERE id = ?');
      for (const row of rows) {
        const flat = flattenStoredMentions(row.mentions);
        if (flat !== null) update.run(flat, row.id);
      }
    },
    compacts: true,
  },
  {
    version: 17,
    name: 'quoted speakers counted once and kept, with the speakers whose quotations changed since',
    sql: `
      -- What \`quote\` counts of each linked speaker (its quotations grouped, in the bot), kept
      -- so that a new process or a new article does not group the story's every quotation again.
      CREATE TABLE quote_speakers (
        speaker TEXT PRIMARY KEY, name TEXT NOT NULL,
        quotes INTEGER NOT NULL, mentions INTEGER NOT NULL, articles INTEGER NOT NULL,
        first TEXT NOT NULL
      ) WITHOUT ROWID;
      -- version: the grouping the counts were made with; NULL until the first count of all.
      CREATE TABLE quote_speaker_state (id INTEGER PRIMARY KEY CHECK (id = 1), version TEXT);
      INSERT INTO quote_speaker_state VALUES (1, NULL);
      -- Speakers to count again, marked by the triggers below in the transaction of the change;
      -- mark grows with each change, so a count clears only the changes it saw.
      CREATE TABLE quote_speaker_changes (speaker TEXT PRIMARY KEY, mark INTEGER NOT NULL) WITHOUT ROWID;

      -- A quotation written or deleted: the story entity its speaker is linked to, if any.
      CREATE TRIGGER quotes_mark_speaker_insert AFTER INSERT ON quotes WHEN NEW.speaker IS NOT NULL BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT story_entity, 1 FROM entity_links WHERE article = NEW.article AND entity_key = NEW.speaker AND true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      CREATE TRIGGER quotes_mark_speaker_delete AFTER DELETE ON quotes WHEN OLD.speaker IS NOT NULL BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT story_entity, 1 FROM entity_links WHERE article = OLD.article AND entity_key = OLD.speaker AND true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      CREATE TRIGGER quotes_mark_speaker_update AFTER UPDATE OF article, speaker ON quotes BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT story_entity, 1 FROM entity_links WHERE article = OLD.article AND entity_key = OLD.speaker AND true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT story_entity, 1 FROM entity_links WHERE article = NEW.article AND entity_key = NEW.speaker AND true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      -- A link made, moved or dropped for an entity that speaks: the story entities on both sides.
      -- BEFORE INSERT, since INSERT OR REPLACE drops the row it replaces without a delete trigger;
      -- a link written again unchanged marks nothing.
      CREATE TRIGGER entity_links_mark_speaker_insert BEFORE INSERT ON entity_links
        WHEN EXISTS (SELECT 1 FROM quotes WHERE article = NEW.article AND speaker = NEW.entity_key) BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT NEW.story_entity, 1 WHERE NOT EXISTS (SELECT 1 FROM entity_links
            WHERE article = NEW.article AND entity_key = NEW.entity_key AND story_entity = NEW.story_entity)
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT story_entity, 1 FROM entity_links
            WHERE article = NEW.article AND entity_key = NEW.entity_key AND story_entity != NEW.story_entity
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      CREATE TRIGGER entity_links_mark_speaker_update AFTER UPDATE ON entity_links
        WHEN OLD.story_entity IS NOT NEW.story_entity OR OLD.article IS NOT NEW.article OR OLD.entity_key IS NOT NEW.entity_key BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT OLD.story_entity, 1 WHERE EXISTS (SELECT 1 FROM quotes WHERE article = OLD.article AND speaker = OLD.entity_key)
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT NEW.story_entity, 1 WHERE EXISTS (SELECT 1 FROM quotes WHERE article = NEW.article AND speaker = NEW.entity_key)
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      CREATE TRIGGER entity_links_mark_speaker_delete AFTER DELETE ON entity_links
        WHEN EXISTS (SELECT 1 FROM quotes WHERE article = OLD.article AND speaker = OLD.entity_key) BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT OLD.story_entity, 1 WHERE true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
      -- A speaker renamed: its count carries its name.
      CREATE TRIGGER story_entities_mark_speaker AFTER UPDATE OF name ON story_entities WHEN OLD.name IS NOT NEW.name BEGIN
        INSERT INTO quote_speaker_changes (speaker, mark) SELECT NEW.id, 1 WHERE true
          ON CONFLICT (speaker) DO UPDATE SET mark = mark + 1;
      END;
    `,
  },
];

/**
 * Brings the database up to the newest migration. Safe to call on every open, and from
 * several processes opening one file at once: applied versions are skipped. Throws when the
 * file was written by a newer schema.
 */
export function migrate(db: Database.Database, list: readonly Migration[] = migrations): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL
  )`);
  const row = db.prepare('SELECT max(version) AS version FROM schema_migrations').get() as {
    version: number | null;
  };
  const current = row.version ?? 0;
  const newest = list.reduce((max, m) => Math.max(max, m.version), 0);
  if (current > newest) {
    throw new Error(`the database has schema version ${current}, newer than this briefbot knows (${newest}): upgrade briefbot or use another --db file`);
  }
  let compact = false;
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').pluck();
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    // IMMEDIATE, and looked at again inside: several replicas opening a new file at once each
    // read "not applied" above; under the write lock only the first applies it, the others skip.
    db.transaction(() => {
      if (applied.get(migration.version)) return;
      db.exec(migration.sql);
      migration.backfill?.(db);
      record.run(migration.version, migration.name, new Date().toISOString());
      // A new file (nothing before the first migration) has nothing to give back.
      compact ||= migration.compacts === true && current > 0;
    }).immediate();
  }
  if (compact) compactFile(db);
  return newest;
}

/**
 * Rewrites the file without its free pages, at PAGE_SIZE. SQLite changes the page size only
 * outside write-ahead-log mode, and leaves that mode only when no other connection has the file
 * open; if one has, the file keeps its page size. Where VACUUM cannot run (another process is
 * writing), the free pages stay, for later writes to fill.
 */
function compactFile(db: Database.Database): void {
  const mode = db.pragma('journal_mode', { simple: true }) as string;
  try {
    if (mode === 'wal') db.pragma('journal_mode = DELETE');
    db.pragma(`page_size = ${PAGE_SIZE}`);
    db.exec('VACUUM');
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('SQLITE_BUSY'))) throw error;
  } finally {
    if (mode === 'wal') db.pragma('journal_mode = WAL');
  }
}
