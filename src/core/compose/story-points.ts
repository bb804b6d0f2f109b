/**
 * The story brief's candidates: from each of the newest articles, the sentences that carry
 * its news (its lead and its most central sentences, each able to stand alone), weighed up
 * when other articles report the same development; and each article's date, as published
 * or, when it is not known, as the article itself reports (the latest date it gives), or
 * else the date of the dated article most like it, so undated coverage takes its place in
 * the arc instead of trailing after it.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import type { Sentence } from '../article.ts';
import { isFurnitureSentence } from '../clean/furniture-sentence.ts';
import { sameDevelopment } from '../retrieve/similarity.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { ArticleSummary, Store } from '../ports/store.ts';
import { needsAntecedent } from './antecedents.ts';
import type { Point } from './brief-points.ts';
import { centrality, cosine, norm, wordCounts } from './centrality.ts';
import { contextPenalty } from './context-penalty.ts';

/** A story brief reads the newest articles only: a brief of ten thousand is a brief of the latest. */
const STORY_WINDOW = 150;
const SENTENCES_PER_ARTICLE = 3;
/** A point is a sentence that says something: fewer words is a fragment. */
const MIN_WORDS = 8;
/** An article's lead is its news in one sentence. */
const LEAD_BONUS = 0.5;
/** Each later sentence of one article counts this much less, so points spread across articles first. */
const RANK_STEP = 0.35;
/** Each other article reporting the same development counts this much for it (up to three). */
const SUPPORT = 0.15;
/** An undated article takes the date of a dated one only when they are this much alike. */
const MIN_LIKENESS = 0.3;

export interface StoryCandidates {
  readonly candidates: readonly Point[];
  /** Each article's date, published or estimated; null when nothing tells. */
  readonly dateOf: (article: string) => string | null;
}

interface Read {
  readonly summary: ArticleSummary;
  readonly reported: string | null;
  /** The article's word counts (its content sentences'), made when first asked for: only an undated article's date needs them. */
  readonly words: () => ReadonlyMap<string, number>;
  readonly points: { sentence: Sentence; weight: number; words: Map<string, number>; norm: number }[];
}

/**
 * What was read of each article, by store and by id and content version: a story's brief is
 * built again whenever an article arrives, and every other article reads the same as before.
 */
const readings = new WeakMap<Store, Map<string, Omit<Read, 'summary'>>>();
const MAX_READINGS = 4 * STORY_WINDOW;

async function readArticles(view: StoryView, summaries: readonly ArticleSummary[]): Promise<Read[]> {
  let known = readings.get(view.store);
  if (!known) {
    known = new Map();
    readings.set(view.store, known);
  }
  const read: Read[] = [];
  for (const summary of summaries) {
    const key = `${summary.id}@${summary.changedAt}`;
    let reading = known.get(key);
    if (!reading) {
      const article = await view.store.getArticle(summary.id);
      if (!article) continue;
      reading = readArticle(
        article.analysis.sentences,
        article.analysis.events.map((e) => e.date),
      );
      if (known.size >= MAX_READINGS) known.clear();
      known.set(key, reading);
    }
    read.push({ summary, ...reading });
  }
  return read;
}

/** The story's candidate points and the dates that order them. */
export async function storyCandidates(view: StoryView): Promise<StoryCandidates> {
  const summaries = await view.newest(STORY_WINDOW);
  const read = await readArticles(view, summaries);
  const dates = estimateDates(read);
  const support = supportOf(read);
  const candidates: Point[] = read.flatMap((article) =>
    article.points.map((point) => ({
      lead: { article: article.summary.id, sentence: point.sentence.index, text: point.sentence.text },
      weight: point.weight + SUPPORT * Math.min(3, support.get(point) ?? 0),
      echoes: [],
    })),
  );
  return { candidates, dateOf: (id) => dates.get(id) ?? null };
}

type Candidate = Read['points'][number];

/**
 * How many other articles report each candidate's development. Only pairs that share words
 * are compared (through an index of words), so a window of 150 articles costs little.
 */
