/**
 * Publication facts of an article: what was stated (front matter, then sources.json) wins;
 * what the text itself shows (its headline, dateline, byline) fills what was not stated.
 * Nothing is guessed: a fact neither stated nor in the text stays null.
 */
import type { ArticleMeta, CleanArticle, StatedMeta } from '../core/article.ts';

/**
 * The first stated value that is not null: front matter is written with the article, so
 * it is preferred to a list kept beside it.
 */
export function combineStated(frontMatter: StatedMeta, sourcesFile: StatedMeta): StatedMeta {
  const combined: Record<string, string | null> = { ...sourcesFile };
  for (const [key, value] of Object.entries(frontMatter)) {
    if (value !== undefined && (value !== null || !(key in combined))) combined[key] = value;
  }
  return combined as StatedMeta;
}

/**
 * A date from the text replaces a stated one only when it says the same day (or month) more
 * precisely; otherwise the stated date stands.
 *
 * @example refineDate('2014-01-14', '2014-01-14T02:11') === '2014-01-14T02:11'
 * @example refineDate('2014-01-14', '2014-02-01T09:00') === '2014-01-14'
 * @example refineDate(null, '2014-01-14T02:11') === '2014-01-14T02:11'
 */
export function refineDate(stated: string | null | undefined, fromText: string | null): string | null {
  if (!stated) return fromText;
  if (fromText && fromText.length > stated.length && fromText.startsWith(stated)) return fromText;
  return stated;
}

/**
 * The article's facts from stated ones and its cleaned text.
 *
 * @example mergeMeta({ published: '2014-01-14' }, clean with dateline 2014-01-14T02:11)
 *   → { published: '2014-01-14T02:11', title: clean.title, outlet: null, … }
 */
export function mergeMeta(stated: StatedMeta, clean: CleanArticle): ArticleMeta {
  return {
    title: stated.title ?? clean.title,
    outlet: stated.outlet ?? null,
    url: stated.url ?? null,
    published: refineDate(stated.published, clean.dateline.published),
    updated: refineDate(stated.updated, clean.dateline.updated),
    byline: stated.byline ?? clean.byline,
  };
}
