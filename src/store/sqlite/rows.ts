/**
 * Rows as SQLite returns them, and their mapping back to the domain shapes. Column names
 * follow SQL (`start_offset`); the domain's follow TypeScript (`start`).
 */
import type { Block, BlockKind, CueKind, DatedEvent, Entity, EntityKind, Mention, Quote, Sentence, SetAside } from '../../core/article.ts';
import type { ArticleSummary, StoredArticle, StoryEntityRecord } from '../../core/ports/store.ts';

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
      blocks: JSON.parse(row.blocks) as Block[],
      setAside: JSON.parse(row.set_aside) as SetAside[],
      dateline: { published: row.dateline_published, updated: row.dateline_updated },
      byline: row.clean_byline,
    },
    analysis: {
      sentences: children.sentences.map(toSentence),
      entities: children.entities.map(toEntity),
      mentions: JSON.parse(row.mentions) as Mention[],
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
