/**
 * The PostgreSQL schema as a versioned list of migrations, its own list (the SQLite engine's
 * is written in SQLite's dialect). Each is applied once, in its own transaction, recorded in
 * `schema_migrations`, and the whole run holds an advisory lock, so replicas starting together
 * migrate once; a database written by a newer briefbot is refused. Append; never edit one applied.
 *
 * Text that is ordered or compared (ids, ISO times, slots, names) is `COLLATE "C"`: byte order,
 * as SQLite's BINARY collation, so both engines list and compare in the same order.
 */
import type pg from 'pg';
import { backfillRoleStems } from './story-entities.ts';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** Rows the SQL cannot compute (stems, folded names), filled in the same transaction after it. */
  readonly backfill?: (client: pg.PoolClient) => Promise<void>;
}

/** Byte-ordered text, as SQLite compares it. */
const T = 'TEXT COLLATE "C"';

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'the whole schema of SQLite migrations 1 to 7, and full text kept as FTS5 keeps it',
    sql: `
      CREATE TABLE articles (
        id ${T} PRIMARY KEY,
        path ${T} NOT NULL, root ${T} NOT NULL, hash ${T} NOT NULL, text_hash ${T} NOT NULL,
        status ${T} NOT NULL CHECK (status IN ('current', 'duplicate', 'removed')),
        duplicate_of ${T},
        analysis_version INTEGER,
        title ${T}, outlet ${T}, url ${T}, published ${T}, updated ${T}, byline ${T},
        clean_title ${T}, title_made INTEGER NOT NULL DEFAULT 0, clean_text ${T}, clean_byline ${T},
        dateline_published ${T}, dateline_updated ${T},
        sentence_count INTEGER NOT NULL DEFAULT 0,
        quote_count INTEGER NOT NULL DEFAULT 0,
        first_seen ${T} NOT NULL, changed_at ${T} NOT NULL, removed_at ${T},
        blocks ${T}, set_aside ${T}, mentions ${T},
        content_seq BIGINT
      );
      CREATE INDEX articles_by_status ON articles (status, id);
      CREATE INDEX articles_by_content_seq ON articles (content_seq) WHERE status = 'current';

      -- tokens: the sentence's FTS5 tokens (unicode61, Porter stems) as a tsvector with their
      -- positions, for matching and phrases; token_count: its length, for BM25.
      CREATE TABLE sentences (
        id BIGSERIAL PRIMARY KEY,
        article ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, block INTEGER NOT NULL, kind ${T} NOT NULL,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL, text ${T} NOT NULL,
        tokens TSVECTOR NOT NULL,
        token_count INTEGER NOT NULL,
        UNIQUE (article, idx)
      );
      CREATE INDEX sentences_tokens ON sentences USING GIN (tokens);

      -- How many sentences contain each stem: BM25's document frequencies, as FTS5 keeps them.
      CREATE TABLE term_documents (
        term ${T} PRIMARY KEY,
        documents INTEGER NOT NULL
      );

      -- One row of counters, updated last in every write transaction: sentences and tokens
      -- (BM25's N and average length), the content sequence (taken under this row's lock, so
      -- numbers are given in commit order), and a revision that moves on every write.
      CREATE TABLE store_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        sentences BIGINT NOT NULL, tokens BIGINT NOT NULL,
        last_seq BIGINT NOT NULL, revision BIGINT NOT NULL
      );
      INSERT INTO store_state VALUES (1, 0, 0, 0, 0);

      CREATE TABLE entities (
        article ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        key ${T} NOT NULL, name ${T} NOT NULL, kind ${T} NOT NULL,
        aliases ${T} NOT NULL, roles ${T} NOT NULL, named INTEGER NOT NULL,
        name_keys TEXT[] COLLATE "C" NOT NULL,
        PRIMARY KEY (article, key)
      );

      CREATE TABLE quotes (
        article ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, text ${T} NOT NULL,
        start_offset INTEGER NOT NULL, end_offset INTEGER NOT NULL,
        sentence INTEGER NOT NULL, kind ${T} NOT NULL,
        speaker ${T}, speaker_text ${T}, cue ${T}, cue_kind ${T} NOT NULL,
        cue_start INTEGER, cue_end INTEGER,
        PRIMARY KEY (article, idx)
      );

      CREATE TABLE events (
        article ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        idx INTEGER NOT NULL, sentence INTEGER NOT NULL, date ${T} NOT NULL, text ${T} NOT NULL,
        PRIMARY KEY (article, idx)
      );

      CREATE TABLE story_entities (
        id ${T} PRIMARY KEY, name ${T} NOT NULL, kind ${T} NOT NULL,
        aliases ${T} NOT NULL, roles ${T} NOT NULL,
        article_count INTEGER NOT NULL DEFAULT 0,
        quote_count INTEGER NOT NULL DEFAULT 0
      );

      CREATE TABLE story_entity_names (
        story_entity ${T} NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        name_key ${T} NOT NULL,
        PRIMARY KEY (name_key, story_entity)
      );

      CREATE TABLE entity_links (
        article ${T} NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        entity_key ${T} NOT NULL,
        story_entity ${T} NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (article, entity_key)
      );
      CREATE INDEX entity_links_by_story_entity ON entity_links (story_entity);

      CREATE TABLE digest_subscriptions (
        id SERIAL PRIMARY KEY,
        platform ${T} NOT NULL, workspace ${T} NOT NULL, channel ${T} NOT NULL,
        time ${T} NOT NULL, days ${T} NOT NULL, timezone ${T}, topic ${T},
        empty ${T} NOT NULL CHECK (empty IN ('skip', 'post')),
        created_at ${T} NOT NULL, created_by ${T}, updated_at ${T} NOT NULL, active_from ${T} NOT NULL,
        paused_at ${T}, paused_reason ${T},
        watermark BIGINT, last_posted_slot ${T}, last_posted_at ${T},
        UNIQUE (platform, workspace, channel)
      );

      CREATE TABLE digest_runs (
        subscription INTEGER NOT NULL REFERENCES digest_subscriptions (id) ON DELETE CASCADE,
        slot ${T} NOT NULL,
        state ${T} NOT NULL CHECK (state IN ('claimed', 'posting', 'retrying', 'posted', 'empty',
          'missed', 'failed', 'gone', 'superseded', 'uncertain')),
        owner ${T}, lease_until ${T},
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at ${T},
        catch_up INTEGER NOT NULL DEFAULT 0,
        claimed_at ${T} NOT NULL, finished_at ${T},
        from_seq BIGINT, to_seq BIGINT, articles INTEGER, error ${T},
        PRIMARY KEY (subscription, slot)
      );
      CREATE INDEX digest_runs_open ON digest_runs (state) WHERE state IN ('claimed', 'posting', 'retrying');

      CREATE TABLE feeds (
        id SERIAL PRIMARY KEY,
        url ${T} NOT NULL UNIQUE, added_from ${T}, title ${T}, kind ${T},
        platform ${T} NOT NULL, workspace ${T} NOT NULL, channel ${T}, added_by ${T},
        interval_minutes INTEGER, added_at ${T} NOT NULL,
        etag ${T}, last_modified ${T}, last_polled_at ${T}, last_success_at ${T},
        last_error ${T}, last_error_at ${T},
        failures INTEGER NOT NULL DEFAULT 0,
        paused_at ${T}, paused_reason ${T},
        next_poll_at ${T} NOT NULL,
        items_seen INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX feeds_by_added_from ON feeds (added_from);
      CREATE INDEX feeds_due ON feeds (next_poll_at);

      CREATE TABLE feed_polls (
        feed INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
        slot ${T} NOT NULL,
        state ${T} NOT NULL CHECK (state IN ('claimed', 'fetched', 'not-modified', 'failed')),
        owner ${T} NOT NULL, lease_until ${T}, claimed_at ${T} NOT NULL, finished_at ${T}, error ${T},
        PRIMARY KEY (feed, slot)
      );

      CREATE TABLE feed_items (
        key ${T} PRIMARY KEY,
        feed INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        article ${T}, entry_hash ${T} NOT NULL,
        status ${T} NOT NULL CHECK (status IN ('indexed', 'skipped', 'failed')),
        reason ${T}, attempts INTEGER NOT NULL DEFAULT 0,
        first_seen ${T} NOT NULL, last_seen ${T} NOT NULL
      );

      CREATE TABLE conversations (
        key ${T} PRIMARY KEY, turns ${T} NOT NULL, updated_at ${T} NOT NULL
      );
      CREATE INDEX conversations_by_updated ON conversations (updated_at);
      CREATE TABLE conversation_messages (
        message ${T} PRIMARY KEY, conversation ${T} NOT NULL, at ${T} NOT NULL
      );
      CREATE INDEX conversation_messages_by_at ON conversation_messages (at);

      CREATE TABLE answers (
        id ${T} PRIMARY KEY, platform ${T} NOT NULL, conversation ${T}, command ${T} NOT NULL,
        question ${T}, citations ${T} NOT NULL, reply ${T} NOT NULL, created_at ${T} NOT NULL
      );
      CREATE INDEX answers_by_created ON answers (created_at);
      CREATE TABLE feedback (
        answer ${T} NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
        platform ${T} NOT NULL, user_id ${T} NOT NULL,
        vote ${T} NOT NULL CHECK (vote IN ('up', 'down')),
        reason ${T}, at ${T} NOT NULL,
        PRIMARY KEY (answer, platform, user_id)
      );
      CREATE INDEX feedback_by_at ON feedback (at);

      -- How often a phrase (its stems, space-separated) occurs in a sentence's tokens: FTS5's
      -- instance count, a phrase matching where its stems stand at consecutive positions.
      CREATE FUNCTION fts5_phrase_count(doc TSVECTOR, phrase TEXT) RETURNS INTEGER
      LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
        WITH words AS (
          SELECT w, i FROM unnest(string_to_array(phrase, ' ')) WITH ORDINALITY AS t (w, i)
        ), places AS (
          SELECT d.lexeme, p::INTEGER AS p
          FROM unnest(doc) AS d (lexeme, positions, weights), unnest(d.positions) AS p
          WHERE d.lexeme IN (SELECT w FROM words)
        )
        SELECT count(*)::INTEGER FROM places f
        WHERE f.lexeme = (SELECT w FROM words WHERE i = 1)
          AND NOT EXISTS (SELECT 1 FROM words WHERE i > 1 AND NOT EXISTS
            (SELECT 1 FROM places o WHERE o.lexeme = words.w AND o.p = f.p + words.i - 1))
      $fn$;

      -- FTS5's bm25() (fts5_aux.c), operation for operation in double precision, so both engines
      -- give equal scores and so equal orders: k1 1.2, b 0.75, IDF log((N - n + 0.5) / (n + 0.5))
      -- raised to 1e-6 when not positive, summed over the query's phrases in their order.
      CREATE FUNCTION fts5_bm25(freqs INTEGER[], hits FLOAT8[], dl FLOAT8, n FLOAT8, total FLOAT8)
      RETURNS FLOAT8 LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $fn$
      DECLARE
        k1 CONSTANT FLOAT8 := 1.2;
        b CONSTANT FLOAT8 := 0.75;
        avgdl FLOAT8 := total / n;
        score FLOAT8 := 0.0;
        idf FLOAT8;
        f FLOAT8;
      BEGIN
        FOR i IN 1 .. coalesce(array_length(freqs, 1), 0) LOOP
          idf := ln((n - hits[i] + 0.5::FLOAT8) / (hits[i] + 0.5::FLOAT8));
          IF idf <= 0.0 THEN idf := 1e-6::FLOAT8; END IF;
          f := freqs[i];
          score := score + idf * ((f * (k1 + 1.0::FLOAT8)) / (f + k1 * (1.0::FLOAT8 - b + b * dl / avgdl)));
        END LOOP;
        RETURN score;
      END
      $fn$;
    `,
  },
  {
    version: 2,
    name: 'a flag that says the story waits for a whole relink (SQLite migration 8)',
    sql: `
      -- Set by every article write that is not linked on its own (WriteOptions.link, from
      -- migration 7 on), a removal or a duplicate included, which leave no entity unlinked to
      -- see; cleared when the story is saved whole with every entity linked.
      ALTER TABLE store_state ADD COLUMN linking_stale BOOLEAN NOT NULL DEFAULT FALSE;
    `,
  },
  {
    version: 3,
    name: 'postings: each stem of each sentence with its count and the sentence length, read by search',
    sql: `
      -- What FTS5's index holds: for each stem, the sentences holding it, how often (tf) and the
      -- sentence's length in tokens (dl). A one-stem search reads only its stems' rows, in
      -- index order, and scores them in one aggregate, with no tsvector unpacked and no function
      -- called per row. Kept by triggers on sentences, so every writer (ingest, migrate) fills it.
      CREATE TABLE sentence_postings (
        term ${T} NOT NULL,
        sentence BIGINT NOT NULL,
        tf INTEGER NOT NULL,
        dl INTEGER NOT NULL,
        PRIMARY KEY (term, sentence) INCLUDE (tf, dl)
      );
      CREATE INDEX sentence_postings_by_sentence ON sentence_postings (sentence);

      CREATE FUNCTION sentence_postings_add() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        INSERT INTO sentence_postings (term, sentence, tf, dl)
        SELECT d.lexeme, s.id, coalesce(array_length(d.positions, 1), 0), s.token_count
        FROM added s, unnest(s.tokens) AS d (lexeme, positions, weights);
        RETURN NULL;
      END
      $fn$;
      CREATE FUNCTION sentence_postings_remove() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        DELETE FROM sentence_postings p USING removed r WHERE p.sentence = r.id;
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER sentences_postings_add AFTER INSERT ON sentences
        REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION sentence_postings_add();
      CREATE TRIGGER sentences_postings_remove AFTER DELETE ON sentences
        REFERENCING OLD TABLE AS removed FOR EACH STATEMENT EXECUTE FUNCTION sentence_postings_remove();

      INSERT INTO sentence_postings (term, sentence, tf, dl)
      SELECT d.lexeme, s.id, coalesce(array_length(d.positions, 1), 0), s.token_count
      FROM sentences s, unnest(s.tokens) AS d (lexeme, positions, weights);
    `,
  },
  {
    version: 4,
    name: 'fingerprints by path, root and text hash, so an ingest run reads only its own files (SQLite migration 9)',
    sql: `
      CREATE INDEX articles_by_path ON articles (path);
      CREATE INDEX articles_by_root ON articles (root);
      CREATE INDEX articles_by_text_hash ON articles (text_hash, id) WHERE status = 'current';
    `,
  },
  {
    version: 5,
    name: 'story entities by the stems of their roles, and by kind and counts, for reading a question by index (SQLite migration 11)',
    sql: `
      CREATE TABLE story_entity_roles (
        role_stem ${T} NOT NULL,
        story_entity ${T} NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (role_stem, story_entity)
      );
      CREATE INDEX story_entity_roles_by_entity ON story_entity_roles (story_entity);
      CREATE INDEX story_entities_by_kind ON story_entities (kind, article_count, quote_count);
    `,
    backfill: backfillRoleStems,
  },
  {
    version: 6,
    name: 'digest runs remember how much of a post reached the channel, so a retry posts only the rest (SQLite migration 13)',
    sql: `
      ALTER TABLE digest_runs ADD COLUMN resume ${T};
    `,
  },
  {
    version: 7,
    name: 'linking keys and name tallies of story entities, for linking one article at a time (SQLite migrations 8 and 9)',
    sql: `
      -- As SQLite's: every key under which linking could join an article's entity with a story
      -- entity's members (linkKeysOf), and how many members of each entity go by each name.
      CREATE TABLE story_entity_keys (
        link_key ${T} NOT NULL,
        story_entity ${T} NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        PRIMARY KEY (link_key, story_entity)
      );
      CREATE INDEX story_entity_keys_by_entity ON story_entity_keys (story_entity);
      CREATE TABLE story_entity_tally (
        story_entity ${T} NOT NULL REFERENCES story_entities (id) ON DELETE CASCADE,
        name ${T} NOT NULL,
        named INTEGER NOT NULL,
        members INTEGER NOT NULL,
        PRIMARY KEY (story_entity, name, named)
      );
      INSERT INTO story_entity_tally
        SELECT l.story_entity, e.name, e.named, count(*) FROM entity_links l
        JOIN entities e ON e.article = l.article AND e.key = l.entity_key
        GROUP BY l.story_entity, e.name, e.named;
      -- keys_built: the keys above cover every story entity. The linking keys are made by
      -- linkKeysOf, in the bot, so a database with a story gets them from its stored links before
      -- its first linked write (link-keys.ts), a chunk of entities at a time; until then, a write
      -- is not linked on its own. linking_stale is left as it was (migration 2): a story linked
      -- whole needs no relink to get keys. (Before, it was set here, and the first write after
      -- this migration relinked the whole story: at 100k, 1.3M links decided again.)
      ALTER TABLE store_state ADD COLUMN keys_built BOOLEAN NOT NULL DEFAULT TRUE;
      UPDATE store_state SET keys_built = NOT EXISTS (SELECT 1 FROM story_entities);
    `,
  },
  {
    version: 8,
    name: 'current articles newest first, for the story brief (SQLite migration 15)',
    sql: `
      CREATE INDEX articles_by_newest ON articles (published DESC NULLS LAST, first_seen DESC, id) WHERE status = 'current';
    `,
  },
  {
    version: 9,
    name: 'quoted speakers counted once and kept, with the speakers whose quotations changed since (SQLite migration 17)',
    sql: `
      -- As SQLite's: what \`quote\` counts of each linked speaker, kept between processes, and
      -- the speakers to count again, marked by the triggers below in the transaction of the change.
      CREATE TABLE quote_speakers (
        speaker ${T} PRIMARY KEY, name ${T} NOT NULL,
        quotes INTEGER NOT NULL, mentions INTEGER NOT NULL, articles INTEGER NOT NULL,
        first ${T} NOT NULL
      );
      CREATE TABLE quote_speaker_state (id INTEGER PRIMARY KEY CHECK (id = 1), version ${T});
      INSERT INTO quote_speaker_state VALUES (1, NULL);
      CREATE TABLE quote_speaker_changes (speaker ${T} PRIMARY KEY, mark BIGINT NOT NULL);

      CREATE FUNCTION mark_quote_speakers(speakers TEXT[]) RETURNS VOID LANGUAGE sql AS $fn$
        INSERT INTO quote_speaker_changes (speaker, mark)
        SELECT DISTINCT s, 1 FROM unnest(speakers) AS s WHERE s IS NOT NULL
        ON CONFLICT (speaker) DO UPDATE SET mark = quote_speaker_changes.mark + 1
      $fn$;
      -- A quotation written or deleted: the story entity its speaker is linked to, if any.
      CREATE FUNCTION quotes_mark_speakers() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM mark_quote_speakers(ARRAY(SELECT l.story_entity FROM changed q
          JOIN entity_links l ON l.article = q.article AND l.entity_key = q.speaker));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER quotes_mark_speakers_insert AFTER INSERT ON quotes
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION quotes_mark_speakers();
      CREATE TRIGGER quotes_mark_speakers_delete AFTER DELETE ON quotes
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION quotes_mark_speakers();
      CREATE FUNCTION quotes_mark_speakers_update() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM mark_quote_speakers(ARRAY(SELECT l.story_entity FROM (SELECT article, speaker FROM before
          UNION SELECT article, speaker FROM after) q JOIN entity_links l ON l.article = q.article AND l.entity_key = q.speaker));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER quotes_mark_speakers_update AFTER UPDATE ON quotes
        REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION quotes_mark_speakers_update();
      -- A link made, moved or dropped for an entity that speaks: the story entities on both
      -- sides; a link written again unchanged (an upsert) marks nothing.
      CREATE FUNCTION entity_links_mark_speakers() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM mark_quote_speakers(ARRAY(SELECT l.story_entity FROM changed l WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.article = l.article AND q.speaker = l.entity_key)));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER entity_links_mark_speakers_insert AFTER INSERT ON entity_links
        REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION entity_links_mark_speakers();
      CREATE TRIGGER entity_links_mark_speakers_delete AFTER DELETE ON entity_links
        REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION entity_links_mark_speakers();
      CREATE FUNCTION entity_links_mark_speakers_update() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM mark_quote_speakers(ARRAY(
          SELECT o.story_entity FROM before o LEFT JOIN after n ON n.article = o.article AND n.entity_key = o.entity_key
          WHERE n.story_entity IS DISTINCT FROM o.story_entity AND EXISTS (SELECT 1 FROM quotes q WHERE q.article = o.article AND q.speaker = o.entity_key)
          UNION ALL
          SELECT n.story_entity FROM after n LEFT JOIN before o ON o.article = n.article AND o.entity_key = n.entity_key
          WHERE o.story_entity IS DISTINCT FROM n.story_entity AND EXISTS (SELECT 1 FROM quotes q WHERE q.article = n.article AND q.speaker = n.entity_key)));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER entity_links_mark_speakers_update AFTER UPDATE ON entity_links
        REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION entity_links_mark_speakers_update();
      -- A speaker renamed: its count carries its name.
      CREATE FUNCTION story_entities_mark_speakers() RETURNS TRIGGER LANGUAGE plpgsql AS $fn$
      BEGIN
        PERFORM mark_quote_speakers(ARRAY(SELECT n.id FROM after n JOIN before o ON o.id = n.id WHERE n.name IS DISTINCT FROM o.name));
        RETURN NULL;
      END
      $fn$;
      CREATE TRIGGER story_entities_mark_speakers AFTER UPDATE ON story_entities
        REFERENCING OLD TABLE AS before NEW TABLE AS after FOR EACH STATEMENT EXECUTE FUNCTION story_entities_mark_speakers();
    `,
  },
];

/** Arbitrary, fixed: the advisory lock every briefbot process takes to migrate. */
const MIGRATION_LOCK = 716_016;

/**
 * Brings the database up to the newest migration, holding an advisory lock so that replicas
 * starting together take turns. Throws when the database was written by a newer schema.
 */
export async function migrate(pool: pg.Pool, list: readonly Migration[] = migrations): Promise<number> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
      const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_migrations');
      const current = rows[0]?.version ?? 0;
      const newest = list.reduce((max, m) => Math.max(max, m.version), 0);
      if (current > newest) {
        throw new Error(`the database has schema version ${current}, newer than this briefbot knows (${newest}): upgrade briefbot or use another database`);
      }
      for (const migration of [...list].sort((a, b) => a.version - b.version)) {
        if (migration.version <= current) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await migration.backfill?.(client);
          await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [
            migration.version,
            migration.name,
            new Date().toISOString(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
      return newest;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}
