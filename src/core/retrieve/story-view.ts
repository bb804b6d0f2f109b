/**
 * What answering needs from the store, cached for as long as the store's revision holds:
 * the article list (for citations), the story's entities (for reading questions) and how
 * common each word is (for weighing it). A question then costs a search and a few lookups,
 * not a reread of the story.
 */
import type { ArticleSummary, SentenceHit, Store, StoredQuote } from '../ports/store.ts';
import type { Citation } from '../reply.ts';
import { BoundedCache } from './bounded-cache.ts';
import { buildEntityIndex, type EntityIndex } from './entity-index.ts';
import { EntityLookups, type QuestionEntities } from './question-entities.ts';
import { tokenize } from './terms.ts';

export interface StoryView {
  readonly store: Store;
  /**
   * Every current article by id: a whole-story read (some 100,000 rows at 100,000 articles).
   * What answers a question uses `summaries` instead.
   */
  articles(): Promise<ReadonlyMap<string, ArticleSummary>>;
  /** The newest `limit` current articles (as `Store.newestArticles` orders them), read by index. */
  newest(limit: number): Promise<readonly ArticleSummary[]>;
  /** These current articles by id (an id not current is left out), read by key and kept in a bounded cache. */
  summaries(ids: Iterable<string>): Promise<ReadonlyMap<string, ArticleSummary>>;
  /**
   * The index of every story entity: a whole-story read (some 100,000 entities at 100,000
   * articles). Reading a question uses `questionEntities` (through `readQuestion`) instead.
   */
  entities(): Promise<EntityIndex>;
  /** Lookups of the entities one question's words may name, read by key and cached between questions. */
  questionEntities(): Promise<QuestionEntities>;
  /** Sentences in the index, and a function giving how many contain a word or phrase. */
  frequencies(forms: readonly string[]): Promise<{ readonly sentences: number; readonly of: (form: string) => number }>;
  /**
   * Every quotation of the story, cached per revision. A whole-story read (some 500,000 rows
   * at 100,000 articles): what answers a question uses `quotesOf` and `quotesIn` instead.
   */
  quotes(): Promise<readonly StoredQuote[]>;
  /** One story entity's quotations, in article and quotation order, read by index. */
  quotesOf(speakerId: string): Promise<readonly StoredQuote[]>;
  /** The quotations of these articles, in article and quotation order, read by index. */
  quotesIn(articles: readonly string[]): Promise<readonly StoredQuote[]>;
  /** A citation of one sentence, with its article's publication facts. */
  cite(n: number, hit: Pick<SentenceHit, 'article' | 'sentence' | 'text'>): Promise<Citation>;
  /** Values derived from the story, computed once per revision. */
  memo<T>(key: string, compute: () => Promise<T>): Promise<T>;
}

/**
 * Quotations kept between questions, by speaker and by article: at most this many each (a
 * few megabytes), the least recently asked for dropped first, all dropped when the story changes.
 */
const CACHED_QUOTATIONS = 20_000;
/** Article summaries kept between questions (about a kilobyte each), the least recently used dropped first. */
const CACHED_SUMMARIES = 5_000;

