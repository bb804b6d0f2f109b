/**
 * Rows as SQLite returns them, and their mapping back to the domain shapes. Column names
 * follow SQL (`start_offset`); the domain's follow TypeScript (`start`).
 */
import type { BlockKind, CueKind, DatedEvent, Entity, EntityKind, Quote, Sentence, SetAside } from '../../core/article.ts';
import type { ArticleEntities, ArticleSummary, Fingerprint, RoleHolderRecord, StoredArticle, StoryEntityRecord } from '../../core/ports/store.ts';
import { decodeBlocks, decodeMentions } from '../rows/article-json.ts';

export interface ArticleRow {
  id: string;
  path: string;
  title: string | null;
  outlet: string | null;
  url: string | null;
  published: string | null;
  updated: string | null;
  byline: string | null;
  title_made: number;
  clean_title: string | null;
  sentence_count: number;
  quote_count: number;
  first_seen: string;
  changed_at: string;
}

export interface FullArticleRow extends ArticleRow {
  analysis_version: number;
  clean_text: string;
  clean_byline: string | null;
  dateline_published: string | null;
  dateline_updated: string | null;
  blocks: string;
  set_aside: string;
  mentions: string;
}

export interface EntityRow {
  article: string;
  key: string;
  name: string;
  kind: string;
  aliases: string;
  roles: string;
  named: number;
}

export interface QuoteRow {
  article: string;
  idx: number;
  text: string;
  start_offset: number;
  end_offset: number;
  sentence: number;
  kind: string;
  speaker: string | null;
  speaker_text: string | null;
  cue: string | null;
  cue_kind: string;
  cue_start: number | null;
  cue_end: number | null;
}

export interface SentenceRow {
  idx: number;
  start_offset: number;
  end_offset: number;
  text: string;
  block: number;
  kind: string;
}

/** The columns of an article's fingerprint, as both engines store them. */
export const FINGERPRINT_COLUMNS = 'id, path, hash, text_hash, root, status, duplicate_of';

export interface FingerprintRow {
  id: string;
  path: string;
  hash: string;
  text_hash: string;
  root: string;
  status: Fingerprint['status'];
  duplicate_of: string | null;
}

export function toFingerprint(row: FingerprintRow): Fingerprint {
  return { id: row.id, hash: row.hash, textHash: row.text_hash, root: row.root, path: row.path, status: row.status, duplicateOf: row.duplicate_of };
}

export function toSummary(row: ArticleRow): ArticleSummary {
  return {
    id: row.id,
    path: row.path,
    meta: {
      title: row.title,
      outlet: row.outlet,
      url: row.url,
      published: row.published,
      updated: row.updated,
      byline: row.byline,
    },
    // Made from the text only if the title shown is that made one: a stated title wins.
    titleMade: row.title_made === 1 && row.title === row.clean_title,
    sentences: row.sentence_count,
    quotes: row.quote_count,
    firstSeen: row.first_seen,
    changedAt: row.changed_at,
  };
}

export function toSentence(row: SentenceRow): Sentence {
  return {
    index: row.idx,
    start: row.start_offset,
    end: row.end_offset,
    text: row.text,
    block: row.block,
    kind: row.kind as BlockKind,
  };
}

export function toEntity(row: EntityRow): Entity {
  return {
    key: row.key,
    name: row.name,
    kind: row.kind as EntityKind,
    aliases: JSON.parse(row.aliases) as string[],
    roles: JSON.parse(row.roles) as string[],
    named: row.named === 1,
  };
}

/**
 * `toEntity` for reading every article's entities at once (story linking): equal names, keys
 * and alias or role lists come back as one shared string or array, not one copy per row. The
 * same few thousand names recur across a story's articles, so at 100,000 articles this keeps
 * the list a fraction of its size. Arrays are shared: callers must not change them.
 */
export function entityReader(): (row: EntityRow) => Entity {
  const strings = new Map<string, string>();
  const lists = new Map<string, readonly string[]>();
  const string = (value: string): string => {
    const seen = strings.get(value);
    if (seen !== undefined) return seen;
    strings.set(value, value);
    return value;
  };
  const list = (json: string): readonly string[] => {
    let parsed = lists.get(json);
    if (parsed === undefined) {
      parsed = (JSON.parse(json) as string[]).map(string);
      lists.set(json, parsed);
    }
    return parsed;
  };
  return (row) => ({
    key: string(row.key),
    name: string(row.name),
    kind: row.kind as EntityKind,
    aliases: list(row.aliases),
    roles: list(row.roles),
    named: row.named === 1,
  });
}

/** Entity rows read for whole-story linking at a time: a few MB, whatever the story's size. */
export const ENTITY_CHUNK = 10_000;

/**
 * Current articles' entities grouped by article, from rows read a chunk at a time by
 * `readChunk` (rows after the given one, by article then key; none when there are no more),
 * one engine's query or the other's. No statement stays open between chunks.
 */
export async function* entitiesByArticle(readChunk: (after: EntityRow | null) => EntityRow[] | Promise<EntityRow[]>): AsyncGenerator<ArticleEntities> {
  const grouper = articleGrouper();
  for (let last: EntityRow | null = null; ; ) {
    const rows = await readChunk(last);
    if (rows.length === 0) break;
    yield* grouper.rows(rows);
    last = rows[rows.length - 1] ?? null;
  }
  yield* grouper.end();
}

