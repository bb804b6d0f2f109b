/**
 * Quotations with their speakers resolved to the story's canonical entities, in PostgreSQL: the
 * SQLite engine's queries (sqlite/quote-reader.ts), with a speaker not yet linked falling back
 * to its article entity's name.
 */
import type { CountedQuote, QuoteFilter, StoredQuote } from '../../core/ports/store.ts';
import { nameKey } from '../../core/name-key.ts';
import { toQuote, type QuoteRow } from '../sqlite/rows.ts';
import type { Queryable } from './transaction.ts';

interface ResolvedQuoteRow extends QuoteRow {
  speaker_name: string | null;
  speaker_id: string | null;
}

const RESOLVED = `
  SELECT q.*, COALESCE(se.name, e.name) AS speaker_name, se.id AS speaker_id
  FROM quotes q
  LEFT JOIN entities e ON e.article = q.article AND e.key = q.speaker
  LEFT JOIN entity_links l ON l.article = q.article AND l.entity_key = q.speaker
  LEFT JOIN story_entities se ON se.id = l.story_entity
  WHERE ($1::text IS NULL
      OR EXISTS (SELECT 1 FROM story_entity_names n WHERE n.story_entity = l.story_entity AND n.name_key = $1::text)
      OR (l.story_entity IS NULL AND $1::text = ANY(e.name_keys)))
    AND ($2::text IS NULL OR q.article = $2::text)
    AND ($3::text[] IS NULL OR q.article = ANY($3::text[]))
    AND (NOT $4::boolean OR se.id IS NULL)
  ORDER BY q.article, q.idx`;

const BY_SPEAKER_ID = `
  SELECT q.*, se.name AS speaker_name, se.id AS speaker_id
  FROM entity_links l
  JOIN story_entities se ON se.id = l.story_entity
  JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
  WHERE l.story_entity = $1
  ORDER BY q.article, q.idx`;

// A speaker's quotations by name, from the name's story entities through their links: the rows
// RESOLVED gives for that name when every article entity is linked (no quotation's speaker can
// then be found by its article entity's names instead). RESOLVED reads every quotation in the
// story for it: at 100k, 485k rows joined to find a few hundred.
const LINKED_BY_NAME = `
  SELECT q.*, se.name AS speaker_name, se.id AS speaker_id
  FROM story_entity_names n
  JOIN entity_links l ON l.story_entity = n.story_entity
  JOIN story_entities se ON se.id = l.story_entity
  JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
  WHERE n.name_key = $1
  ORDER BY q.article, q.idx`;

export type QuoteReader = (filter: QuoteFilter) => Promise<StoredQuote[]>;

export function createQuoteReader(db: Queryable): QuoteReader {
  const read = async (filter: QuoteFilter): Promise<ResolvedQuoteRow[]> => {
    const speaker = filter.speaker === undefined ? null : nameKey(filter.speaker);
    if (speaker !== null && !filter.unlinked && filter.article === undefined && filter.articles === undefined && !(await linkingStale(db))) {
      return (await db.query<ResolvedQuoteRow>(LINKED_BY_NAME, [speaker])).rows;
    }
    const { rows } = await db.query<ResolvedQuoteRow>(RESOLVED, [speaker, filter.article ?? null, filter.articles ?? null, filter.unlinked === true]);
    return rows;
  };
  return async (filter) => {
    let rows: ResolvedQuoteRow[];
    if (filter.speakerId !== undefined) {
      const { speakerId, ...rest } = filter;
      rows = (await db.query<ResolvedQuoteRow>(BY_SPEAKER_ID, [speakerId])).rows;
      if (Object.keys(rest).length > 0) {
        const keep = new Set((await read(rest)).map((row) => `${row.article}#${row.idx}`));
        rows = rows.filter((row) => keep.has(`${row.article}#${row.idx}`));
      }
    } else rows = await read(filter);
    return rows.map((row) => ({ ...toQuote(row), article: row.article, speakerName: row.speaker_name, speakerId: row.speaker_id }));
  };
}

/** Whether some article was written without linking (the flag `needsLinking` reads). */
async function linkingStale(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ stale: boolean }>('SELECT linking_stale AS stale FROM store_state WHERE id = 1');
  return rows[0]?.stale !== false;
}

/** One story entity's quotations' articles and texts, through its links, as SQLite's `prepareQuoteTexts`. */
export async function quoteTextsOf(db: Queryable, speakerId: string): Promise<{ article: string; text: string }[]> {
  const { rows } = await db.query<{ article: string; text: string }>(
    `SELECT q.article, q.text FROM entity_links l
     JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
     WHERE l.story_entity = $1`,
    [speakerId],
  );
  return rows;
}

/** One story entity's quotations as `quote` counts them, through its links, as SQLite's `prepareQuotationsToCount`. */
export async function quotationsToCount(db: Queryable, speakerId: string): Promise<CountedQuote[]> {
  const { rows } = await db.query<CountedQuote>(
    `SELECT q.article, q.idx AS "index", q.kind, q.text FROM entity_links l
     JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
     WHERE l.story_entity = $1
     ORDER BY q.article, q.idx`,
    [speakerId],
  );
  return rows;
}