/** Builds a view over a store; keep one per process and pass it to what answers. */
export function createStoryView(store: Store): StoryView {
  const bySpeaker = new BoundedCache<string, readonly StoredQuote[]>(CACHED_QUOTATIONS, (quotes) => quotes.length);
  const byArticle = new BoundedCache<string, readonly StoredQuote[]>(CACHED_QUOTATIONS, (quotes) => quotes.length);
  // null: the id is not a current article (asked for and not found).
  const lookups = new EntityLookups(store);
  const summaryOf = new BoundedCache<string, ArticleSummary | null>(CACHED_SUMMARIES, () => 1);
  let revision: string | null = null;
  let checkedAt = -1;
  let memos = new Map<string, Promise<unknown>>();
  let stemCounts = new Map<string, number>();
  let sentenceTotal = 0;

  // One revision check per tick: a reply that reads the view ten times asks the store once.
  const fresh = async (): Promise<void> => {
    const tick = performance.now();
    if (tick - checkedAt < 1 && revision !== null) return;
    checkedAt = tick;
    const now = await store.revision();
    if (now !== revision) {
      revision = now;
      memos = new Map();
      bySpeaker.clear();
      byArticle.clear();
      summaryOf.clear();
      lookups.clear();
      stemCounts = new Map();
      sentenceTotal = 0;
    }
  };

  const memo = async <T>(key: string, compute: () => Promise<T>): Promise<T> => {
    await fresh();
    let value = memos.get(key) as Promise<T> | undefined;
    if (!value) {
      value = compute();
      memos.set(key, value);
      value.catch(() => memos.delete(key));
    }
    return value;
  };

  const articles = () => memo('articles', async () => new Map((await store.listArticles()).map((article) => [article.id, article])));

  const summaries = async (ids: Iterable<string>): Promise<ReadonlyMap<string, ArticleSummary>> => {
    await fresh();
    const found = new Map<string, ArticleSummary>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const summary = summaryOf.get(id);
      if (summary) found.set(id, summary);
      else if (summary === undefined) missing.push(id);
    }
    if (missing.length > 0) {
      const read = new Map((await store.articleSummaries(missing)).map((summary) => [summary.id, summary]));
      for (const id of missing) {
        const summary = read.get(id) ?? null;
        summaryOf.set(id, summary);
        if (summary) found.set(id, summary);
      }
    }
    return found;
  };

  return {
    store,
    articles,
    newest: (limit) => memo(`newest:${limit}`, () => store.newestArticles(limit)),
    summaries,
    memo,
    entities: () => memo('entities', async () => buildEntityIndex(await store.storyEntities(), (await articles()).size)),
    async questionEntities() {
      await fresh();
      return lookups.session();
    },
    quotes: () => memo('quotes', () => store.listQuotes()),
    async quotesOf(speakerId) {
      await fresh();
      let quotes = bySpeaker.get(speakerId);
      if (!quotes) {
        quotes = await store.listQuotes({ speakerId });
        bySpeaker.set(speakerId, quotes);
      }
      return quotes;
    },
    async quotesIn(ids) {
      await fresh();
      const wanted = [...new Set(ids)].sort();
      const found = new Map<string, readonly StoredQuote[]>();
      for (const id of wanted) {
        const quotes = byArticle.get(id);
        if (quotes) found.set(id, quotes);
      }
      const missing = wanted.filter((id) => !found.has(id));
      if (missing.length > 0) {
        const read = new Map<string, StoredQuote[]>(missing.map((id) => [id, []]));
        for (const quote of await store.listQuotes({ articles: missing })) read.get(quote.article)?.push(quote);
        for (const [id, quotes] of read) {
          found.set(id, quotes);
          byArticle.set(id, quotes);
        }
      }
      // In article order (as the store gives them), each article's in quotation order.
      return wanted.flatMap((id) => found.get(id) ?? []);
    },
    async frequencies(forms) {
      await fresh();
      const stemsOf = new Map(forms.map((form) => [form, tokenize(form).map((token) => token.stem)]));
      const missing = [...new Set([...stemsOf.values()].flat())].filter((stem) => !stemCounts.has(stem));
      if (missing.length > 0 || sentenceTotal === 0) {
        const stats = await store.termStatistics(missing);
        sentenceTotal = stats.sentences;
        for (const [stem, count] of stats.documents) stemCounts.set(stem, count);
      }
      // A phrase is at most as common as its rarest word.
      const of = (form: string) => {
        const stems = stemsOf.get(form) ?? tokenize(form).map((token) => token.stem);
        return stems.length === 0 ? 0 : Math.min(...stems.map((stem) => stemCounts.get(stem) ?? 0));
      };
      return { sentences: sentenceTotal, of };
    },
    async cite(n, hit) {
      return citationOf(n, hit, (await summaries([hit.article])).get(hit.article));
    },
  };
}

/** A citation of one sentence with its article's publication facts (the id as its title when the article is unknown). */
export function citationOf(n: number, hit: Pick<SentenceHit, 'article' | 'sentence' | 'text'>, article: ArticleSummary | undefined): Citation {
  return {
    n,
    article: hit.article,
    outlet: article?.meta.outlet ?? null,
    title: article?.meta.title ?? hit.article,
    published: article?.meta.published ?? null,
    url: article?.meta.url ?? null,
    text: hit.text,
    sentence: hit.sentence,
  };
}

const views = new WeakMap<Store, StoryView>();

/** The view of a store, made once per store instance, so every command shares its caches. */
export function storyViewFor(store: Store): StoryView {
  let view = views.get(store);
  if (!view) {
    view = createStoryView(store);
    views.set(store, view);
  }
  return view;
}
