/**
 * Writes of one article's rows in PostgreSQL, each inside the caller's transaction. Every write
 * of an id first takes a transaction-scoped advisory lock on it, so two replicas writing the
 * same id queue instead of both reading "new". The full-text counters FTS5 keeps for BM25 (the
 * documents containing each stem, sentences, tokens) are kept here, in the same transaction:
 * stems in one statement in sorted order and the shared counters row last, so concurrent
 * writers take locks in one order.
 */
import type pg from 'pg';
import type { ArticleWrite, DuplicateEntry } from '../../core/ports/store.ts';
import { nameKey } from '../../core/name-key.ts';
import { encodeBlocks, encodeMentions } from '../rows/article-json.ts';
import { tsvectorLiteral, type Fts5Tokenizer } from '../fts5-tokens.ts';

/** Namespaces the advisory locks on article ids. */
const ARTICLE_LOCK = 716_017;

const CHILD_TABLES = ['sentences', 'entities', 'quotes', 'events', 'entity_links'] as const;

/** An article row written again replaces every fact but when it was first seen. */
const ON_CONFLICT_UPDATE = `
  ON CONFLICT (id) DO UPDATE SET
    path = excluded.path, root = excluded.root, hash = excluded.hash,
    text_hash = excluded.text_hash, status = excluded.status,
    duplicate_of = excluded.duplicate_of, analysis_version = excluded.analysis_version,
    title = excluded.title, outlet = excluded.outlet, url = excluded.url,
    published = excluded.published, updated = excluded.updated, byline = excluded.byline,
    clean_title = excluded.clean_title, title_made = excluded.title_made,
    clean_text = excluded.clean_text, clean_byline = excluded.clean_byline,
    dateline_published = excluded.dateline_published, dateline_updated = excluded.dateline_updated,
    sentence_count = excluded.sentence_count, quote_count = excluded.quote_count,
    changed_at = excluded.changed_at, removed_at = NULL,
    blocks = excluded.blocks, set_aside = excluded.set_aside, mentions = excluded.mentions`;

/** What removing articles' sentences takes out of the full-text counters. */
interface Removed {
  readonly sentences: number;
  readonly tokens: number;
  readonly terms: Map<string, number>;
}

/**
 * Locks the ids (sorted, so two writers of overlapping sets queue rather than deadlock), and lets
 * this transaction commit without waiting for its log to reach the disk: the SQLite engine's
 * trade (`synchronous=NORMAL`), where a crash of the server loses at most the last articles
 * written, never consistency, and re-ingest writes them again. Digest and feed claims keep
 * waiting for the disk: losing one could post twice.
 */
async function lockIds(client: pg.PoolClient, ids: readonly string[]): Promise<void> {
  await client.query('SET LOCAL synchronous_commit = off');
  await client.query('SELECT pg_advisory_xact_lock($1, hashtext(id)) FROM (SELECT DISTINCT id FROM unnest($2::text[]) AS id ORDER BY id) AS ids', [
    ARTICLE_LOCK,
    ids,
  ]);
}

/** Deletes the articles' analysis rows, returning what their sentences counted for. */
async function clearChildren(client: pg.PoolClient, ids: readonly string[]): Promise<Removed> {
  const terms = new Map<string, number>();
  const { rows } = await client.query<{ term: string; documents: number }>(
    `SELECT d.lexeme AS term, count(*)::int AS documents
     FROM sentences s, unnest(s.tokens) AS d (lexeme, positions, weights)
     WHERE s.article = ANY($1::text[]) GROUP BY d.lexeme`,
    [ids],
  );
  for (const row of rows) terms.set(row.term, -row.documents);
  const totals = await client.query<{ sentences: number; tokens: number }>(
    'SELECT count(*)::int AS sentences, coalesce(sum(token_count), 0)::int AS tokens FROM sentences WHERE article = ANY($1::text[])',
    [ids],
  );
  for (const table of CHILD_TABLES) await client.query(`DELETE FROM ${table} WHERE article = ANY($1::text[])`, [ids]);
  return { sentences: -(totals.rows[0]?.sentences ?? 0), tokens: -(totals.rows[0]?.tokens ?? 0), terms };
}

