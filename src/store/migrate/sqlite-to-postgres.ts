/**
 * Copies an embedded SQLite index into PostgreSQL, so a team grows to several replicas without
 * re-ingesting: every article row (current, duplicate or removed, with its fingerprints and
 * times), its sentences (same ids, so equal scores break ties alike), entities, quotations and
 * events; the story's entities, links and linking keys; digest subscriptions, runs and watermarks (content
 * sequence numbers kept as they are); feeds, polls and items; conversations; answers and votes.
 *
 * The target is made a mirror of the source. Articles go in batches, each in one transaction,
 * skipping those already copied unchanged, so a run that was interrupted is simply run again;
 * the other tables are replaced whole, each in one transaction; the full-text counters are
 * recounted from the copied sentences last. Running it twice gives the same database.
 */
import Database from 'better-sqlite3';
import pg from 'pg';
import { openSqliteStore } from '../sqlite/sqlite-store.ts';
import { sentenceIdsOf } from '../sqlite/sentence-ids.ts';
import { nameKey } from '../../core/name-key.ts';
import { openFts5Tokenizer, tsvectorLiteral } from '../fts5-tokens.ts';
import { migrate as migratePostgres } from '../postgres/migrations.ts';
import { inTransaction } from '../postgres/transaction.ts';

/** The articles' child tables, copied with them. */
const CHILDREN = ['sentences', 'entities', 'quotes', 'events'] as const;

/** Tables copied whole, parents before children; `serial` names an id column whose sequence must follow. */
const WHOLE_TABLES: readonly { readonly table: string; readonly serial?: string }[] = [
  { table: 'story_entities' },
  { table: 'story_entity_names' },
  { table: 'story_entity_roles' },
  { table: 'story_entity_keys' },
  { table: 'story_entity_tally' },
  { table: 'entity_links' },
  { table: 'digest_subscriptions', serial: 'id' },
  { table: 'digest_runs' },
  { table: 'feeds', serial: 'id' },
  { table: 'feed_polls' },
  { table: 'feed_items' },
  { table: 'conversations' },
  { table: 'conversation_messages' },
  { table: 'answers' },
  { table: 'feedback' },
];

/**
 * The quoted speakers' counts (SQLite migration 17, PostgreSQL 9) and the state saying whether
 * they are whole: copied as the source holds them, whatever that is (counts never made, made
 * whole, or some speakers marked for a recount), so the target knows exactly what the source knew.
 */
const QUOTE_SPEAKER_TABLES = ['quote_speakers', 'quote_speaker_state', 'quote_speaker_changes'] as const;

/** The tables an article batch writes, and those its triggers fill: vacuumed and analysed after a copy. */
const ANALYSED = ['articles', ...CHILDREN, 'sentence_postings', 'term_documents', 'store_state', ...QUOTE_SPEAKER_TABLES] as const;

export interface MigrationReport {
  readonly articles: number;
  /** Articles written this run (the rest were already copied, unchanged). */
  readonly copied: number;
  readonly tables: Readonly<Record<string, number>>;
}

export interface MigrationOptions {
  /** Articles per transaction (default 200). */
  readonly batch?: number;
  /** Called after each article batch commits: progress, and where a test interrupts a run. */
  readonly onBatch?: (done: number, total: number) => void;
  /** A schema to work in instead of the user's default (tests). */
  readonly schema?: string;
}

type Row = Record<string, unknown>;

/** Inserts rows into a table through its own row type: every value a parameter, in chunks. */
async function insertRows(client: pg.PoolClient, table: string, rows: readonly Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const columns = Object.keys(chunk[0] ?? {});
    if (columns.length === 0) return;
    const list = columns.map((c) => `"${c}"`).join(', ');
    await client.query(`INSERT INTO ${table} (${list}) SELECT ${list} FROM jsonb_populate_recordset(NULL::${table}, $1::jsonb)`, [JSON.stringify(chunk)]);
  }
}

/** The fingerprint of an article row that says whether the target already holds it unchanged. */
function articleKey(row: Row): string {
  return JSON.stringify([row.hash, row.text_hash, row.status, row.changed_at, row.analysis_version, row.content_seq, row.removed_at, row.duplicate_of]);
}

/**
 * Copies the SQLite database `file` into the PostgreSQL database at `url` (migrating both to
 * the current schema first). Safe to run again, and to run again after an interruption.
 */
