/**
 * The domain of a story index: what ingest reads, what cleaning keeps, what analysis finds.
 * Every stage is a pure function from one of these shapes to the next; only the store and
 * the adapters do I/O. All offsets are UTF-16 code-unit indices into `CleanArticle.text`.
 */

/** Publication facts about one article. `null` means "not known": never guessed. */
export interface ArticleMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  /** ISO 8601, as precise as the source says: '2019-05', '2018-12-27', '2014-01-14T02:11'. */
  readonly published: string | null;
  readonly updated: string | null;
  readonly byline: string | null;
}

/**
 * Facts stated about an article by its front matter or a `sources.json` beside it.
 * An absent key was not stated; a `null` value was stated as unknown.
 */
export type StatedMeta = Partial<ArticleMeta>;

/** One article file as read from disk: decoded text (front matter removed) and stated facts. */
export interface RawArticle {
  /** Path relative to the folder ingested, without extension: `000_027e…`, `politics/001`. */
  readonly id: string;
  /** Where it was read from, for messages. */
  readonly path: string;
  readonly text: string;
  readonly meta: StatedMeta;
}

export type BlockKind = 'standfirst' | 'paragraph' | 'heading';

/** A unit of article content: a standfirst, a body paragraph or a cross-head. */
export interface Block {
  readonly kind: BlockKind;
  readonly text: string;
  /** 1-based line in the source text where the block starts. */
  readonly line: number;
  readonly start: number;
  readonly end: number;
}

export type SetAsideReason =
  | 'caption'
  | 'credit'
  | 'newsletter'
  | 'related-links'
  | 'author-bio'
  | 'site-furniture'
  | 'share-prompt'
  | 'advert'
  | 'dateline'
  | 'byline'
  | 'other';

/** A line of the source that is not article content, kept to show what was dropped and why. */
export interface SetAside {
  readonly line: number;
  readonly text: string;
  readonly reason: SetAsideReason;
}

export interface CleanArticle {
  /** The headline, or a short title made from the text when the file has none (≤ 90 chars). */
  readonly title: string;
  readonly titleMade: boolean;
  /** The content blocks' text joined by blank lines ("\n\n"); every offset points into it. */
  readonly text: string;
  readonly blocks: readonly Block[];
  readonly setAside: readonly SetAside[];
  /** Dates read from datelines in the file itself (PUBLISHED: …, UPDATED: …). */
  readonly dateline: { readonly published: string | null; readonly updated: string | null };
  readonly byline: string | null;
}

export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Index into `CleanArticle.blocks`. */
  readonly block: number;
  readonly kind: BlockKind;
}

/** `group`: a collective speaker that is not an organisation ("US officials", "ministers"). */
export type EntityKind = 'person' | 'organisation' | 'place' | 'group';

/** A person, organisation, place or group as one article names it. */
export interface Entity {
  /** Unique within the article. */
  readonly key: string;
  /** The fullest name the article gives ("Joan Smith"); a role when it gives none. */
  readonly name: string;
  readonly kind: EntityKind;
  /** Every other way the article refers to it: "Ms Smith", "Smith", "the Defence Secretary". */
  readonly aliases: readonly string[];
  /** Roles the article gives it, lower-cased: "defence secretary", "chairman". */
  readonly roles: readonly string[];
  /** False when the article only ever names it by role ("the Defence Secretary"). */
  readonly named: boolean;
}

export interface Mention {
  readonly entity: string;
  readonly sentence: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** How the text ties a quotation to its speaker. */
export type CueKind =
  | 'explicit' //      "…," Ms Smith said. / said Smith / according to X / X: "…"
  | 'pronoun' //       "…," he said.  (he = the right person before)
  | 'role' //          the chairman said  (the person who holds the role)
  | 'organisation' //  the firm said in a statement
  | 'descriptor' //    a friend said, the commission says (an unnamed source, described)
  | 'statement' //     X issued the following statement: "…"
  | 'continuation' //  a following sentence or paragraph of the same speaker, with no cue
  | 'repeated' //      the same words quoted again with a speaker elsewhere in the article (a headline)
  | 'none'; //         no speaker found

export interface Quote {
  readonly index: number;
  /** The quotation without its marks. */
  readonly text: string;
  /** Span of `text` in the clean text (inside the marks). */
  readonly start: number;
  readonly end: number;
  /** Index of the sentence the quotation starts in. */
  readonly sentence: number;
  /** `full`: a quoted sentence or more; `partial`: a quoted phrase inside the reporter's sentence. */
  readonly kind: 'full' | 'partial';
  /** Entity key of the speaker, or null. */
  readonly speaker: string | null;
  /** The words that named the speaker where the cue is: "Ms Smith", "he", "the firm". */
  readonly speakerText: string | null;
  /** The cue verb or phrase as written: "said", "told", "according to", ":". */
  readonly cue: string | null;
  readonly cueKind: CueKind;
  /** Span of the cue in the clean text, when there is one. */
  readonly cueStart: number | null;
  readonly cueEnd: number | null;
}

/** A date the text states for something ("in 2005", "last month"), resolved against publication. */
export interface DatedEvent {
  readonly sentence: number;
  /** ISO 8601, as precise as the text: '2005', '2018-11', '2019-04-30'. */
  readonly date: string;
  /** The words that gave the date. */
  readonly text: string;
}

export interface Analysis {
  readonly sentences: readonly Sentence[];
  readonly entities: readonly Entity[];
  readonly mentions: readonly Mention[];
  readonly quotes: readonly Quote[];
  readonly events: readonly DatedEvent[];
}

/** Everything the store keeps about one article. */
export interface AnalysedArticle {
  readonly id: string;
  readonly path: string;
  /** Hash of the raw bytes and stated facts: unchanged input writes nothing. */
  readonly hash: string;
  /** Stated facts merged with what the text itself gave (title, dateline). */
  readonly meta: ArticleMeta;
  readonly clean: CleanArticle;
  readonly analysis: Analysis;
}