/** Applies the change to the per-stem document counts, in one statement, stems in order. */
async function countTerms(client: pg.PoolClient, delta: ReadonlyMap<string, number>): Promise<void> {
  const changed = [...delta].filter(([, n]) => n !== 0);
  if (changed.length === 0) return;
  await client.query(
    `INSERT INTO term_documents (term, documents)
     SELECT term, n FROM unnest($1::text[], $2::int[]) AS t (term, n) ORDER BY term COLLATE "C"
     ON CONFLICT (term) DO UPDATE SET documents = term_documents.documents + excluded.documents`,
    [changed.map(([term]) => term), changed.map(([, n]) => n)],
  );
}

/**
 * Moves the shared counters last; returns the new content sequence when one was taken. The
 * story is linked, or marked for a relink, by the caller (postgres-store.ts).
 */
async function moveCounters(client: pg.PoolClient, sentences: number, tokens: number, newTexts: number): Promise<number> {
  const { rows } = await client.query<{ last_seq: number }>(
    `UPDATE store_state SET sentences = sentences + $1, tokens = tokens + $2,
       last_seq = last_seq + $3, revision = revision + 1 WHERE id = 1 RETURNING last_seq`,
    [sentences, tokens, newTexts],
  );
  return rows[0]?.last_seq ?? 0;
}

/** Bumps the revision only: a write that serves something new without touching full text. */
export async function moveRevision(client: pg.PoolClient): Promise<void> {
  await moveCounters(client, 0, 0, 0);
}

export interface ArticleWriter {
  /**
   * Writes the articles in the caller's transaction in a dozen statements whatever their number
   * (each table's rows for all of them at once), as writing them one after another would.
   */
  putMany(client: pg.PoolClient, entries: readonly ArticleWrite[]): Promise<void>;
  /** Writes the exact copies in the caller's transaction, in a few statements whatever their number. */
  putDuplicates(client: pg.PoolClient, entries: readonly DuplicateEntry[]): Promise<void>;
  markRemoved(client: pg.PoolClient, ids: readonly string[], at: string): Promise<void>;
}

/** One article's rows, made before the first write: a bad article changes nothing. */
interface ArticleRows {
  readonly article: Record<string, unknown>;
  readonly sentences: readonly Record<string, unknown>[];
  readonly entities: readonly Record<string, unknown>[];
  readonly quotes: readonly Record<string, unknown>[];
  readonly events: readonly Record<string, unknown>[];
  readonly tokens: readonly (readonly string[])[];
}

function articleRows({ article, origin }: ArticleWrite, tokenizer: Fts5Tokenizer): ArticleRows {
  const { id, meta, clean, analysis } = article;
  const tokens = tokenizer.tokenize(analysis.sentences.map((s) => s.text));
  return {
    article: {
      id,
      path: article.path,
      root: origin.root,
      hash: article.hash,
      text_hash: origin.textHash,
      analysis_version: origin.analysisVersion,
      title: meta.title,
      outlet: meta.outlet,
      url: meta.url,
      published: meta.published,
      updated: meta.updated,
      byline: meta.byline,
      clean_title: clean.title,
      title_made: clean.titleMade ? 1 : 0,
      clean_text: clean.text,
      clean_byline: clean.byline,
      dateline_published: clean.dateline.published,
      dateline_updated: clean.dateline.updated,
      sentence_count: analysis.sentences.length,
      quote_count: analysis.quotes.length,
      at: origin.at,
      blocks: encodeBlocks(clean.blocks, clean.text),
      set_aside: JSON.stringify(clean.setAside),
      mentions: encodeMentions(analysis.mentions, clean.text),
    },
    sentences: analysis.sentences.map((s, i) => ({
      article: id,
      idx: s.index,
      block: s.block,
      kind: s.kind,
      start_offset: s.start,
      end_offset: s.end,
      text: s.text,
      tokens: tsvectorLiteral(tokens[i] ?? []),
      token_count: tokens[i]?.length ?? 0,
    })),
    entities: analysis.entities.map((e) => ({
      article: id,
      key: e.key,
      name: e.name,
      kind: e.kind,
      aliases: JSON.stringify(e.aliases),
      roles: JSON.stringify(e.roles),
      named: e.named ? 1 : 0,
      name_keys: [...new Set([e.name, ...e.aliases].map(nameKey))],
    })),
    quotes: analysis.quotes.map((q) => ({
      article: id,
      idx: q.index,
      text: q.text,
      start_offset: q.start,
      end_offset: q.end,
      sentence: q.sentence,
      kind: q.kind,
      speaker: q.speaker,
      speaker_text: q.speakerText,
      cue: q.cue,
      cue_kind: q.cueKind,
      cue_start: q.cueStart,
      cue_end: q.cueEnd,
    })),
    events: analysis.events.map((e, idx) => ({ article: id, idx, sentence: e.sentence, date: e.date, text: e.text })),
    tokens,
  };
}

