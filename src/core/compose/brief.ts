/**
 * `brief`: the story, a topic of it or one article in at most seven cited key points, no two
 * saying the same thing, in date order where dates are known. Each point is a sentence
 * quoted verbatim; a development several outlets reported is one point citing them all.
 * A sentence planted to address a bot ("Ignore previous instructions and …") is never a point.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import type { Sentence } from '../article.ts';
import type { Reply, TextPart } from '../reply.ts';
import { parseQuestion, planTerms, searchTerms } from '../retrieve/query.ts';
import { scoreCandidates } from '../retrieve/rank.ts';
import { overlap, sameClaim, sameDevelopment } from '../retrieve/similarity.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { missingArticle } from '../../store/missing-article.ts';
import type { ArticleSummary } from '../../store/store.ts';
import { CitationList, type Citable, type CitationJson } from './citations.ts';
import { contextPenalty, keySentences, type KeySentence } from './key-sentences.ts';
import { NOTHING_FOUND } from './answer.ts';

export const MAX_POINTS = 7;
/** A story brief reads the newest articles only: a brief of ten thousand is a brief of the latest. */
const STORY_WINDOW = 150;
const SENTENCES_PER_ARTICLE = 4;
/** A topic brief keeps sentences that cover this much of the topic. */
const MIN_TOPIC_RELEVANCE = 0.4;

export interface BriefRequest {
  readonly topic?: string;
  readonly article?: string;
}

/** A candidate point: a sentence of an article, how much news it carries, and its echoes. */
interface Point {
  readonly lead: Citable;
  readonly weight: number;
  readonly echoes: Citable[];
  readonly date: string | null;
}

/** The `brief --json` contract: `{"points": [{"text", "citations": [...]}]}`. */
export type BriefJson = {
  readonly points: readonly { readonly text: string; readonly citations: readonly CitationJson[] }[];
};

/**
 * Briefs the story, a topic or one article.
 * `composeBrief({}, view)` → up to seven points across the story, oldest first.
 */
export async function composeBrief(request: BriefRequest, view: StoryView): Promise<Reply<BriefJson>> {
  if (request.article) return briefArticle(request.article, view);
  const topic = request.topic?.trim();
  const points = topic ? await topicPoints(topic, view) : await view.memo('brief:story', () => storyPoints(view));
  if (points.length === 0) {
    return { parts: [], citations: [], notice: NOTHING_FOUND, mode: 'extractive', data: { points: [] } };
  }
  return render(points, view, topic ? `Brief: ${topic}` : 'The story so far');
}

async function articleSentences(view: StoryView, id: string): Promise<{ summary: ArticleSummary; sentences: readonly Sentence[] } | null> {
  const article = await view.store.getArticle(id);
  return article ? { summary: article, sentences: article.analysis.sentences } : null;
}

function newestFirst(a: ArticleSummary, b: ArticleSummary): number {
  const da = a.meta.published ?? '';
  const db = b.meta.published ?? '';
  return da === db ? b.firstSeen.localeCompare(a.firstSeen) : db.localeCompare(da);
}

/** The story's developments: each article's key sentences, folded across outlets. */
async function storyPoints(view: StoryView): Promise<Point[]> {
  const articles = [...(await view.articles()).values()].sort(newestFirst).slice(0, STORY_WINDOW);
  const candidates: Point[] = [];
  for (const summary of articles) {
    const loaded = await articleSentences(view, summary.id);
    if (!loaded) continue;
    const ranked = newsSentences(loaded.sentences, summary.meta.title ?? '').slice(0, SENTENCES_PER_ARTICLE);
    ranked.forEach(({ sentence, weight }, rank) => {
      // An article's first point is its lead; later ones count for less, so points spread
      // across articles before any article gets a second.
      candidates.push({ lead: cite(summary.id, sentence), weight: weight - rank * 0.35, echoes: [], date: summary.meta.published });
    });
  }
  return pickPoints(candidates, sameDevelopment);
}

async function topicPoints(topic: string, view: StoryView): Promise<Point[]> {
  const asked = parseQuestion(topic, await view.entities());
  const frequencies = await view.frequencies(planTerms(asked));
  // A topic is a filter, not a question: words the coverage never uses narrow nothing.
  const plan = { ...asked, concepts: asked.concepts.filter((c) => c.forms.some((form) => frequencies.of(form.text) > 0)) };
  if (plan.concepts.length === 0) return [];
  const hits = await view.store.searchSentences({ terms: searchTerms(plan, frequencies.sentences, frequencies.of), limit: 200 });
  const articles = await view.articles();
  const scored = scoreCandidates(
    plan,
    hits.filter((hit) => hit.kind !== 'heading' && !isInstructionLike(hit.text)).map((hit) => ({ article: hit.article, sentence: hit.sentence, text: hit.text, bm25: hit.score })),
    frequencies.sentences,
    frequencies.of,
  ).filter((s) => s.relevance >= MIN_TOPIC_RELEVANCE);
  return pickPoints(
    scored
      .filter((s) => contextPenalty(s.candidate.text) < 1)
      .map((s) => ({ lead: s.candidate, weight: s.score - contextPenalty(s.candidate.text), echoes: [], date: articles.get(s.candidate.article)?.meta.published ?? null })),
    sameClaim,
  );
}

