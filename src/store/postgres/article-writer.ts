/**
 * Writes of one article's rows in PostgreSQL, each inside the caller's transaction. Every write
 * of an id first takes a transaction-scoped advisory lock on it, so two replicas writing the
 * same id queue instead of both reading "new". The full-text counters FTS5 keeps for BM25 (the
 * documents containing each stem, sentences, tokens) are kept here, in the same transaction:
 * stems in one statement in sorted order and the shared counters row last, so concurrent
 * writers take locks in one order.
 */
import type pg from 'pg';
import type { AnalysedArticle } from '../../core/article.ts';
import type { ArticleOrigin, DuplicateEntry } from '../../core/ports/store.ts';
import { nameKey } from '../../core/name-key.ts';
import { encodeBlocks, encodeMentions } from '../rows/article-json.ts';
import { tsvectorLiteral, type Fts5Tokenizer } from './fts5-tokens.ts';

/** Namespaces the advisory locks on article ids. */
const ARTICLE_LOCK = 716_017;

const CHILD_TABLES = ['sentences', 'entities', 'quotes', 'events', 'entity_links'] as const;

const UPSERT_ARTICLE = `
  INSERT INTO articles (id, path, root, hash, text_hash, status, duplicate_of, analysis_version,
    title, outlet, url, published, updated, byline,
    clean_title, title_made, clean_text, clean_byline, dateline_published, dateline_updated,
    sentence_count, quote_count, first_seen, changed_at, removed_at, blocks, set_aside, mentions)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
    $21, $22, $23, $23, NULL, $24, $25, $26)
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

/** Moves the shared counters last, and marks the story for a relink; returns the new content sequence when one was taken. */
async function moveCounters(client: pg.PoolClient, sentences: number, tokens: number, newText: boolean): Promise<number> {
  const { rows } = await client.query<{ last_seq: number }>(
    `UPDATE store_state SET sentences = sentences + $1, tokens = tokens + $2,
       last_seq = last_seq + $3, revision = revision + 1, linking_stale = TRUE WHERE id = 1 RETURNING last_seq`,
    [sentences, tokens, newText ? 1 : 0],
  );
  return rows[0]?.last_seq ?? 0;
}

/** Bumps the revision only: a write that serves something new without touching full text. */
export async function moveRevision(client: pg.PoolClient): Promise<void> {
  await moveCounters(client, 0, 0, false);
}

export interface ArticleWriter {
  put(client: pg.PoolClient, article: AnalysedArticle, origin: ArticleOrigin): Promise<void>;
  putDuplicate(client: pg.PoolClient, entry: DuplicateEntry): Promise<void>;
  markRemoved(client: pg.PoolClient, ids: readonly string[], at: string): Promise<void>;
}

/** The writer; `tokenizer` gives sentences the tokens SQLite's index would. */
export function createArticleWriter(tokenizer: Fts5Tokenizer): ArticleWriter {
  return {
    async put(client, article, origin) {
      const { id, meta, clean, analysis } = article;
      // Everything is read from the article before the first write: a bad article changes nothing.
      const tokens = tokenizer.tokenize(analysis.sentences.map((s) => s.text));
      const sentences = analysis.sentences.map((s, i) => ({
        n: i,
        idx: s.index,
        block: s.block,
        kind: s.kind,
        start_offset: s.start,
        end_offset: s.end,
        text: s.text,
        tokens: tsvectorLiteral(tokens[i] ?? []),
        token_count: tokens[i]?.length ?? 0,
      }));
      const entities = analysis.entities.map((e) => ({
        key: e.key,
        name: e.name,
        kind: e.kind,
        aliases: JSON.stringify(e.aliases),
        roles: JSON.stringify(e.roles),
        named: e.named ? 1 : 0,
        name_keys: [...new Set([e.name, ...e.aliases].map(nameKey))],
      }));
      const quotes = analysis.quotes.map((q) => ({
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
      }));
      const events = analysis.events.map((e, idx) => ({ idx, sentence: e.sentence, date: e.date, text: e.text }));
      const blocks = encodeBlocks(clean.blocks, clean.text);
      const setAside = JSON.stringify(clean.setAside);
      const mentions = encodeMentions(analysis.mentions, clean.text);

      await lockIds(client, [id]);
      const before = await client.query<{ text_hash: string; status: string }>('SELECT text_hash, status FROM articles WHERE id = $1 FOR NO KEY UPDATE', [id]);
      const old = before.rows[0];
      const removed = old ? await clearChildren(client, [id]) : { sentences: 0, tokens: 0, terms: new Map<string, number>() };
      await client.query(UPSERT_ARTICLE, [
        id,
        article.path,
        origin.root,
        article.hash,
        origin.textHash,
        'current',
        null,
        origin.analysisVersion,
        meta.title,
        meta.outlet,
        meta.url,
        meta.published,
        meta.updated,
        meta.byline,
        clean.title,
        clean.titleMade ? 1 : 0,
        clean.text,
        clean.byline,
        clean.dateline.published,
        clean.dateline.updated,
        analysis.sentences.length,
        analysis.quotes.length,
        origin.at,
        blocks,
        setAside,
        mentions,
      ]);
      // Ids in text order: FTS5 breaks ties between equal scores by rowid, and so do we.
      await client.query(
        `INSERT INTO sentences (article, idx, block, kind, start_offset, end_offset, text, tokens, token_count)
         SELECT $1, idx, block, kind, start_offset, end_offset, text, tokens::tsvector, token_count
         FROM jsonb_to_recordset($2::jsonb) AS s (idx int, block int, kind text, start_offset int,
           end_offset int, text text, tokens text, token_count int, n int)
         ORDER BY n`,
        [id, JSON.stringify(sentences)],
      );
      if (entities.length > 0) {
        await client.query(
          `INSERT INTO entities (article, key, name, kind, aliases, roles, named, name_keys)
           SELECT $1, key, name, kind, aliases, roles, named, ARRAY(SELECT jsonb_array_elements_text(name_keys))
           FROM jsonb_to_recordset($2::jsonb) AS e (key text, name text, kind text, aliases text, roles text, named int, name_keys jsonb)`,
          [id, JSON.stringify(entities)],
        );
      }
      if (quotes.length > 0) {
        await client.query(
          `INSERT INTO quotes (article, idx, text, start_offset, end_offset, sentence, kind, speaker, speaker_text, cue, cue_kind, cue_start, cue_end)
           SELECT $1, idx, text, start_offset, end_offset, sentence, kind, speaker, speaker_text, cue, cue_kind, cue_start, cue_end
           FROM jsonb_to_recordset($2::jsonb) AS q (idx int, text text, start_offset int, end_offset int, sentence int, kind text,
             speaker text, speaker_text text, cue text, cue_kind text, cue_start int, cue_end int)`,
          [id, JSON.stringify(quotes)],
        );
      }
      if (events.length > 0) {
        await client.query(
          `INSERT INTO events (article, idx, sentence, date, text)
           SELECT $1, idx, sentence, date, text FROM jsonb_to_recordset($2::jsonb) AS e (idx int, sentence int, date text, text text)`,
          [id, JSON.stringify(events)],
        );
      }
      const terms = removed.terms;
      for (const list of tokens) {
        for (const term of new Set(list)) terms.set(term, (terms.get(term) ?? 0) + 1);
      }
      await countTerms(client, terms);
      const tokenCount = tokens.reduce((sum, list) => sum + list.length, 0);
      // As SQLite's triggers: a new text, changed text or stated facts, or an id served again takes a number.
      const newText = !old || old.text_hash !== origin.textHash || old.status !== 'current';
      const seq = await moveCounters(client, removed.sentences + sentences.length, removed.tokens + tokenCount, newText);
      if (newText) await client.query('UPDATE articles SET content_seq = $2 WHERE id = $1', [id, seq]);
    },

    async putDuplicate(client, entry) {
      await lockIds(client, [entry.id]);
      const before = await client.query('SELECT 1 FROM articles WHERE id = $1 FOR NO KEY UPDATE', [entry.id]);
      const removed = before.rowCount ? await clearChildren(client, [entry.id]) : { sentences: 0, tokens: 0, terms: new Map<string, number>() };
      await client.query(UPSERT_ARTICLE, [
        entry.id,
        entry.path,
        entry.root,
        entry.hash,
        entry.textHash,
        'duplicate',
        entry.duplicateOf,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        0,
        null,
        null,
        null,
        null,
        0,
        0,
        entry.at,
        null,
        null,
        null,
      ]);
      await countTerms(client, removed.terms);
      await moveCounters(client, removed.sentences, removed.tokens, false);
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
      await moveCounters(client, removed.sentences, removed.tokens, false);
    },
  };
}
