/**
 * What `compare` reads before it composes: the articles about a topic, one per outlet (the one
 * that covers it best), each with its sentences, and the facts they carry: each fact is a
 * sentence on the topic, folded with the sentences of other outlets that say the same.
 *
 * Everything is read through the index: one search for the topic, then the sentences of the
 * few articles chosen.
 */
import { UserError } from '../errors.ts';
import { planTerms, searchTerms } from '../retrieve/query.ts';
import { scoreCandidates, type Candidate } from '../retrieve/rank.ts';
import { sameClaim, sameDevelopment } from '../retrieve/similarity.ts';
import { readQuestion } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { ArticleSummary, SentenceHit } from '../ports/store.ts';

/** At most this many outlets are compared: enough to see who leaves what out, few enough to read. */
export const MAX_OUTLETS = 5;
/**
 * A sentence is a fact about the topic when it covers this share of the best sentence's
 * relevance, and at least `MIN_RELEVANCE` of the topic: a topic's rarer word ("closure") may
 * stand only in a headline or the lead, and then its commoner words ("ferry") are what the
 * outlets' other facts share. A third keeps a sentence that names one of two concepts
 * beside one that names both (ask's WordNet forms make "close" count for "closure").
 */
const RELATIVE_RELEVANCE = 0.3;
const MIN_RELEVANCE = 0.2;
const FACTS_PER_ARTICLE = 6;
const CANDIDATES = 300;

/** One outlet's coverage: its best article on the topic. */
export interface OutletCoverage {
  /** The outlet's name, or "outlet unknown (ID)" when the article does not say. */
  readonly outlet: string;
  readonly article: ArticleSummary;
  /** Every sentence of the article, headings left out, in order. */
  readonly sentences: readonly SentenceHit[];
  /** Its sentences on the topic, most relevant first. */
  readonly facts: readonly SentenceHit[];
}

/** A fact and the sentence each outlet that carries it says it in. */
export interface Fact {
  readonly text: string;
  /** By outlet name, in the coverage's order. */
  readonly carriers: ReadonlyMap<string, SentenceHit>;
  readonly relevance: number;
}

const outletName = (article: ArticleSummary) => article.meta.outlet?.trim() || `outlet unknown (${article.id})`;

/**
 * The outlets that cover a topic, best article each, earliest first.
 * @example coverageOf('the merger', view) → [{ outlet: 'Daily Courier', article, sentences, facts }, …]
 */
export async function coverageOf(topic: string, view: StoryView): Promise<{ outlets: OutletCoverage[]; relevance: ReadonlyMap<string, number> }> {
  const plan = await readQuestion(topic, view);
  if (plan.concepts.length === 0) throw new UserError('empty-topic', 'Name what to compare in words: a person, an event or a topic of the story.');
  const frequencies = await view.frequencies(planTerms(plan));
  const hits = await view.store.searchSentences({ terms: searchTerms(plan, frequencies.sentences, frequencies.of), limit: CANDIDATES });
  const candidates: Candidate[] = hits
    .filter((h) => h.kind !== 'heading')
    .map((h) => ({ article: h.article, sentence: h.sentence, text: h.text, bm25: h.score }));
  const all = scoreCandidates(plan, candidates, frequencies.sentences, frequencies.of);
  const threshold = Math.max(MIN_RELEVANCE, (all[0]?.relevance ?? 0) * RELATIVE_RELEVANCE);
  const scored = all.filter((s) => s.relevance >= threshold);
  const relevance = new Map(scored.map((s) => [`${s.candidate.article}#${s.candidate.sentence}`, s.relevance]));

  const byArticle = new Map<string, number>();
  for (const s of scored) byArticle.set(s.candidate.article, (byArticle.get(s.candidate.article) ?? 0) + s.relevance);
  const articles = await view.articles();
  const best = new Map<string, { article: ArticleSummary; score: number }>();
  for (const [id, score] of byArticle) {
    const article = articles.get(id);
    if (!article) continue;
    const name = outletName(article);
    const known = best.get(name);
    if (!known || score > known.score) best.set(name, { article, score });
  }
  const chosen = [...best.entries()].sort((a, b) => b[1].score - a[1].score).slice(0, MAX_OUTLETS);
  const outlets: OutletCoverage[] = [];
  for (const [outlet, { article }] of chosen) {
    const refs = Array.from({ length: article.sentences }, (_, sentence) => ({ article: article.id, sentence }));
    const sentences = (await view.store.sentencesAt(refs)).filter((h) => h.kind !== 'heading');
    const facts = scored
      .filter((s) => s.candidate.article === article.id)
      .slice(0, FACTS_PER_ARTICLE)
      .map((s) => sentences.find((h) => h.sentence === s.candidate.sentence))
      .filter((h): h is SentenceHit => h !== undefined);
    outlets.push({ outlet, article, sentences, facts });
  }
  const date = (o: OutletCoverage) => o.article.meta.published ?? '\uffff';
  outlets.sort((a, b) => date(a).localeCompare(date(b)) || a.outlet.localeCompare(b.outlet));
  return { outlets, relevance };
}

/**
 * The facts the outlets carry: sentences two outlets share (in the same or other words: the
 * event they both report), and each outlet's sentences on the topic; each fact with every
 * outlet that has a sentence saying it. Sentences in `quoted` (those holding a full quotation)
 * are left to the quotations.
 */
export function factsOf(outlets: readonly OutletCoverage[], relevance: ReadonlyMap<string, number>, quoted: ReadonlySet<string>): Fact[] {
  const facts: { text: string; carriers: Map<string, SentenceHit>; relevance: number }[] = [];
  const isFact = (hit: SentenceHit) => !quoted.has(`${hit.article}#${hit.sentence}`);
  const says = (a: string, b: string) => sameClaim(a, b) || sameDevelopment(a, b);
  const add = (coverage: OutletCoverage, sentence: SentenceHit) => {
    const known = facts.find((f) => sameClaim(f.text, sentence.text) || (!f.carriers.has(coverage.outlet) && sameDevelopment(f.text, sentence.text)));
    if (known) {
      if (!known.carriers.has(coverage.outlet)) known.carriers.set(coverage.outlet, sentence);
      return;
    }
    facts.push({
      text: sentence.text,
      carriers: new Map([[coverage.outlet, sentence]]),
      relevance: relevance.get(`${sentence.article}#${sentence.sentence}`) ?? 0,
    });
  };
  // What two outlets both say is the event itself, on the topic's words or not.
  outlets.forEach((coverage, i) => {
    for (const sentence of coverage.sentences.filter(isFact)) {
      if (outlets.some((other, j) => j !== i && other.sentences.some((s) => isFact(s) && says(sentence.text, s.text)))) add(coverage, sentence);
    }
  });
  for (const coverage of outlets) for (const sentence of coverage.facts.filter(isFact)) add(coverage, sentence);
  // An outlet may carry a fact in other words, with details of its own: the same development counts.
  for (const fact of facts) {
    for (const coverage of outlets) {
      if (fact.carriers.has(coverage.outlet)) continue;
      const same = coverage.sentences.find((s) => isFact(s) && sameDevelopment(fact.text, s.text));
      if (same) fact.carriers.set(coverage.outlet, same);
    }
  }
  const order = new Map(outlets.map((o, i) => [o.outlet, i]));
  return facts.map((f) => ({ ...f, carriers: new Map([...f.carriers].sort((a, b) => (order.get(a[0]) ?? 0) - (order.get(b[0]) ?? 0))) }));
}
