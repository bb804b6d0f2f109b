/**
 * The Store port: what briefbot keeps and how it reads it back. Two engines implement it
 * (src/store/sqlite, the embedded default; src/store/postgres when DATABASE_URL is set, for
 * several replicas sharing one database), and one contract suite
 * (test/unit/store/contract.ts) checks both.
 *
 * An article id names one file of the story. Its row says where the file came from and what
 * its input was (a fingerprint), and its status: `current` (served), `duplicate` (the exact
 * text of another id: tracked so that re-ingest is a no-op, never served), or `removed` (its
 * file is gone: the facts are kept as a tombstone, the analysis is dropped, never served).
 * Only current articles have sentences, quotes and entities, so every read below serves
 * current articles only without having to say so.
 */
import type { AnalysedArticle, Analysis, ArticleMeta, BlockKind, CleanArticle, Entity, EntityKind, Quote } from '../article.ts';
import type { StoryEntities } from '../analyse/entity-linking.ts';
import type { LinkedStory } from '../analyse/story-passes.ts';
import type { AnswerStore } from './answer-store.ts';
import type { ConversationStore } from './conversation-store.ts';
import type { DigestStore } from './digest-store.ts';
import type { FeedStore } from './feed-store.ts';

export type ArticleStatus = 'current' | 'duplicate' | 'removed';

/** What ingest needs to decide, without reading any content, whether a file changed. */
export interface Fingerprint {
  readonly id: string;
  /** Raw bytes + stated facts + analysis version: equal means "nothing to do". */
  readonly hash: string;
  /** Decoded text + stated facts: equal under two ids means an exact duplicate. */
  readonly textHash: string;
  /** The folder (or single file) the article was ingested from, absolute. */
  readonly root: string;
  /** The file it was read from (absolute), or the address of a web article. */
  readonly path: string;
  readonly status: ArticleStatus;
  /** For a duplicate: the id whose text it repeats. */
  readonly duplicateOf: string | null;
}

/** Which fingerprints an ingest run reads: those of its files' ids and paths, and under its folders. */
export interface FingerprintQuery {
  readonly ids?: readonly string[];
  readonly paths?: readonly string[];
  /** Every fingerprint ingested from these folders (to see which files are gone). */
  readonly roots?: readonly string[];
}

/** Where an analysed article came from, beside what analysis made of it. */
export interface ArticleOrigin {
  readonly root: string;
  readonly textHash: string;
  readonly analysisVersion: number;
  /** ISO 8601 time of this write, from the caller's clock. */
  readonly at: string;
}

/** One article of a batch write, with where it came from. */
export interface ArticleWrite {
  readonly article: AnalysedArticle;
  readonly origin: ArticleOrigin;
}

/** An id whose text exactly repeats another's: recorded, indexed once (under `duplicateOf`). */
export interface DuplicateEntry {
  readonly id: string;
  readonly path: string;
  readonly root: string;
  readonly hash: string;
  readonly textHash: string;
  readonly duplicateOf: string;
  readonly at: string;
}

/** One current article as a list shows it. */
export interface ArticleSummary {
  readonly id: string;
  readonly path: string;
  readonly meta: ArticleMeta;
  /** True when the file had no headline and the title was made from the text. */
  readonly titleMade: boolean;
  readonly sentences: number;
  readonly quotes: number;
  /** When the id was first indexed, and when its content last changed (ISO 8601). */
  readonly firstSeen: string;
  readonly changedAt: string;
}

/** Everything kept about one current article. */
export interface StoredArticle extends ArticleSummary {
  readonly clean: CleanArticle;
  readonly analysis: Analysis;
  readonly analysisVersion: number;
}

/** A quotation with its speaker resolved to the story's canonical entity. */
export interface StoredQuote extends Quote {
  readonly article: string;
  /** The canonical name of the speaker across the story, or null when no speaker was found. */
  readonly speakerName: string | null;
  /** The story entity id of the speaker, or null. */
  readonly speakerId: string | null;
}

