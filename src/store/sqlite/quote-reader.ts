/**
 * Quotations with their speakers resolved to the story's canonical entities. A speaker not yet
 * linked (the article was written after the last linking) falls back to its article entity's
 * name, so a quote never loses its speaker between an article write and the relink after it.
 */
import type Database from 'better-sqlite3';
import type { CountedQuote, QuoteFilter, StoredQuote } from '../../core/ports/store.ts';
import { nameKey } from '../../core/name-key.ts';
import { toQuote, type QuoteRow } from './rows.ts';

interface ResolvedQuoteRow extends QuoteRow {
  speaker_name: string | null;
  speaker_id: string | null;
}

export type QuoteReader = (filter: QuoteFilter) => StoredQuote[];

/** Prepares the quote query once; `speaker` matches canonical names and aliases, folded. */
export function prepareQuoteReader(db: Database.Database): QuoteReader {
  // Whether an article entity goes by the folded name: its name's or an alias's nameKey. Folded
  // here rather than stored (migration 16): only speakers not yet linked are looked at this way.
  db.function('goes_by_name_key', { deterministic: true }, (name: unknown, aliases: unknown, key: unknown) =>
    typeof name === 'string' && typeof aliases === 'string' && [name, ...(JSON.parse(aliases) as string[])].some((n) => nameKey(n) === key) ? 1 : 0,
  );
  // Two statements, not `(@article IS NULL OR q.article = @article)`: SQLite cannot use the
  // article index through that OR, and one article's quotations would scan every quotation.
  const query = (articleClause: string) =>
    db.prepare(`
    SELECT q.*, COALESCE(se.name, e.name) AS speaker_name, se.id AS speaker_id
    FROM quote_texts q
    LEFT JOIN entities e ON e.article = q.article AND e.key = q.speaker
    LEFT JOIN entity_links l ON l.article = q.article AND l.entity_key = q.speaker
    LEFT JOIN story_entities se ON se.id = l.story_entity
    WHERE ${articleClause}
      AND (@speaker IS NULL
        OR EXISTS (SELECT 1 FROM story_entity_names n
                   WHERE n.story_entity = l.story_entity AND n.name_key = @speaker)
        OR (l.story_entity IS NULL
            AND goes_by_name_key(e.name, e.aliases, @speaker)))
    ORDER BY q.article, q.idx`);
  const everywhere = query('1');
  const inArticle = query('q.article = @article');
  const inArticles = query('q.article IN (SELECT value FROM json_each(@articles))');
  const unlinked = query('se.id IS NULL');
  // One story entity's quotations, from its links (index entity_links_by_story_entity) to
  // each article's quotations: the same rows `everywhere` gives with that speaker_id.
  const bySpeakerId = db.prepare(`
    SELECT q.*, se.name AS speaker_name, se.id AS speaker_id
    FROM entity_links l
    JOIN story_entities se ON se.id = l.story_entity
    JOIN quote_texts q ON q.article = l.article AND q.speaker = l.entity_key
    WHERE l.story_entity = @speakerId
    ORDER BY q.article, q.idx`);

  // A speaker's quotations by name, from the name's story entities through their links: the
  // rows `everywhere` gives for that name when every article entity is linked (no quotation's
  // speaker can then be found by its article entity's names instead).
  const linkedByName = db.prepare(`
    SELECT q.*, se.name AS speaker_name, se.id AS speaker_id
    FROM story_entity_names n
    JOIN entity_links l ON l.story_entity = n.story_entity
    JOIN story_entities se ON se.id = l.story_entity
    JOIN quote_texts q ON q.article = l.article AND q.speaker = l.entity_key
    WHERE n.name_key = @speaker
    ORDER BY q.article, q.idx`);
  const linkingStale = db.prepare('SELECT stale FROM story_link_state WHERE id = 1').pluck();

  const read = (filter: QuoteFilter): ResolvedQuoteRow[] => {
    const speaker = filter.speaker === undefined ? null : nameKey(filter.speaker);
    if (speaker !== null && !filter.unlinked && filter.article === undefined && filter.articles === undefined && linkingStale.get() === 0) {
      return linkedByName.all({ speaker }) as ResolvedQuoteRow[];
    }
    if (filter.unlinked) {
      const { unlinked: _, ...rest } = filter;
      if (rest.article === undefined && rest.articles === undefined) return unlinked.all({ speaker }) as ResolvedQuoteRow[];
      return read(rest).filter((row) => row.speaker_id === null);
    }
    if (filter.articles !== undefined) return inArticles.all({ articles: JSON.stringify(filter.articles), speaker }) as ResolvedQuoteRow[];
    return (filter.article === undefined ? everywhere.all({ speaker }) : inArticle.all({ article: filter.article, speaker })) as ResolvedQuoteRow[];
  };

  return (filter) => {
    let rows: ResolvedQuoteRow[];
    if (filter.speakerId !== undefined) {
      // Narrowed by the other fields afterwards: a speaker's quotations are few beside the story's.
      const { speakerId, ...rest } = filter;
      rows = bySpeakerId.all({ speakerId }) as ResolvedQuoteRow[];
      if (Object.keys(rest).length > 0) {
        const keep = new Set(read(rest).map((row) => `${row.article}#${row.idx}`));
        rows = rows.filter((row) => keep.has(`${row.article}#${row.idx}`));
      }
    } else rows = read(filter);
    return rows.map((row) => ({
      ...toQuote(row),
      article: row.article,
      speakerName: row.speaker_name,
      speakerId: row.speaker_id,
    }));
  };
}

/** One story entity's quotations' articles and texts, through its links: a fifth of the cost of whole rows. */
export function prepareQuoteTexts(db: Database.Database): (speakerId: string) => { article: string; text: string }[] {
  const texts = db.prepare(`SELECT q.article, q.text FROM entity_links l
    JOIN quote_texts q ON q.article = l.article AND q.speaker = l.entity_key
    WHERE l.story_entity = ?`);
  return (speakerId) => texts.all(speakerId) as { article: string; text: string }[];
}

/** One story entity's quotations as `quote` counts them, through its links, in article and quotation order. */
export function prepareQuotationsToCount(db: Database.Database): (speakerId: string) => CountedQuote[] {
  const rows = db.prepare(`SELECT q.article, q.idx AS "index", q.kind, q.text FROM entity_links l
    JOIN quote_texts q ON q.article = l.article AND q.speaker = l.entity_key
    WHERE l.story_entity = ?
    ORDER BY q.article, q.idx`);
  return (speakerId) => rows.all(speakerId) as CountedQuote[];
}
