/**
 * `brief`: the story, a topic of it or one article in at most seven cited key points, no two
 * saying the same thing, in date order where dates are known. Each point is a sentence
 * quoted verbatim; a development several outlets reported is one point citing them all; a
 * report that updates an earlier one ("12 killed", then "45 killed") is shown with the
 * earlier one beside it. A sentence planted to address a bot is never a point, nor is a
 * caption, a byline or a sentence that leans on one it is not shown with.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import type { Sentence } from '../article.ts';
import type { Reply, TextPart } from '../reply.ts';
import { planTerms, searchTerms } from '../retrieve/query.ts';
import { scoreCandidates } from '../retrieve/rank.ts';
import { sameDevelopment } from '../retrieve/similarity.ts';
import { readQuestion } from '../retrieve/question-entities.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { missingArticle } from '../missing-article.ts';
import { needsAntecedent } from './antecedents.ts';
import { NOTHING_FOUND } from './answer.ts';
import { selectKeySentences } from './article-selection.ts';
import { MAX_POINTS, pickPoints, type Point } from './brief-points.ts';
import { CitationList, type CitationJson } from './citations.ts';
import { contextPenalty } from './context-penalty.ts';
import { storyCandidates } from './story-points.ts';

export { MAX_POINTS } from './brief-points.ts';

/** A topic brief keeps sentences that cover this much of the topic. */
const MIN_TOPIC_RELEVANCE = 0.4;
/** How much each point already taken from an article counts against another from it in a topic brief. */
const TOPIC_SPREAD = 0.25;

export interface BriefRequest {
  readonly topic?: string;
  readonly article?: string;
}

/** A point as `--json` gives it. */
export interface BriefPointJson {
  readonly text: string;
  readonly citations: readonly CitationJson[];
  /** The earlier report this point updates, with what changed ("12 → 45"). */
  readonly earlier?: { readonly text: string; readonly citations: readonly CitationJson[]; readonly change: string };
}

/** The `brief --json` contract: `{"points": [{"text", "citations": [...]}]}`. */
export type BriefJson = {
  readonly points: readonly BriefPointJson[];
};

interface Chosen {
  readonly points: readonly Point[];
  readonly dateOf: (article: string) => string | null;
}

/**
 * Briefs the story, a topic or one article.
 * `composeBrief({}, view)` → up to seven points across the story, oldest first.
 */
export async function composeBrief(request: BriefRequest, view: StoryView): Promise<Reply<BriefJson>> {
  if (request.article) return briefArticle(request.article, view);
  const topic = request.topic?.trim();
  const chosen = topic ? await topicPoints(topic, view) : await view.memo('brief:story', () => storyPoints(view));
  if (chosen.points.length === 0) {
    return { parts: [], citations: [], notice: NOTHING_FOUND, mode: 'extractive', data: { points: [] } };
  }
  return render(chosen, view, topic ? `Brief: ${topic}` : 'The story so far');
}

/** The story's developments: each article's key sentences, folded across outlets. */
async function storyPoints(view: StoryView): Promise<Chosen> {
  const { candidates, dateOf } = await storyCandidates(view);
  // Sentences that match a topic tie often; a second point from one article must tell more than its match.
  return { points: pickPoints(candidates, { same: sameDevelopment, dateOf, perArticle: TOPIC_SPREAD }), dateOf };
}

async function topicPoints(topic: string, view: StoryView): Promise<Chosen> {
  const asked = await readQuestion(topic, view);
  const frequencies = await view.frequencies(planTerms(asked));
  // A topic is a filter, not a question: words the coverage never uses narrow nothing.
  const plan = { ...asked, concepts: asked.concepts.filter((c) => c.forms.some((form) => frequencies.of(form.text) > 0)) };
  if (plan.concepts.length === 0) return { points: [], dateOf: () => null };
  const hits = await view.store.searchSentences({ terms: searchTerms(plan, frequencies.sentences, frequencies.of), limit: 200 });
  // Only the hits' articles are ever dated: read by key, not the story's whole list.
  const articles = await view.summaries(hits.map((hit) => hit.article));
  const dateOf = (id: string) => articles.get(id)?.meta.published ?? null;
  const scored = scoreCandidates(
    plan,
    hits
      .filter((hit) => hit.kind !== 'heading' && !isInstructionLike(hit.text) && needsAntecedent(hit.text) === null)
      .map((hit) => ({ article: hit.article, sentence: hit.sentence, text: hit.text, bm25: hit.score })),
    frequencies.sentences,
    frequencies.of,
  ).filter((s) => s.relevance >= MIN_TOPIC_RELEVANCE && contextPenalty(s.candidate.text) < 1);
  const candidates = scored.map((s) => ({ lead: s.candidate, weight: s.score - contextPenalty(s.candidate.text), echoes: [] }));
  // Sentences that match a topic tie often; a second point from one article must tell more than its match.
  return { points: pickPoints(candidates, { same: sameDevelopment, dateOf, perArticle: TOPIC_SPREAD }), dateOf };
}

async function render({ points, dateOf }: Chosen, view: StoryView, title: string): Promise<Reply<BriefJson>> {
  // Dated points oldest first; undated ones after them, in the order they were chosen.
  const ordered = points
    .map((point, order) => ({ point, order, date: dateOf(point.lead.article) }))
    .sort((a, b) => (a.date && b.date ? a.date.localeCompare(b.date) || a.order - b.order : a.date ? -1 : b.date ? 1 : a.order - b.order));
  const citations = new CitationList(view);
  const parts: TextPart[] = [];
  const json: BriefPointJson[] = [];
  for (const { point } of ordered) {
    const cites = await citations.addAll([point.lead, ...point.echoes]);
    const earlier = point.earlier
      ? { text: point.earlier.lead.text, cites: await citations.addAll([point.earlier.lead, ...point.earlier.echoes]), change: point.earlier.change }
      : undefined;
    parts.push({ kind: 'text', text: point.lead.text, cites, ...(earlier ? { earlier } : {}) });
    const all = citations.json();
    const cited = (numbers: readonly number[]) => numbers.map((n) => all[n - 1]!);
    json.push({
      text: point.lead.text,
      citations: cited(cites),
      ...(earlier ? { earlier: { text: earlier.text, citations: cited(earlier.cites), change: earlier.change } } : {}),
    });
  }
  const data: BriefJson = { points: json };
  return { title, parts, citations: citations.all(), mode: 'extractive', data: { ...data } };
}

/** One article in its key points, in the article's own order. */
async function briefArticle(id: string, view: StoryView): Promise<Reply<BriefJson>> {
  const article = await view.store.getArticle(id);
  if (!article) throw await missingArticle(view.store, id);
  const chosen = selectKeySentences(article.analysis, articleBudget(article.analysis.sentences));
  const points = chosen.map((sentence) => ({ lead: { article: id, sentence: sentence.index, text: sentence.text }, weight: 0, echoes: [] }));
  return render({ points, dateOf: () => article.meta.published }, view, article.meta.title ?? id);
}

/**
 * How many points an article's brief has: half its sentences, at least three, at most seven.
 * A brief is shorter than what it briefs; a long article still fits a screen.
 */
export function articleBudget(sentences: readonly Sentence[]): number {
  const content = sentences.filter((s) => s.kind !== 'heading').length;
  return Math.min(MAX_POINTS, Math.max(3, Math.ceil(content / 2)));
}