/** The entries split, in order, into runs in which no id repeats: each run is written as one. */
function runsOfDistinctIds<T>(entries: readonly T[], idOf: (entry: T) => string): T[][] {
  const runs: T[][] = [];
  let ids = new Set<string>();
  for (const entry of entries) {
    const id = idOf(entry);
    if (runs.length === 0 || ids.has(id)) {
      runs.push([]);
      ids = new Set();
    }
    ids.add(id);
    runs[runs.length - 1]!.push(entry);
  }
  return runs;
}

/** The writer; `tokenizer` gives sentences the tokens SQLite's index would. */
export function createArticleWriter(tokenizer: Fts5Tokenizer): ArticleWriter {
  /** Articles with distinct ids, in one statement per table. */
  const putRun = async (client: pg.PoolClient, rows: readonly ArticleRows[]): Promise<void> => {
    const ids = rows.map((r) => r.article.id as string);
    await lockIds(client, ids);
    const before = await client.query<{ id: string; text_hash: string; status: string }>(
      'SELECT id, text_hash, status FROM articles WHERE id = ANY($1::text[]) FOR NO KEY UPDATE',
      [ids],
    );
    const old = new Map(before.rows.map((row) => [row.id, row]));
    const removed = old.size > 0 ? await clearChildren(client, [...old.keys()]) : { sentences: 0, tokens: 0, terms: new Map<string, number>() };
    await client.query(
      `INSERT INTO articles (id, path, root, hash, text_hash, status, duplicate_of, analysis_version,
         title, outlet, url, published, updated, byline,
         clean_title, title_made, clean_text, clean_byline, dateline_published, dateline_updated,
         sentence_count, quote_count, first_seen, changed_at, removed_at, blocks, set_aside, mentions)
       SELECT id, path, root, hash, text_hash, 'current', NULL, analysis_version,
         title, outlet, url, published, updated, byline,
         clean_title, title_made, clean_text, clean_byline, dateline_published, dateline_updated,
         sentence_count, quote_count, at, at, NULL, blocks, set_aside, mentions
       FROM jsonb_to_recordset($1::jsonb) AS a (id text, path text, root text, hash text, text_hash text, analysis_version int,
         title text, outlet text, url text, published text, updated text, byline text,
         clean_title text, title_made int, clean_text text, clean_byline text, dateline_published text, dateline_updated text,
         sentence_count int, quote_count int, at text, blocks text, set_aside text, mentions text)
       ${ON_CONFLICT_UPDATE}`,
      [JSON.stringify(rows.map((r) => r.article))],
    );
    // Ids in text order: FTS5 breaks ties between equal scores by rowid, and so do we.
    const sentences = rows.flatMap((r) => r.sentences).map((s, n) => ({ ...s, n }));
    if (sentences.length > 0) {
      await client.query(
        `INSERT INTO sentences (article, idx, block, kind, start_offset, end_offset, text, tokens, token_count)
         SELECT article, idx, block, kind, start_offset, end_offset, text, tokens::tsvector, token_count
         FROM jsonb_to_recordset($1::jsonb) AS s (article text, idx int, block int, kind text, start_offset int,
           end_offset int, text text, tokens text, token_count int, n int)
         ORDER BY n`,
        [JSON.stringify(sentences)],
      );
    }
    const entities = rows.flatMap((r) => r.entities);
    if (entities.length > 0) {
      await client.query(
        `INSERT INTO entities (article, key, name, kind, aliases, roles, named, name_keys)
         SELECT article, key, name, kind, aliases, roles, named, ARRAY(SELECT jsonb_array_elements_text(name_keys))
         FROM jsonb_to_recordset($1::jsonb) AS e (article text, key text, name text, kind text, aliases text, roles text, named int, name_keys jsonb)`,
        [JSON.stringify(entities)],
      );
    }
    const quotes = rows.flatMap((r) => r.quotes);
    if (quotes.length > 0) {
      await client.query(
        `INSERT INTO quotes (article, idx, text, start_offset, end_offset, sentence, kind, speaker, speaker_text, cue, cue_kind, cue_start, cue_end)
         SELECT article, idx, text, start_offset, end_offset, sentence, kind, speaker, speaker_text, cue, cue_kind, cue_start, cue_end
         FROM jsonb_to_recordset($1::jsonb) AS q (article text, idx int, text text, start_offset int, end_offset int, sentence int, kind text,
           speaker text, speaker_text text, cue text, cue_kind text, cue_start int, cue_end int)`,
        [JSON.stringify(quotes)],
      );
    }
    const events = rows.flatMap((r) => r.events);
    if (events.length > 0) {
      await client.query(
        `INSERT INTO events (article, idx, sentence, date, text)
         SELECT article, idx, sentence, date, text FROM jsonb_to_recordset($1::jsonb) AS e (article text, idx int, sentence int, date text, text text)`,
        [JSON.stringify(events)],
      );
    }
    const terms = removed.terms;
    let tokenCount = 0;
    for (const { tokens } of rows) {
      for (const list of tokens) {
        tokenCount += list.length;
        for (const term of new Set(list)) terms.set(term, (terms.get(term) ?? 0) + 1);
      }
    }
    await countTerms(client, terms);
    // As SQLite's triggers: a new text, changed text or stated facts, or an id served again takes
    // a number, in the order written.
    const newText = rows
      .map((r) => r.article)
      .filter((a) => {
        const was = old.get(a.id as string);
        return !was || was.text_hash !== a.text_hash || was.status !== 'current';
      })
      .map((a) => a.id as string);
    const last = await moveCounters(client, removed.sentences + sentences.length, removed.tokens + tokenCount, newText.length);
    if (newText.length > 0) {
      await client.query(
        `UPDATE articles a SET content_seq = $2 - n.count + n.ord
         FROM (SELECT id, ord, count(*) OVER () AS count FROM unnest($1::text[]) WITH ORDINALITY AS t (id, ord)) AS n
         WHERE a.id = n.id`,
        [newText, last],
      );
    }
  };

  return {
    async putMany(client, entries) {
      // Everything is read from the articles before the first write: a bad article changes nothing.
      const rows = runsOfDistinctIds(entries, (entry) => entry.article.id).map((run) => run.map((entry) => articleRows(entry, tokenizer)));
      for (const run of rows) await putRun(client, run);
    },

    async putDuplicates(client, entries) {
      for (const run of runsOfDistinctIds(entries, (entry) => entry.id)) {
        const ids = run.map((entry) => entry.id);
        await lockIds(client, ids);
        const before = await client.query<{ id: string }>('SELECT id FROM articles WHERE id = ANY($1::text[]) FOR NO KEY UPDATE', [ids]);
        const removed =
          before.rows.length > 0
            ? await clearChildren(
                client,
                before.rows.map((row) => row.id),
              )
            : { sentences: 0, tokens: 0, terms: new Map<string, number>() };
        await client.query(
          `INSERT INTO articles (id, path, root, hash, text_hash, status, duplicate_of, analysis_version,
             title, outlet, url, published, updated, byline,
             clean_title, title_made, clean_text, clean_byline, dateline_published, dateline_updated,
             sentence_count, quote_count, first_seen, changed_at, removed_at, blocks, set_aside, mentions)
           SELECT id, path, root, hash, text_hash, 'duplicate', duplicate_of, NULL,
             NULL, NULL, NULL, NULL, NULL, NULL,
             NULL, 0, NULL, NULL, NULL, NULL,
             0, 0, at, at, NULL, NULL, NULL, NULL
           FROM jsonb_to_recordset($1::jsonb) AS d (id text, path text, root text, hash text, text_hash text, duplicate_of text, at text)
           ${ON_CONFLICT_UPDATE}`,
          [
            JSON.stringify(
              run.map((entry) => ({
                id: entry.id,
                path: entry.path,
                root: entry.root,
                hash: entry.hash,
                text_hash: entry.textHash,
                duplicate_of: entry.duplicateOf,
                at: entry.at,
              })),
            ),
          ],
        );
        await countTerms(client, removed.terms);
        await moveCounters(client, removed.sentences, removed.tokens, 0);
      }
    },

    async markRemoved(client, ids, at) {
      if (ids.length === 0) return;
      await lockIds(client, ids);
      const removed = await clearChildren(client, ids);
      await client.query(
        `UPDATE articles SET status = 'removed', removed_at = $1,
           clean_text = NULL, blocks = NULL, set_aside = NULL, mentions = NULL, sentence_count = 0, quote_count = 0
         WHERE id = ANY($2::text[]) AND status <> 'removed'`,
        [at, ids],
      );
      await countTerms(client, removed.terms);
      await moveCounters(client, removed.sentences, removed.tokens, 0);
    },
  };
}