export interface QuoteFilter {
  /** A canonical name or any alias, compared case-insensitively: "smith", "Ms Smith". */
  readonly speaker?: string;
  readonly article?: string;
  /** Only these articles' quotations (read by the article index, however large the story). */
  readonly articles?: readonly string[];
  /** Only the quotations linked to this story entity (read through its links, not by scanning every quotation). */
  readonly speakerId?: string;
  /**
   * Only the quotations no story entity speaks (no speaker, or an article entity not linked yet):
   * with the quotations read by `speakerId`, every quotation of the story, each once.
   */
  readonly unlinked?: boolean;
}

/**
 * How often the story quotes one linked speaker, as `quote` counted it from the speaker's
 * quotations (grouping them is the bot's, so the store keeps what it was told).
 */
export interface QuoteSpeakerRecord {
  /** The story entity. */
  readonly speaker: string;
  readonly name: string;
  /** Distinct quotations, mentions (copies included) and articles quoting them. */
  readonly quotes: number;
  readonly mentions: number;
  readonly articles: number;
  /** Where the story first quotes them (article, then quotation number): ties in standing are ordered by it. */
  readonly first: string;
}

/** What counting a speaker's quotations reads of each (`quotationsToCount`). */
export type CountedQuote = Pick<StoredQuote, 'article' | 'index' | 'kind' | 'text'>;

/** A speaker whose quotations changed after it was last counted; `mark` tells one change from the next. */
export interface QuoteSpeakerChange {
  readonly speaker: string;
  readonly mark: number;
}

/** The speakers' counts as stored, and the speakers to count again. */
export interface QuoteSpeakerState {
  /** The grouping the counts were made with (`saveQuoteSpeakers`'s `version`); null before any. */
  readonly version: string | null;
  readonly speakers: readonly QuoteSpeakerRecord[];
  /**
   * Story entities whose quotations, links or name changed since they were counted, marked by
   * the store in the transaction that changed them.
   */
  readonly changed: readonly QuoteSpeakerChange[];
}

/** Counts to keep: `speakers` replace those rows, `removed` speak no more, `counted` are the changes they account for. */
export interface QuoteSpeakerUpdate {
  readonly version: string;
  /** Every speaker is in `speakers`: the rows not there are dropped. */
  readonly complete: boolean;
  readonly speakers: readonly QuoteSpeakerRecord[];
  readonly removed: readonly string[];
  /** Cleared only if not marked again since (a write that raced the count keeps its mark). */
  readonly counted: readonly QuoteSpeakerChange[];
}

/** A canonical person, organisation, place or group across the story, as stored. */
export interface StoryEntityRecord {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly aliases: readonly string[];
  readonly roles: readonly string[];
  /** How many current articles name it, and how many quotations it speaks. */
  readonly articleCount: number;
  readonly quoteCount: number;
}

/** A person under a role stem, as `Store.roleHolders` reads it: enough to match the role and order the holders. */
export interface RoleHolderRecord {
  /** The role stem it was read under. */
  readonly stem: string;
  readonly id: string;
  readonly kind: 'person';
  readonly roles: readonly string[];
  readonly articleCount: number;
  readonly quoteCount: number;
}

export interface SentenceQuery {
  /**
   * Plain words or phrases as the user typed them. Each is matched as a literal FTS5 string
   * (never as query syntax): `"4G"`, `AND`, `NEAR(` are just text.
   */
  readonly terms: readonly string[];
  /** `any` (default): a sentence matching one term counts; `all`: it must match every term. */
  readonly match?: 'any' | 'all';
  /** Restrict to these articles. */
  readonly articles?: readonly string[];
  /**
   * Restrict to the sentences that hold a quotation this story entity speaks (through its
   * links): "what did X say about Y" ranks X's words by Y without reading all of them.
   */
  readonly speakerId?: string;
  /** At most this many hits (default 20). */
  readonly limit?: number;
}

export interface SentenceHit {
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Headings are indexed too, so a caller can choose whether to cite them. */
  readonly kind: BlockKind;
  /** BM25 relevance, higher is better (FTS5's rank negated). */
  readonly score: number;
}

/** The entities of one current article, as analysis found them: the input of story linking. */
export interface ArticleEntities {
  readonly id: string;
  readonly entities: readonly Entity[];
}

export interface SentenceRef {
  readonly article: string;
  readonly sentence: number;
}