export async function migrateSqliteToPostgres(file: string, url: string, options: MigrationOptions = {}): Promise<MigrationReport> {
  // Bring the source up to the current schema and its full-text index up to date, then read it as rows.
  // Whether the story waits for a relink travels too, so the first ingest on Postgres relinks.
  const opened = openSqliteStore(file);
  const stale = await opened.needsLinking();
  await opened.close();
  const source = new Database(file, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: url, max: 2, ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}) });
  pool.on('error', () => undefined);
  const tokenizer = openFts5Tokenizer();
  try {
    if (options.schema) {
      if (!/^[a-z_][a-z0-9_]*$/.test(options.schema)) throw new Error(`not a schema name: ${options.schema}`);
      await pool.query(`CREATE SCHEMA IF NOT EXISTS ${options.schema}`);
    }
    await migratePostgres(pool);
    const batch = Math.max(1, options.batch ?? 200);
    const articles = source.prepare('SELECT * FROM articles ORDER BY id').all() as Row[];
    const present = new Map<string, string>();
    for (const row of (
      await pool.query<Row>('SELECT id, hash, text_hash, status, changed_at, analysis_version, content_seq, removed_at, duplicate_of FROM articles')
    ).rows) {
      present.set(String(row.id), articleKey({ ...row, content_seq: row.content_seq === null ? null : Number(row.content_seq) }));
    }
    const children = Object.fromEntries(
      CHILDREN.map((table) => [
        table,
        // Sentences and quotations through their views: the tables keep a text only where it is not the article's slice.
        source.prepare(
          `SELECT * FROM ${table === 'sentences' ? 'sentence_texts' : table === 'quotes' ? 'quote_texts' : table} WHERE article = @article${
            table === 'sentences' ? ` AND id ${sentenceIdsOf('@article')}` : ''
          } ORDER BY ${table === 'entities' ? 'key' : table === 'sentences' ? 'id' : 'idx'}`,
        ),
      ]),
    );

    // Articles no longer in the source go first (their children cascade).
    const wanted = new Set(articles.map((row) => String(row.id)));
    const extra = [...present.keys()].filter((id) => !wanted.has(id));
    if (extra.length > 0) await pool.query('DELETE FROM articles WHERE id = ANY($1::text[])', [extra]);

    const todo = articles.filter((row) => present.get(String(row.id)) !== articleKey(row));
    for (let i = 0; i < todo.length; i += batch) {
      const rows = todo.slice(i, i + batch);
      const ids = rows.map((row) => String(row.id));
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM articles WHERE id = ANY($1::text[])', [ids]);
        await insertRows(client, 'articles', rows);
        for (const table of CHILDREN) {
          const all = ids.flatMap((id) => children[table]!.all({ article: id }) as Row[]);
          if (table === 'sentences') {
            const tokens = tokenizer.tokenize(all.map((row) => String(row.text)));
            all.forEach((row, n) => {
              row.tokens = tsvectorLiteral(tokens[n] ?? []);
              row.token_count = tokens[n]?.length ?? 0;
            });
          }
          // Folded as PostgreSQL's writer folds them; SQLite does not keep them (migration 16).
          if (table === 'entities') {
            for (const row of all) row.name_keys = [...new Set([String(row.name), ...(JSON.parse(String(row.aliases)) as string[])].map(nameKey))];
          }
          await insertRows(client, table, all);
        }
      });
      options.onBatch?.(Math.min(i + batch, todo.length), todo.length);
    }

    // Statistics for the copied articles before the story's tables go in: the triggers that mark
    // quoted speakers (PostgreSQL migration 9) look up each 1,000 links' quotations, and on a
    // table never analysed that is planned as a scan of every quotation (at 100k, 1.1 s per
    // 1,000 of the 1.3M links, some 25 minutes; 12 ms each once analysed).
    await pool.query(`ANALYZE ${['articles', ...CHILDREN].join(', ')}`);
    const tables: Record<string, number> = {};
    await inTransaction(pool, async (client) => {
      // Children first when emptying, parents first when filling.
      for (const { table } of [...WHOLE_TABLES].reverse()) await client.query(`DELETE FROM ${table}`);
      for (const { table, serial } of WHOLE_TABLES) {
        const rows = source.prepare(`SELECT * FROM ${table}`).all() as Row[];
        await insertRows(client, table, rows);
        tables[table] = rows.length;
        if (serial) {
          await client.query(`SELECT setval(pg_get_serial_sequence('${table}', '${serial}'), greatest((SELECT coalesce(max(${serial}), 0) FROM ${table}), 1))`);
        }
      }
      // The quoted speakers' counts as the source keeps them, with what says how far they hold
      // (the grouping's version, the speakers marked for a recount): copied last, since the story's
      // links written above mark every linked speaker for a recount (migration 9's triggers), and
      // the same quotations and links need no recount on this side. Without them the first
      // `quote` counted every speaker again (some 22 s at 100k).
      for (const table of QUOTE_SPEAKER_TABLES) await client.query(`DELETE FROM ${table}`);
      for (const table of QUOTE_SPEAKER_TABLES) {
        const rows = source.prepare(`SELECT * FROM ${table}`).all() as Row[];
        await insertRows(client, table, rows);
        tables[table] = rows.length;
      }
      await client.query('INSERT INTO quote_speaker_state (id, version) VALUES (1, NULL) ON CONFLICT (id) DO NOTHING');
      await client.query(`SELECT setval(pg_get_serial_sequence('sentences', 'id'), greatest((SELECT coalesce(max(id), 0) FROM sentences), 1))`);
      // The counters FTS5 keeps, recounted from what was copied; the content sequence as the source's.
      await client.query('DELETE FROM term_documents');
      await client.query(`INSERT INTO term_documents (term, documents)
        SELECT d.lexeme, count(*)::int FROM sentences s, unnest(s.tokens) AS d (lexeme, positions, weights) GROUP BY d.lexeme`);
      const last = (source.prepare('SELECT last FROM content_sequence WHERE id = 1').pluck().get() as number | undefined) ?? 0;
      const keysBuilt = source.prepare('SELECT keys_built FROM story_link_state WHERE id = 1').pluck().get() === 1;
      await client.query(
        `UPDATE store_state SET sentences = (SELECT count(*) FROM sentences), tokens = (SELECT coalesce(sum(token_count), 0) FROM sentences),
           last_seq = $1, revision = revision + 1, linking_stale = $2, keys_built = $3 WHERE id = 1`,
        [last, stale, keysBuilt],
      );
    });
    // A bulk copy leaves the planner no statistics and the postings' pages not marked all-visible
    // (no index-only scans): do now what autovacuum would do some time later.
    await pool.query(`VACUUM (ANALYZE) ${[...ANALYSED, ...WHOLE_TABLES.map((t) => t.table)].join(', ')}`);
    return { articles: articles.length, copied: todo.length, tables };
  } finally {
    tokenizer.close();
    source.close();
    await pool.end();
  }
}