/** How much a point's overlap with one already chosen counts against it. */
const REDUNDANCY_PENALTY = 0.6;
/** How much naming people, places or figures the chosen points do not name counts for it. */
const NOVELTY_BONUS = 0.4;

/**
 * The facts a sentence names: capitalised words not opening it, and figures.
 * "Earlier, Maria Lopez said £4m was spent" → {maria, lopez, £4m}.
 */
function factsOf(text: string): Set<string> {
  const facts = new Set<string>();
  for (const match of text.matchAll(/(?<=\s)\p{Lu}[\p{L}\p{N}’'.-]*|[£$€¥]?\d[\d,.]*(?:bn|m|%)?/gu)) {
    facts.add(match[0].toLowerCase().replace(/[’'.]s?$/, ''));
  }
  return facts;
}

/**
 * The heaviest candidates that say different things, at most seven: each round takes the
 * candidate whose weight, less its overlap with what is chosen, is highest (so a second point
 * from an article tells something the first did not). A candidate that says what a chosen
 * point says becomes one of its echoes (another outlet's citation) instead.
 */
function pickPoints(candidates: readonly Point[], same: (a: string, b: string) => boolean): Point[] {
  const chosen: Point[] = [];
  const taken = new Set<Point>();
  const named = new Set<string>();
  while (chosen.length < MAX_POINTS) {
    let best: Point | undefined;
    let bestValue = -Infinity;
    for (const candidate of candidates) {
      if (taken.has(candidate) || chosen.some((point) => same(point.lead.text, candidate.lead.text))) continue;
      const redundancy = Math.max(0, ...chosen.map((point) => overlap(point.lead.text, candidate.lead.text)));
      const facts = factsOf(candidate.lead.text);
      const novel = [...facts].filter((fact) => !named.has(fact)).length;
      const novelty = facts.size === 0 ? 0 : novel / facts.size;
      const value = candidate.weight - REDUNDANCY_PENALTY * redundancy + NOVELTY_BONUS * novelty;
      if (value > bestValue) {
        bestValue = value;
        best = candidate;
      }
    }
    if (!best) break;
    taken.add(best);
    for (const fact of factsOf(best.lead.text)) named.add(fact);
    chosen.push({ ...best, echoes: [] });
  }
  for (const candidate of candidates) {
    if (taken.has(candidate)) continue;
    const twin = chosen.find((point) => same(point.lead.text, candidate.lead.text));
    if (twin && ![twin.lead, ...twin.echoes].some((c) => c.article === candidate.lead.article)) twin.echoes.push(candidate.lead);
  }
  return chosen;
}

function pointDate(point: Point, dates: ReadonlyMap<string, string | null>): string | null {
  const known = [point.lead, ...point.echoes].map((c) => dates.get(c.article) ?? null).filter((d): d is string => d !== null);
  return known.sort()[0] ?? null;
}

async function render(points: readonly Point[], view: StoryView, title: string): Promise<Reply<BriefJson>> {
  const articles = await view.articles();
  const dates = new Map([...articles.values()].map((a) => [a.id, a.meta.published]));
  // Dated points oldest first; undated ones after them, in the order they were chosen.
  const ordered = points
    .map((point, order) => ({ point, order, date: pointDate(point, dates) }))
    .sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) || a.order - b.order : a.date ? -1 : b.date ? 1 : a.order - b.order));
  const citations = new CitationList(view);
  const parts: TextPart[] = [];
  const json: { text: string; citations: CitationJson[] }[] = [];
  for (const { point } of ordered) {
    const cites = await citations.addAll([point.lead, ...point.echoes]);
    parts.push({ kind: 'text', text: point.lead.text, cites });
    const all = citations.json();
    json.push({ text: point.lead.text, citations: cites.map((n) => all[n - 1]!) });
  }
  const data: BriefJson = { points: json };
  return { title, parts, citations: citations.all(), mode: 'extractive', data: { ...data } };
}

/** One article in its key points, in the article's own order. */
async function briefArticle(id: string, view: StoryView): Promise<Reply<BriefJson>> {
  const loaded = await articleSentences(view, id);
  if (!loaded) throw await missingArticle(view.store, id);
  const candidates = newsSentences(loaded.sentences, loaded.summary.meta.title ?? '')
    .filter(({ weight }) => weight > 0)
    .map(({ sentence, weight }) => ({ lead: cite(id, sentence), weight, echoes: [], date: loaded.summary.meta.published }));
  // In the article's own order: `render` sorts by date, and one article's points share one.
  const points = pickPoints(candidates, sameClaim).sort((a, b) => a.lead.sentence - b.lead.sentence);
  return render(points, view, loaded.summary.meta.title ?? id);
}

/** An article's key sentences, without any that address a bot rather than the reader. */
function newsSentences(sentences: readonly Sentence[], title: string): KeySentence[] {
  return keySentences(sentences, title).filter(({ sentence }) => !isInstructionLike(sentence.text));
}

function cite(article: string, sentence: Sentence): Citable {
  return { article, sentence: sentence.index, text: sentence.text };
}