/** How common terms are in the sentence index. */
export interface TermStatistics {
  /** Sentences in the index. */
  readonly sentences: number;
  /** For each stem asked about, how many indexed sentences contain it (0 when none). */
  readonly documents: ReadonlyMap<string, number>;
}

/**
 * A current article whose content arrived or changed at `sequence`: the store numbers each
 * new text (a new id, a changed text or stated facts, an id served again) in commit order,
 * across processes, so "indexed since the last digest" is "sequence above its watermark".
 * Re-analysing unchanged text takes no new number.
 */
export interface ArticleChange {
  readonly id: string;
  readonly sequence: number;
}

/** How a write of articles treats the story's entities. */
export interface WriteOptions {
  /**
   * Link the written articles into the story in the same transaction, updating only the story
   * entities they can affect (see src/store/sqlite/incremental-linking.ts, and its PostgreSQL
   * port beside it). Without it (or when the change reaches too far), the write makes
   * `needsLinking()` true until the story is saved whole.
   */
  readonly link?: boolean;
}

export interface Store {
  /** Every id the store has ever indexed, with its status: the input of incremental ingest. */
  fingerprints(): Promise<ReadonlyMap<string, Fingerprint>>;
  /** The fingerprints a query names, by id, read by index: what one ingest run needs. */
  fingerprintsOf(query: FingerprintQuery): Promise<ReadonlyMap<string, Fingerprint>>;
  /** The current article whose text has this text hash (an exact copy's original), or null. */
  currentWithText(textHash: string): Promise<string | null>;
  /** Writes one article and all its analysis in one transaction, replacing what the id had. */
  putArticle(article: AnalysedArticle, origin: ArticleOrigin, options?: WriteOptions): Promise<void>;
  /**
   * Writes several articles in one transaction, as `putArticle` would one after another (in
   * order: a later entry for an id replaces an earlier one), all or none: a bulk ingest pays one
   * commit, and on PostgreSQL a few statements, for the lot instead of for each.
   */
  putArticles(entries: readonly ArticleWrite[], options?: WriteOptions): Promise<void>;
  /** Records an exact duplicate, dropping any analysis the id had. One transaction. */
  putDuplicate(entry: DuplicateEntry, options?: WriteOptions): Promise<void>;
  /** Records exact copies in one transaction, as `putDuplicate` of each in turn would. */
  putDuplicates(entries: readonly DuplicateEntry[], options?: WriteOptions): Promise<void>;
  /** Marks ids removed: their analysis is dropped, their facts kept, never served again. */
  markRemoved(ids: readonly string[], at: string, options?: WriteOptions): Promise<void>;

  countArticles(): Promise<number>;
  /** Current articles, by id. */
  listArticles(): Promise<readonly ArticleSummary[]>;
  /** These of the current articles, by id, read by index (unknown ids left out). */
  articleSummaries(ids: readonly string[]): Promise<readonly ArticleSummary[]>;
  /**
   * The newest `limit` current articles, read by index: latest published first (undated last),
   * then latest first seen, then by id, as `listArticles()` sorted so would give them.
   */
  newestArticles(limit: number): Promise<readonly ArticleSummary[]>;
  /** A current article with its clean text and analysis, or null. */
  getArticle(id: string): Promise<StoredArticle | null>;
  /** Current articles' entities, for story linking. */
  listArticleEntities(): Promise<readonly ArticleEntities[]>;
  /**
   * The same, article by article (by id; each one's entities by key), read a bounded chunk at a
   * time: linking the whole story never holds every article's entities as it reads them.
   * An article that names nobody is left out.
   */
  eachArticleEntities(): AsyncIterable<ArticleEntities>;

