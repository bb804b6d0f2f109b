/**
 * What the scorers compare with the gold, read back from a store the way users see it
 * (quotations with canonical speakers, titles, sentences, clean text), and the lines of the
 * labelled source files, read from the corpus itself.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Store } from '../../src/core/ports/store.ts';
import { decodeText } from '../../src/ingest/decode.ts';
import type { SystemQuote } from './score-quotes.ts';
import type { SourceLines, SystemArticle } from './score-structure.ts';

export interface SystemOutput {
  readonly quotes: readonly SystemQuote[];
  readonly articles: readonly SystemArticle[];
}

/** Reads every current article and quotation from `store`. */
export async function collectSystemOutput(store: Store): Promise<SystemOutput> {
  const stored = await store.listQuotes();
  const quotes = stored.map((q) => ({ article: q.article, text: q.text, speaker: q.speakerName }));
  const articles: SystemArticle[] = [];
  for (const summary of await store.listArticles()) {
    const article = await store.getArticle(summary.id);
    if (!article) continue;
    articles.push({
      id: article.id,
      title: article.meta.title,
      cleanText: article.clean.text,
      sentences: article.analysis.sentences.map((s) => s.text),
      quotes: article.analysis.quotes.map((q) => q.text),
    });
  }
  return { quotes, articles };
}

/** The lines of `corpusDir/<id>.txt` (or `.md`) for each id; an unreadable file has none. */
export async function readSourceLines(corpusDir: string, ids: readonly string[]): Promise<SourceLines> {
  const lines = new Map<string, readonly string[]>();
  for (const id of ids) {
    for (const extension of ['.txt', '.md']) {
      const bytes = await readFile(join(corpusDir, `${id}${extension}`)).catch(() => null);
      if (bytes) {
        lines.set(id, decodeText(bytes).text.split('\n'));
        break;
      }
    }
  }
  return lines;
}
