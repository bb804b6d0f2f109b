/**
 * Quotations on a topic: those whose words, or the reporter's sentence around them, cover
 * the topic's concepts (its words, their synonyms, the story's names for an entity), scored
 * as `ask` scores sentences. The full-text index finds the sentences; each sentence leads to
 * the quotations that start or run in it.
 */
import type { StoredQuote } from '../ports/store.ts';
import { planTerms, type QueryPlan } from '../retrieve/query.ts';
import { informativeConcepts, scoreCandidates, type Candidate } from '../retrieve/rank.ts';
import { readQuestion } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { StoryQuotes } from './story-quotes.ts';

/** A quotation must cover this share of the topic's weight. */
const MIN_RELEVANCE = 0.5;
const CANDIDATE_SENTENCES = 200;

export interface TopicQuote {
  readonly quote: StoredQuote;
  readonly score: number;
}

interface QuoteCandidate extends Candidate {
  readonly quote: StoredQuote;
}

export interface TopicResult {
  readonly plan: QueryPlan;
  /** Matching quotations, best first. */
  readonly quotes: readonly TopicQuote[];
}

/**
 * The quotations on a topic, best first.
 * `quotesOnTopic('no strike agreement', view, index)` → the chairman's offer to sign one, and
 * any other quotation (or its sentence) that speaks of prices agreements.
 */
export async function quotesOnTopic(topic: string, view: StoryView, index: StoryQuotes): Promise<TopicResult> {
  const plan = await readQuestion(topic, view);
  if (plan.concepts.length === 0) return { plan, quotes: [] };
  const terms = planTerms(plan);
  const hits = await view.store.searchSentences({ terms, limit: CANDIDATE_SENTENCES });
  const candidates = new Map<string, { quote: StoredQuote; texts: string[]; bm25: number }>();
  const byArticle = await index.quotesIn(hits.map((hit) => hit.article));
  for (const hit of hits) {
    for (const quote of byArticle.get(hit.article) ?? []) {
      // The quotation starts in this sentence, or runs on into it.
      const inside = quote.sentence === hit.sentence || (quote.sentence < hit.sentence && quote.end > hit.start);
      if (!inside) continue;
      const key = `${quote.article}#${quote.index}`;
      const seen = candidates.get(key);
      if (seen) {
        seen.texts.push(hit.text);
        seen.bm25 = Math.max(seen.bm25, hit.score);
      } else candidates.set(key, { quote, texts: [hit.text], bm25: hit.score });
    }
  }
  const pool: QuoteCandidate[] = [...candidates.values()].map(({ quote, texts, bm25 }) => ({
    article: quote.article,
    sentence: quote.sentence,
    text: [...texts, quote.text].join(' '),
    bm25,
    quote,
  }));
  const frequencies = await view.frequencies(terms);
  const needed = Math.min(2, informativeConcepts(plan, frequencies.sentences, frequencies.of));
  const scored = scoreCandidates(plan, pool, frequencies.sentences, frequencies.of).filter((s) => s.relevance >= MIN_RELEVANCE && s.informative >= needed);
  return { plan, quotes: scored.map((s) => ({ quote: s.candidate.quote, score: s.score })) };
}