  /** Quotations of current articles in article and text order, speakers by canonical name. */
  listQuotes(filter?: QuoteFilter): Promise<readonly StoredQuote[]>;
  /**
   * One story entity's quotations as their articles and texts only, read through its links, in
   * no set order: what comparing a quotation with everything its speaker said needs.
   */
  quoteTextsOf(speakerId: string): Promise<readonly { readonly article: string; readonly text: string }[]>;
  /**
   * One story entity's quotations as `quote` counts them (through its links): each one's
   * article, number, kind and text, in article and quotation order. A fifth of whole rows' cost.
   */
  quotationsToCount(speakerId: string): Promise<readonly CountedQuote[]>;
  /** Replaces the story's canonical entities and the links of article entities to them. */
  saveStoryEntities(story: StoryEntities): Promise<void>;
  /**
   * The same for a story whose links are a rule (`storyLinkerInPasses`): the store reads every
   * current article's entities again, a chunk at a time, and writes each one's links by
   * `story.linkOf` as it goes, so that the story's links are never all held at once.
   */
  saveLinkedStory(story: LinkedStory): Promise<void>;
  /** The story's canonical entities, most quoted first. */
  storyEntities(): Promise<readonly StoryEntityRecord[]>;
  /** The story entities that speak some quotation (`quoteCount` above 0), in `storyEntities()` order. */
  quotedEntities(): Promise<readonly StoryEntityRecord[]>;
  /** Each linked speaker's counts as `quote` last stored them, and the speakers changed since. */
  quoteSpeakers(): Promise<QuoteSpeakerState>;
  /**
   * Stores speakers' counts. Not a change of what the store serves: `revision()` stays, since
   * the counts follow from the quotations already there.
   */
  saveQuoteSpeakers(update: QuoteSpeakerUpdate): Promise<void>;
  /**
   * The story entities found under any of these keys, in `storyEntities()` order: `names` are
   * name keys (`nameKey`) of a name or alias, `roleStems` stems of a role's words (see
   * `lookupKeysOf`). Read by index: a question reads the entities it may name, not all of them.
   */
  storyEntitiesByKey(keys: {
    readonly names?: readonly string[];
    readonly roleStems?: readonly string[];
    /** Story entity ids: unknown ones are left out. */
    readonly ids?: readonly string[];
  }): Promise<readonly StoryEntityRecord[]>;
  /**
   * The people holding a role with one of these stems (`story_entity_roles`), one record per
   * stem and holder, by stem and then in `storyEntities()` order: the holder's id, roles and
   * counts, not its names or aliases. What reading a role needs before it knows who fits.
   */
  roleHolders(roleStems: readonly string[]): Promise<readonly RoleHolderRecord[]>;
  /**
   * The highest prominence (3 × articles + quotations) among the story's entities of a kind, and
   * those of them named in at least `minArticles` current articles, in `storyEntities()` order.
   */
  prominentEntities(kind: EntityKind, minArticles: number): Promise<{ readonly top: number; readonly entities: readonly StoryEntityRecord[] }>;
  /**
   * True when some current article's entity is not linked to the story, or an article was
   * written or removed without linking (`WriteOptions.link`) since the story was last saved
   * whole: a run stopped between writing articles and relinking them, so the next run must relink.
   */
  needsLinking(): Promise<boolean>;

  /** Full-text search over current sentences, best first. */
  searchSentences(query: SentenceQuery): Promise<readonly SentenceHit[]>;
  /** Current sentences by article and index, in the order asked; unknown ones are left out. */
  sentencesAt(refs: readonly SentenceRef[]): Promise<readonly SentenceHit[]>;
  /** How many indexed sentences contain each stem (Porter stems, lower-case). */
  termStatistics(stems: readonly string[]): Promise<TermStatistics>;
  /**
   * Changes whenever what the store serves may have changed (an article written or removed,
   * entities relinked), in this process or another: readers cache derived views under it.
   */
  revision(): Promise<string>;

  /** The highest content sequence given so far (0 when nothing was indexed). */
  contentSequence(): Promise<number>;
  /** Current articles whose content arrived after `after`, up to and including `upTo`, by sequence. */
  articleChanges(after: number, upTo: number): Promise<readonly ArticleChange[]>;
  /** Digest subscriptions and the runs that post them (see digest-store.ts). */
  readonly digests: DigestStore;
  /** Followed feeds and pages, their claimed polls and the items seen (see feed-store.ts). */
  readonly feeds: FeedStore;
  /** Conversations' recent turns and the platform messages that belong to them (see conversation-store.ts). */
  readonly conversations: ConversationStore;
  /** Answers posted on chat platforms, for paging and feedback, and the votes on them (see answer-store.ts). */
  readonly answers: AnswerStore;

  close(): Promise<void>;
}