function supportOf(read: readonly Read[]): Map<Candidate, number> {
  // Each candidate numbered, with its article's number: the dot products of one candidate
  // with all others are summed in one array rather than a map entry per pair.
  const candidates: Candidate[] = [];
  const articleOf: number[] = [];
  read.forEach((article, a) => {
    for (const point of article.points) {
      candidates.push(point);
      articleOf.push(a);
    }
  });
  const postings = new Map<string, { n: number; count: number }[]>();
  candidates.forEach((point, n) => {
    for (const [word, count] of point.words) {
      const list = postings.get(word) ?? [];
      list.push({ n, count });
      postings.set(word, list);
    }
  });
  const dots = new Float64Array(candidates.length);
  const support = new Map<Candidate, number>();
  candidates.forEach((point, n) => {
    const own = articleOf[n]!;
    // The others sharing a word, in the order first met (as a map's keys would be).
    const met: number[] = [];
    for (const [word, count] of point.words) {
      for (const posting of postings.get(word) ?? []) {
        if (articleOf[posting.n] === own) continue;
        if (dots[posting.n] === 0) met.push(posting.n);
        dots[posting.n] = dots[posting.n]! + count * posting.count;
      }
    }
    const supporting = new Set<number>();
    for (const m of met) {
      const dot = dots[m]!;
      dots[m] = 0;
      const other = candidates[m]!;
      const from = articleOf[m]!;
      if (supporting.has(from) || point.norm === 0 || other.norm === 0) continue;
      if (dot / (point.norm * other.norm) >= MIN_LIKENESS && sameDevelopment(other.sentence.text, point.sentence.text)) supporting.add(from);
    }
    support.set(point, supporting.size);
  });
  return support;
}

/** An article's candidate sentences, weighed by centrality and the lead, best first. */
function readArticle(sentences: readonly Sentence[], reported: readonly string[]): Omit<Read, 'summary'> {
  const content = sentences.filter((s) => s.kind !== 'heading' && !isFurnitureSentence(s.text));
  const vectors = content.map((s) => wordCounts(s.text));
  const central = centrality(vectors);
  let counted: Map<string, number> | undefined;
  const words = () => {
    if (!counted) {
      counted = new Map();
      for (const vector of vectors) for (const [word, count] of vector) counted.set(word, (counted.get(word) ?? 0) + count);
    }
    return counted;
  };
  const ranked = content
    .map((sentence, i) => ({
      sentence,
      words: vectors[i]!,
      weight: central[i]! + (i === 0 ? LEAD_BONUS : 0) - contextPenalty(sentence.text),
    }))
    .sort((a, b) => b.weight - a.weight);
  // The best that stand, in that order (the sort is stable, so ties keep the text's order):
  // only those down to the last one taken are tested, not every sentence of the article.
  const standing: typeof ranked = [];
  for (const point of ranked) {
    if (standing.length >= SENTENCES_PER_ARTICLE) break;
    if (stands(point.sentence.text)) standing.push(point);
  }
  const points = standing.map((point, rank) => ({ ...point, weight: point.weight - rank * RANK_STEP, norm: norm(point.words) }));
  const latest = [...reported].sort().at(-1) ?? null;
  return { reported: latest, words, points };
}

/** A sentence that can be a point on its own, among other articles' points. */
function stands(text: string): boolean {
  return text.split(/\s+/).length >= MIN_WORDS && needsAntecedent(text) === null && !isInstructionLike(text) && contextPenalty(text) < 1;
}

/**
 * Each article's date: as published; else the latest date it reports (never later than the
 * newest published one, since an article reports what happened before it); else the date of
 * the dated article most like it.
 */
function estimateDates(read: readonly Read[]): Map<string, string | null> {
  const published = read.map((a) => a.summary.meta.published).filter((d): d is string => d !== null);
  const newest = published.sort().at(-1) ?? null;
  const dates = new Map<string, string | null>();
  for (const article of read) {
    const reported = article.reported !== null && (newest === null || article.reported <= newest) ? article.reported : null;
    dates.set(article.summary.id, article.summary.meta.published ?? reported);
  }
  const dated = read.filter((a) => a.summary.meta.published !== null);
  for (const article of dated.length === 0 ? [] : read) {
    if (dates.get(article.summary.id) !== null) continue;
    let best: { date: string; likeness: number } | null = null;
    for (const other of dated) {
      const date = other.summary.meta.published!;
      const likeness = cosine(article.words(), other.words());
      if (likeness >= MIN_LIKENESS && (!best || likeness > best.likeness)) best = { date, likeness };
    }
    dates.set(article.summary.id, best?.date ?? null);
  }
  return dates;
}
