/**
 * The sentences that may answer a question, scored: BM25 over sentences gives the first
 * candidates (always, whatever else finds nothing); the articles that cover most of the
 * question, and those of the best BM25 hits, are then read whole, so every sentence is scored
 * with its neighbours and its article as context.
 */
import type { StoredQuote } from '../ports/store.ts';
import { planTerms, searchTerms, type Concept, type QueryPlan } from './query.ts';
import { informativeConcepts, RANK_TUNING, rankArticles, scoreCandidates, type Candidate, type RankTuning, type Scored } from './rank.ts';
import { sameClaim } from './similarity.ts';
import { isStopword, tokenize } from './terms.ts';
import type { StoryView } from './story-view.ts';

export interface AnswerCandidate extends Candidate {
  /** The quotation of the asked-about speaker this sentence carries, if any. */
  readonly quote?: StoredQuote;
}

const CANDIDATES = 150;
/** The copies of one of the speaker's quotations looked for beyond the candidates (echoes). */
const ECHOES = 200;
/** A quotation's copies are found by its rarest words: a copy carries most of them. */
const ECHO_WORDS = 4;
/**
 * A speaker quoted at most this often is read whole (and kept by the view): cheaper than the
 * searches that find a more quoted speaker's quotations near the question (at 10,000 articles,
 * a speaker of 500 quotations costs about the same either way).
 */
const WHOLE_SPEAKER = 500;
/** A more quoted speaker's sentences that best match the rest of the question: their articles' quotations of the speaker are read. */
const SPOKEN = 150;
/** Articles whose every sentence is read, so a sentence's article can count for it. */
const CONTEXT_ARTICLES = 6;
/** The articles of this many of the best BM25 hits are read whole too. */
const BM25_ARTICLES = 2;

/**
 * Candidates from the index (and the speaker's quotations), scored against the plan; how many
 * informative concepts an answer must contain (two when the question has two: a sentence that
 * shares only "France" with "What is the capital of France?" does not answer it); and whether
 * the asked-about speaker's quotations were read in part (see `speakerQuotes`).
 *
 * BM25 over sentences gives the first candidates; the articles they come from are ranked by
 * how much of the question they cover, and every sentence of the best few is scored too, with
 * its article as context: the answer is often a sentence that names only the fact asked for.
 */
export async function rankSentences(
  plan: QueryPlan,
  view: StoryView,
  tuning: RankTuning = RANK_TUNING,
): Promise<{ ranked: Scored<AnswerCandidate>[]; needed: number; speakerInPart: boolean }> {
  const frequencies = await view.frequencies(planTerms(plan));
  const hits = await view.store.searchSentences({ terms: searchTerms(plan, frequencies.sentences, frequencies.of), limit: CANDIDATES });
  const candidates = new Map<string, AnswerCandidate>();
  for (const hit of hits) {
    if (hit.kind === 'heading') continue;
    candidates.set(`${hit.article}#${hit.sentence}`, { article: hit.article, sentence: hit.sentence, text: hit.text, bm25: hit.score });
  }
  const speaker = plan.speaker;
  const inPart = speaker !== undefined && speaker.quoteCount > WHOLE_SPEAKER;
  const spoken = !speaker ? [] : inPart ? await speakerQuotes(plan, speaker.id, hits, view, frequencies) : await view.quotesOf(speaker.id);
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
  return { ranked, needed: Math.min(2, informativeConcepts(plan, frequencies.sentences, frequencies.of)), speakerInPart: inPart };
}

/**
 * The asked-about speaker's quotations an answer may be drawn from, in article and quotation
 * order: those in the articles of the question's best BM25 hits, and those in the articles of
 * the speaker's own quotation sentences that best match the rest of the question ("what did X
 * say about *the election*"), found by the index among the speaker's sentences only. Bounded
 * by the hits, not by the speaker: a speaker quoted 50,000 times is not read whole. Every
 * quotation of the speaker in such an article is read, as its neighbours and its article count
 * for it.
 */
async function speakerQuotes(
  plan: QueryPlan,
  speakerId: string,
  hits: readonly { readonly article: string }[],
  view: StoryView,
  frequencies: { readonly sentences: number; of(form: string): number },
): Promise<StoredQuote[]> {
  // The speaker's own name says nothing of which of their quotations answers.
  const topic = { ...plan, concepts: plan.concepts.filter((concept) => concept.entity?.id !== speakerId) };
  const terms = topic.concepts.length > 0 ? searchTerms(topic, frequencies.sentences, frequencies.of) : [];
  const found = terms.length > 0 ? await view.store.searchSentences({ terms, speakerId, limit: SPOKEN }) : [];
  const articles = new Set([...hits.map((hit) => hit.article), ...found.map((hit) => hit.article)]);
  return (await view.quotesIn([...articles])).filter((quote) => quote.speakerId === speakerId);
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

/**
 * The other articles' copies of a quotation of the asked-about speaker that the candidates do
 * not hold, when the speaker's quotations were read in part (those near the question's hits): the speaker's sentences that make the same claim, found by the index through the
 * quotation's rarest words, in article and sentence order. At most `ECHOES` are looked at.
 */
export async function speakerEchoes(lead: AnswerCandidate, view: StoryView, known: ReadonlySet<string>): Promise<AnswerCandidate[]> {
  const speakerId = lead.quote?.speakerId;
  if (!speakerId) return [];
  const words = [...new Set(tokenize(lead.text).flatMap((token) => (isStopword(token.lower) ? [] : [token.lower])))];
  if (words.length === 0) return [];
  const frequencies = await view.frequencies(words);
  const rarest = words
    .filter((word) => frequencies.of(word) > 0)
    .sort((a, b) => frequencies.of(a) - frequencies.of(b))
    .slice(0, ECHO_WORDS);
  if (rarest.length === 0) return [];
  const hits = await view.store.searchSentences({ terms: rarest, speakerId, limit: ECHOES });
  return hits
    .filter((hit) => hit.article !== lead.article && hit.kind !== 'heading' && !known.has(`${hit.article}#${hit.sentence}`) && sameClaim(hit.text, lead.text))
    .sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.sentence - b.sentence))
    .map((hit) => ({ article: hit.article, sentence: hit.sentence, text: hit.text, bm25: 0 }));
}
