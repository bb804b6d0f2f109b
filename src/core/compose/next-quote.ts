/**
 * "What did she say next?": the speaker's next quotation after the last one the conversation
 * showed: the next in the same article, else the next in another article (in date order),
 * else a plain "that was the last".
 */
import type { EntityRef, QuotedRef } from '../conversation/turns.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { StoredQuote } from '../ports/store.ts';
import { shownKey } from './answer-focus.ts';
import { CitationList } from './citations.ts';

const sentenceKey = (q: { article: string; sentence: number }) => `${q.article}#${q.sentence}`;

/**
 * The reply for "what did X say next?".
 * @example composeNextQuote(joanSmith, { speaker: joanSmith.id, article: 'uk/001', quote: 'Prices will rise' }, seen, view)
 *   → the first quotation of Joan Smith in uk/001 after that one, cited
 */
export async function composeNextQuote(speaker: EntityRef, from: QuotedRef | null, seen: readonly string[], view: StoryView): Promise<Reply> {
  // By the entity's links: the same quotations as filtering the list by name and id, without reading every quotation.
  const quotes = await view.quotesOf(speaker.id);
  const sentences = new Map(
    (await view.store.sentencesAt(quotes.map((q) => ({ article: q.article, sentence: q.sentence })))).map((hit) => [sentenceKey(hit), hit]),
  );
  const skip = new Set(seen);
  const unseen = (q: StoredQuote) => {
    const hit = sentences.get(sentenceKey(q));
    return hit !== undefined && !skip.has(shownKey(q.article, hit.text));
  };
  let next: StoredQuote | undefined;
  if (from) {
    const inArticle = quotes.filter((q) => q.article === from.article).sort((a, b) => a.index - b.index);
    const anchor = inArticle.find((q) => q.text === from.quote) ?? inArticle.find((q) => from.quote.includes(q.text) || q.text.includes(from.quote));
    if (anchor) next = inArticle.find((q) => q.index > anchor.index && q.sentence > anchor.sentence && unseen(q));
  }
  let elsewhere = false;
  if (!next) {
    const articles = await view.articles();
    const date = (article: string) => articles.get(article)?.meta.published ?? '\uffff';
    const others = quotes
      .filter((q) => q.article !== from?.article && unseen(q))
      .sort((a, b) => date(a.article).localeCompare(date(b.article)) || a.article.localeCompare(b.article) || a.index - b.index);
    // Later coverage first; an undated article's quotations have no "later", so any will do.
    const known = from ? (articles.get(from.article)?.meta.published ?? null) : null;
    next = (known ? others.find((q) => date(q.article) >= known) : undefined) ?? others[0];
    elsewhere = next !== undefined && from !== null;
  }
  const title = `${speaker.name}, next`;
  if (!next) {
    const notice =
      quotes.length === 0 ? `No quotations of ${speaker.name} are indexed.` : `That was the last quotation of ${speaker.name} in the indexed coverage.`;
    return { title, parts: [], citations: [], notice, data: { quotes: [], citations: [] } };
  }
  const sentence = sentences.get(sentenceKey(next))!;
  const citations = new CitationList(view);
  const cites = [await citations.add(sentence)];
  const parts: ReplyPart[] = [
    next.kind === 'full' ? { kind: 'quote', text: next.text, speaker: speaker.name, role: null, cites } : { kind: 'text', text: sentence.text, cites },
  ];
  return {
    title,
    parts,
    citations: citations.all(),
    ...(elsewhere ? { notice: `That was the last of ${speaker.name}’s quotations in that article; this one is from another.` } : {}),
    data: { quotes: [{ speaker: speaker.name, text: next.text, article: next.article, sentence: next.sentence }], citations: citations.json() },
  };
}
