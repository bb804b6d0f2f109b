/**
 * A story view that sees only some articles: the brief composed over it is a brief of those
 * articles, so a digest reuses the brief's choice of points and its folding of outlets.
 * Citations still come from the whole story's facts; words are still weighed across the
 * whole story, so what is common in the story stays common in a digest.
 */
import type { ArticleSummary, SentenceQuery, Store } from '../ports/store.ts';
import type { StoryView } from '../retrieve/story-view.ts';

/**
 * The view of `base` restricted to `articles`.
 *
 * @example (await scopedStoryView(view, ['a', 'b']).articles()).size === 2 // when both are current
 */
export function scopedStoryView(base: StoryView, articles: readonly string[]): StoryView {
  const ids = new Set(articles);
  const scope = `digest:${ids.size}:${hashOf([...ids].sort().join('\n'))}:`;
  const searchSentences = (query: SentenceQuery) =>
    base.store.searchSentences({ ...query, articles: query.articles ? query.articles.filter((id) => ids.has(id)) : [...ids] });
  // A proxy rather than a copy: every other method of the store (an object or a class) is the base's own.
  const store = new Proxy(base.store, {
    get(target, property, receiver) {
      if (property === 'searchSentences') return searchSentences;
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as Store;
  const memo = <T>(key: string, compute: () => Promise<T>) => base.memo(`${scope}${key}`, compute);
  // Its own articles read by index, not picked from the whole story's list.
  const scopedArticles = () =>
    memo(
      'articles',
      async () => new Map((await base.store.articleSummaries([...ids])).map((article) => [article.id, article])) as ReadonlyMap<string, ArticleSummary>,
    );
  return {
    store,
    memo,
    articles: scopedArticles,
    newest: async (limit) => [...(await scopedArticles()).values()].sort(newestFirst).slice(0, limit),
    summaries: async (wanted) => new Map([...(await base.summaries(wanted))].filter(([id]) => ids.has(id))),
    entities: () => base.entities(),
    questionEntities: () => base.questionEntities(),
    frequencies: (forms) => base.frequencies(forms),
    // Read by the articles' index, not filtered from the whole story's quotations.
    quotes: () => base.quotesIn([...ids]),
    quotesOf: async (speakerId) => (await base.quotesOf(speakerId)).filter((quote) => ids.has(quote.article)),
    quotesIn: (articles) => base.quotesIn(articles.filter((id) => ids.has(id))),
    // Any article by its id (a quotation's earlier source may lie outside the scope), as the base reads it.
    cite: (n, hit) => base.cite(n, hit),
  };
}

/** `String.prototype.localeCompare` with its defaults, its collator made once rather than at every comparison. */
const collator = new Intl.Collator();

/** Latest published first (undated last), then latest first seen: `Store.newestArticles`'s order. */
function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  const da = a.meta.published ?? '';
  const db = b.meta.published ?? '';
  return da === db ? collator.compare(b.firstSeen, a.firstSeen) : collator.compare(db, da);
}

/** FNV-1a, 32 bits, hex: a short memo key for a set of ids. */
function hashOf(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16);
}
