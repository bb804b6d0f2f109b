/**
 * The pure pipeline from a raw article to everything the store keeps: clean, merge the
 * publication facts, analyse. Runs once per article, at ingest.
 */
import type { AnalysedArticle } from '../core/article.ts';
import { cleanArticle } from '../core/clean/index.ts';
import { analyseArticle } from '../core/analyse/index.ts';
import { mergeMeta } from './merge-meta.ts';
import type { SourceArticle } from './read-article.ts';

/** Raw article and its fingerprint → analysed article. Throwing marks the file skipped. */
export type Analyser = (raw: SourceArticle, hash: string) => AnalysedArticle;

/**
 * Cleans and analyses one article. Relative dates in the text resolve against the merged
 * publication date, so a dateline helps even when nothing was stated.
 *
 * @example analyseRawArticle({ id: 'a', path: 'a.txt', text: 'Title\n\n"Hi," she said.', meta: {}, firstLine: 1, encoding: 'utf-8' }, 'f00…')
 *   → { id: 'a', meta: { title: 'Title', … }, analysis: { quotes: [{ text: 'Hi,', … }], … } }
 */
export const analyseRawArticle: Analyser = (raw, hash) => {
  // Line numbers of set-aside lines name lines of the file, front matter included.
  const clean = cleanArticle(raw.text, { firstLine: raw.firstLine });
  const meta = mergeMeta(raw.meta, clean);
  const analysis = analyseArticle(clean, { published: meta.published });
  return { id: raw.id, path: raw.path, hash, meta, clean, analysis };
};
