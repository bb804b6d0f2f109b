/**
 * What a writer is given: the extractive reply's cited sentences as numbered passages, then more
 * retrieved sentences as material, and the stored quotations and sentences of every article
 * among them, against which quoted words are checked verbatim.
 */
import type { SourceText } from '../ports/writer.ts';
import type { Citation, Reply } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { Citable } from './citations.ts';

/** Passages the writer sees at most: enough for an answer or a brief, few enough to stay cheap. */
export const MAX_PASSAGES = 16;

export interface WriterMaterial {
  /** Numbered from 1: the extractive citations first, in their order, then the extra sentences. */
  readonly passages: readonly Citation[];
  readonly sources: readonly SourceText[];
}

const keyOf = (item: { readonly article: string; readonly text: string }): string => `${item.article}|${item.text}`;

/**
 * The passages and sources for writing from `extractive`, with `extra` sentences after its
 * own citations, none twice, at most `limit` in all.
 * @example
 *   await gatherPassages(answer, [{ article: 'a', sentence: 4, text: 'The deal was signed.' }], view)
 *   // { passages: [{ n: 1, … answer's first citation }, …, { n: 3, text: 'The deal was signed.' }], sources: [quotations and sentences of their articles] }
 */
export async function gatherPassages(extractive: Reply, extra: readonly Citable[], view: StoryView, limit: number = MAX_PASSAGES): Promise<WriterMaterial> {
  const passages: Citation[] = [];
  const seen = new Set<string>();
  const ordered = [...extractive.citations].sort((a, b) => a.n - b.n);
  // A citation stands for every sentence of its article the reply uses: one passage each.
  for (const citation of ordered) {
    for (const [i, text] of (citation.texts ?? [citation.text]).entries()) {
      if (passages.length >= limit) break;
      const passage: Citation = {
        n: passages.length + 1,
        article: citation.article,
        outlet: citation.outlet,
        title: citation.title,
        published: citation.published,
        url: citation.url,
        text,
      };
      if (seen.has(keyOf(passage))) continue;
      seen.add(keyOf(passage));
      passages.push(i === 0 && citation.sentence !== undefined ? { ...passage, sentence: citation.sentence } : passage);
    }
  }
  for (const item of extra) {
    if (passages.length >= limit) break;
    if (seen.has(keyOf(item))) continue;
    seen.add(keyOf(item));
    passages.push(await view.cite(passages.length + 1, item));
  }
  return { passages, sources: await sourcesOf(passages, view) };
}

/** The stored quotations (with speakers) and sentences of the passages' articles. */
async function sourcesOf(passages: readonly Citation[], view: StoryView): Promise<SourceText[]> {
  const articles = [...new Set(passages.map((p) => p.article))];
  const wanted = new Set(articles);
  const quotations: SourceText[] = (await view.quotes())
    .filter((quote) => wanted.has(quote.article))
    .map((quote) => ({ text: quote.text, speaker: quote.speakerName, article: quote.article }));
  const sentences: SourceText[] = [];
  for (const id of articles) {
    const article = await view.store.getArticle(id);
    for (const sentence of article?.analysis.sentences ?? []) sentences.push({ text: sentence.text, speaker: null, article: id });
  }
  return [...quotations, ...sentences];
}
