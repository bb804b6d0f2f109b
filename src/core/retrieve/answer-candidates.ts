/**
 * The sentences that may answer a question, scored: BM25 over sentences gives the first
 * candidates (always, whatever else finds nothing); the articles that cover most of the
 * question, and those of the best BM25 hits, are then read whole, so every sentence is scored
 * with its neighbours and its article as context.
 */
import type { StoredQuote } from '../ports/store.ts';
import { planTerms, searchTerms, type Concept, type QueryPlan } from './query.ts';
import { informativeConcepts, RANK_TUNING, rankArticles, scoreCandidates, type Candidate, type RankTuning, type Scored } from './rank.ts';
import type { StoryView } from './story-view.ts';

export interface AnswerCandidate extends Candidate {
  /** The quotation of the asked-about speaker this sentence carries, if any. */
  readonly quote?: StoredQuote;
}

const CANDIDATES = 150;
/** Articles whose every sentence is read, so a sentence's article can count for it. */
const CONTEXT_ARTICLES = 6;
/** The articles of this many of the best BM25 hits are read whole too. */
const BM25_ARTICLES = 2;

/**
 * Candidates from the index (and the speaker's quotations), scored against the plan, and how
 * many informative concepts an answer must contain (two when the question has two: a sentence
 * that shares only "France" with "What is the capital of France?" does not answer it).
 *
 * BM25 over sentences gives the first candidates; the articles they come from are ranked by
 * how much of the question they cover, and every sentence of the best few is scored too, with
 * its article as context: the answer is often a sentence that names only the fact asked for.
 */
export async function rankSentences(
  plan: QueryPlan,
  view: StoryView,
  tuning: RankTuning = RANK_TUNING,
): Promise<{ ranked: Scored<AnswerCandidate>[]; needed: number }> {
  const frequencies = await view.frequencies(planTerms(plan));
  const hits = await view.store.searchSentences({ terms: searchTerms(plan, frequencies.sentences, frequencies.of), limit: CANDIDATES });
  const candidates = new Map<string, AnswerCandidate>();
  for (const hit of hits) {
    if (hit.kind === 'heading') continue;
    candidates.set(`${hit.article}#${hit.sentence}`, { article: hit.article, sentence: hit.sentence, text: hit.text, bm25: hit.score });
  }
  const speaker = plan.speaker;
  const spoken = speaker ? await view.quotesOf(speaker.id) : [];
  if (spoken.length > 0) {
    // The first of the speaker's quotations in each sentence, indexed once: a speaker with
    // 50,000 quotations costs 50,000 lookups, not 50,000 scans of them all.
    const quoteAt = new Map<string, StoredQuote>();
    for (const quote of spoken) {
      const key = `${quote.article}#${quote.sentence}`;
      if (!quoteAt.has(key)) quoteAt.set(key, quote);
    }
    const sentences = await view.store.sentencesAt(spoken.map((quote) => ({ article: quote.article, sentence: quote.sentence })));
    sentences.forEach((sentence) => {
      const key = `${sentence.article}#${sentence.sentence}`;
      const quote = quoteAt.get(key);
      const existing = candidates.get(key);
      candidates.set(key, {
        article: sentence.article,
        sentence: sentence.sentence,
        text: sentence.text,
        bm25: existing?.bm25 ?? 0,
        ...(quote ? { quote } : {}),
      });
    });
  }
  // Only the articles of the candidates (and of the best hits, a heading among them) are ever asked about.
  const articles = await view.summaries([...[...candidates.values()].map((candidate) => candidate.article), ...hits.map((hit) => hit.article)]);
  // The headline and the publication date are part of what an article says.
  const about = (article: string) => {
    const meta = articles.get(article)?.meta;
    return meta ? `${meta.title ?? ''} ${dateWords(meta.published)}` : undefined;
  };

  // The articles that cover most of the question, and those of the best BM25 hits (a very rare
  // name may be in one sentence only), read whole.
  const covering = rankArticles(plan, [...candidates.values()], frequencies.sentences, frequencies.of, { about }).slice(0, CONTEXT_ARTICLES);
  const shortlist = [...new Set([...covering, ...hits.slice(0, BM25_ARTICLES).map((hit) => hit.article)])];
  const refs = shortlist.flatMap((article) =>
    Array.from({ length: articles.get(article)?.sentences ?? 0 }, (_, sentence) => ({ article, sentence })).filter(
      (ref) => !candidates.has(`${ref.article}#${ref.sentence}`),
    ),
  );
  for (const sentence of await view.store.sentencesAt(refs)) {
    if (sentence.kind === 'heading') continue;
    candidates.set(`${sentence.article}#${sentence.sentence}`, { article: sentence.article, sentence: sentence.sentence, text: sentence.text, bm25: 0 });
  }
  // A quotation carries its speaker: "the head of the federation feared…" is answered by her words.
  const speakers = await quoteSpeakers(view, candidates.values());
  const carries = (candidate: AnswerCandidate, concept: Concept) =>
    (concept.entityIds ?? []).some((id) => speakers.get(`${candidate.article}#${candidate.sentence}`)?.has(id) ?? false);
  const ranked = scoreCandidates(plan, [...candidates.values()], frequencies.sentences, frequencies.of, carries, { context: { about }, tuning });
  return { ranked, needed: Math.min(2, informativeConcepts(plan, frequencies.sentences, frequencies.of)) };
}

/**
 * Who speaks in each sentence of the candidates' articles that holds a quotation, by
 * `article#sentence`: read for those articles only, so a question costs its candidates, not
 * the story's every quotation.
 */
async function quoteSpeakers(view: StoryView, candidates: Iterable<AnswerCandidate>): Promise<ReadonlyMap<string, ReadonlySet<string>>> {
  const articles = new Set<string>();
  for (const candidate of candidates) articles.add(candidate.article);
  const bySentence = new Map<string, Set<string>>();
  for (const quote of await view.quotesIn([...articles])) {
    if (!quote.speakerId) continue;
    const key = `${quote.article}#${quote.sentence}`;
    const set = bySentence.get(key) ?? new Set<string>();
    set.add(quote.speakerId);
    bySentence.set(key, set);
  }
  return bySentence;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A publication date as words a question may use: "2005-01-14" → "January 2005". The month's
 * name is spelt here rather than asked of Intl, whose first use costs a CLI call tens of ms.
 */
function dateWords(published: string | null): string {
  const date = published ? new Date(published) : null;
  if (!date || Number.isNaN(date.getTime())) return '';
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}