/** `entitiesByArticle` for an engine that reads synchronously (SQLite), inside a transaction of its own. */
export function* entitiesByArticleNow(readChunk: (after: EntityRow | null) => EntityRow[]): Generator<ArticleEntities> {
  const grouper = articleGrouper();
  for (let last: EntityRow | null = null; ; ) {
    const rows = readChunk(last);
    if (rows.length === 0) break;
    yield* grouper.rows(rows);
    last = rows[rows.length - 1] ?? null;
  }
  yield* grouper.end();
}

/** Rows by article then key, chunk after chunk, as articles: each one yielded once its last row is past. */
function articleGrouper(): { rows(rows: readonly EntityRow[]): Generator<ArticleEntities>; end(): Generator<ArticleEntities> } {
  const read = entityReader();
  let article: string | null = null;
  let entities: Entity[] = [];
  return {
    *rows(rows) {
      for (const row of rows) {
        if (row.article !== article) {
          if (article !== null) yield { id: article, entities };
          article = row.article;
          entities = [];
        }
        entities.push(read(row));
      }
    },
    *end() {
      if (article !== null) yield { id: article, entities };
      article = null;
    },
  };
}

/** Maps a quotes row to the domain `Quote`. */
export function toQuote(row: QuoteRow): Quote {
  return {
    index: row.idx,
    text: row.text,
    start: row.start_offset,
    end: row.end_offset,
    sentence: row.sentence,
    kind: row.kind as Quote['kind'],
    speaker: row.speaker,
    speakerText: row.speaker_text,
    cue: row.cue,
    cueKind: row.cue_kind as CueKind,
    cueStart: row.cue_start,
    cueEnd: row.cue_end,
  };
}

/** An article's child rows, as each engine reads them in text order. */
export interface ArticleChildren {
  readonly sentences: readonly SentenceRow[];
  readonly entities: readonly EntityRow[];
  readonly quotes: readonly QuoteRow[];
  readonly events: readonly DatedEvent[];
}

/** A whole stored article from its row and child rows (both engines keep the same columns). */
export function toStoredArticle(row: FullArticleRow, children: ArticleChildren): StoredArticle {
  return {
    ...toSummary(row),
    analysisVersion: row.analysis_version,
    clean: {
      title: row.clean_title ?? '',
      titleMade: row.title_made === 1,
      text: row.clean_text,
      blocks: decodeBlocks(row.blocks, row.clean_text),
      setAside: JSON.parse(row.set_aside) as SetAside[],
      dateline: { published: row.dateline_published, updated: row.dateline_updated },
      byline: row.clean_byline,
    },
    analysis: {
      sentences: children.sentences.map(toSentence),
      entities: children.entities.map(toEntity),
      mentions: decodeMentions(row.mentions, row.clean_text),
      quotes: children.quotes.map(toQuote),
      events: [...children.events],
    },
  };
}

export interface StoryEntityRow {
  id: string;
  name: string;
  kind: string;
  aliases: string;
  roles: string;
  article_count: number;
  quote_count: number;
}

/** The order of the story's entities wherever they are listed (both engines): most quoted first; the id settles a tie. */
export const STORY_ENTITY_ORDER = 'quote_count DESC, article_count DESC, name, id';

/** Maps a story_entities row to the domain `StoryEntityRecord`. */
export function toStoryEntityRecord(row: StoryEntityRow): StoryEntityRecord {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as EntityKind,
    aliases: JSON.parse(row.aliases) as string[],
    roles: JSON.parse(row.roles) as string[],
    articleCount: row.article_count,
    quoteCount: row.quote_count,
  };
}

export interface RoleHolderRow {
  stem: string;
  id: string;
  roles: string;
  article_count: number;
  quote_count: number;
}

/** Maps a role holder's row (a person under a role stem) to the domain `RoleHolderRecord`. */
export function toRoleHolderRecord(row: RoleHolderRow): RoleHolderRecord {
  return {
    stem: row.stem,
    id: row.id,
    kind: 'person',
    roles: JSON.parse(row.roles) as string[],
    articleCount: row.article_count,
    quoteCount: row.quote_count,
  };
}

/** Where the members of story entities linked again are gathered, one engine's linker or the other's. */
export interface GatheredMembers {
  /** The articles being linked: their own entities are read apart, as they are now. */
  readonly changed: ReadonlySet<string>;
  /** Each member's story entity before, by article and entity key. */
  readonly linkedTo: Map<string, string>;
  readonly byArticle: Map<string, Entity[]>;
}

/** Adds a member's row to `into`; null for an entity of a changed article, which is not one. */
export function gatherMember(row: EntityRow & { readonly linked_to: string }, into: GatheredMembers): Entity | null {
  if (into.changed.has(row.article)) return null;
  const entity = toEntity(row);
  into.linkedTo.set(`${row.article}\u0000${row.key}`, row.linked_to);
  const list = into.byArticle.get(row.article);
  if (list) list.push(entity);
  else into.byArticle.set(row.article, [entity]);
  return entity;
}
