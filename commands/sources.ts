/**
 * `sources`: the indexed articles with their publication facts and how much analysis found.
 * Unknown facts are shown as unknown (null in JSON), never guessed.
 */
import { defineCommand } from '../src/core/define-command.ts';
import type { ArticleSummary } from '../src/core/ports/store.ts';

/** The `sources --json` contract: add fields freely, never rename these. */
export interface SourceJson {
  readonly id: string;
  readonly title: string | null;
  readonly outlet: string | null;
  readonly url: string | null;
  readonly published: string | null;
  readonly sentences: number;
  readonly quotes: number;
  readonly updated: string | null;
  readonly byline: string | null;
  /** True when the file had no headline and the title was made from its text. */
  readonly titleMade: boolean;
}

export const sources = defineCommand({
  name: 'sources',
  description: 'List the indexed articles: outlet, date and title, with sentence and quote counts',
  options: [],
  examples: ['sources'],
  surfaces: ['chat', 'cli'],
  async run(_options, { store }) {
    const articles = await store.listArticles();
    return {
      title: `${articles.length} article${articles.length === 1 ? '' : 's'} indexed`,
      parts: [{ kind: 'lines', lines: articles.map(describe) }],
      citations: [],
      ...(articles.length === 0 ? { notice: 'Nothing is indexed yet: run `briefbot ingest PATH`.' } : {}),
      data: { articles: articles.map(toJson) },
    };
  },
});

function toJson(article: ArticleSummary): SourceJson {
  const { meta } = article;
  return {
    id: article.id,
    title: meta.title,
    outlet: meta.outlet,
    url: meta.url,
    published: meta.published,
    sentences: article.sentences,
    quotes: article.quotes,
    updated: meta.updated,
    byline: meta.byline,
    titleMade: article.titleMade,
  };
}

function describe(article: ArticleSummary): string {
  const { meta } = article;
  const title = article.titleMade ? `${meta.title} (title made from the text)` : meta.title;
  return [
    `${article.id}: ${title ?? 'untitled'}`,
    `    ${meta.outlet ?? 'outlet unknown'}, ${meta.published ?? 'date unknown'}; ${article.sentences} sentences, ${article.quotes} quotes`,
    ...(meta.url ? [`    ${meta.url}`] : []),
  ].join('\n');
}
