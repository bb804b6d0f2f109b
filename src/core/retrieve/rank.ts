/**
 * Scores candidate sentences for a question. BM25 finds candidates; this decides which of
 * them answer, by how much of the question each covers: every concept weighted by how rare
 * it is in the index (a word in every sentence of the story tells nothing), found in the
 * question's own words or, for less, in a synonym or variant.
 */
import { irregularBase } from '../lexicon/irregular-verbs.ts';
import { CASE_SENSITIVE_FORMS } from '../lexicon/places.ts';
import { askedWords, holdsAnswerKind, type AnswerKind } from './answer-kinds.ts';
import type { Concept, QueryPlan } from './query.ts';
import { tokenize, type Token } from './terms.ts';

export interface Candidate {
  readonly article: string;
  readonly sentence: number;
  readonly text: string;
  /** BM25 from the index, higher is better. */
  readonly bm25: number;
}

export interface Scored<C extends Candidate = Candidate> {
  readonly candidate: C;
  /** Share of the question's weight the sentence covers, 0–1. */
  readonly coverage: number;
  /** Share of the question's weight the sentence and its surroundings cover, 0–1 (equal to coverage without context). */
  readonly context: number;
  /** Coverage (mixed with context when asked for), raised by a share of itself when the sentence holds the kind of fact asked for; 0 when its article lacks a number the question states. */
  readonly relevance: number;
  /** Relevance plus a little BM25, to order sentences of equal relevance. */
  readonly score: number;
  /** Labels of the concepts found. */
  readonly matched: readonly string[];
  /** How many of the concepts found are informative (not in most sentences of the index). */
  readonly informative: number;
  /** Whether it holds the kind of fact asked for, one the question does not state ("how many" → a new number). */
  readonly holdsKind: boolean;
}

/** A concept at least this rare (log-scaled) tells something; the story's own subject does not. */
export const INFORMATIVE_WEIGHT = 1;

/** How many sentences of the index contain a form: the basis of a concept's weight. */
export type DocumentFrequency = (form: string) => number;

interface Prepared {
  readonly stems: readonly string[];
  readonly texts: readonly string[];
  /** Every stem, for a quick "not here" before a scan. */
  readonly stemSet: ReadonlySet<string>;
}

/**
 * Sentences tokenised lately, kept for the next look at them: ranking an answer's articles and
 * then its sentences reads the same candidates twice. A few hundred make one question's
 * candidates; the cache is emptied past this many.
 */
const PREPARED_KEPT = 1000;
const preparedTexts = new Map<string, Prepared>();

function prepare(text: string): Prepared {
  let prepared = preparedTexts.get(text);
  if (!prepared) {
    const tokens = tokenize(text);
    const stems = tokens.map((t) => t.stem);
    prepared = { stems, texts: tokens.map((t) => t.text), stemSet: new Set(stems) };
    if (preparedTexts.size >= PREPARED_KEPT) preparedTexts.clear();
    preparedTexts.set(text, prepared);
  }
  return prepared;
}

/** Whether a form's words stand in the sentence, in order and adjacent. */
function contains(sentence: Prepared, form: readonly Token[]): boolean {
  const first = form[0];
  if (!first || !form.every((token) => sentence.stemSet.has(token.stem))) return false;
  for (let i = 0; i + form.length <= sentence.stems.length; i++) {
    let all = true;
    for (let j = 0; j < form.length && all; j++) {
      const want = form[j] as Token;
      // "US" the country must not match "us" the pronoun.
      all = CASE_SENSITIVE_FORMS.has(want.text)
        ? sentence.texts[i + j] === want.text
        : sentence.stems[i + j] === want.stem && sameVerb(sentence.texts[i + j]!, want.lower);
    }
    if (all) return true;
  }
  return false;
}

/**
 * The stemmer makes "found" (of find) and "founded" one stem: an irregular past form in the
 * sentence is the same word only as its own verb, or as itself.
 * `sameVerb('found', 'founded')` → false; `sameVerb('found', 'find')` → true; `sameVerb('founded', 'found')` → true.
 */
function sameVerb(written: string, wanted: string): boolean {
  const lower = written.toLowerCase();
  const base = irregularBase(lower);
  return base === undefined || lower === wanted || base === wanted;
}

const formTokens = new Map<string, Token[]>();
function tokensOf(form: string): Token[] {
  let tokens = formTokens.get(form);
  if (!tokens) {
    tokens = tokenize(form);
    if (formTokens.size > 20_000) formTokens.clear();
    formTokens.set(form, tokens);
  }
  return tokens;
}

/** Inverse document frequency of a concept: how rare its own (full-weight) forms are. */
export function conceptWeight(concept: Concept, totalSentences: number, frequency: DocumentFrequency): number {
  const own = concept.forms.filter((form) => form.weight >= 0.9);
  const df = Math.max(1, ...own.map((form) => frequency(form.text)));
  return Math.log(1 + totalSentences / df);
}

/** How many of a plan's concepts are informative, given their weights. */
export function informativeConcepts(plan: QueryPlan, totalSentences: number, frequency: DocumentFrequency): number {
  return plan.concepts.filter((concept) => conceptWeight(concept, totalSentences, frequency) >= INFORMATIVE_WEIGHT).length;
}

/** How a sentence's surroundings count toward a concept it does not name itself. */
export interface ContextOptions {
  /** What counts as part of an article besides its sentences: its headline and date line. */
  readonly about?: (article: string) => string | undefined;
}

/** The weights of scoring, tuned together on the dev sets (see README, "Answers on any story"). */
export interface RankTuning {
  /** A concept named in the sentence before or after counts for this share of itself. */
  readonly neighbourShare: number;
  /** A concept named elsewhere in the article (or its headline) counts for this share. */
  readonly articleShare: number;
  /** How much of relevance the context gives; the rest is the sentence's own coverage. */
  readonly contextMix: number;
  /** The least a concept named all through its article counts toward a sentence's own share. */
  readonly localFloor: number;
  /** The weight of a concept the question asks about ("how many *phones*") is multiplied by this. */
  readonly focusBoost: number;
  /** How much holding the kind of fact asked for ("how many" → a number) lifts a sentence's relevance, as a share of it. */
  readonly answerKindBonus: Readonly<Partial<Record<AnswerKind, number>>>;
}

export const RANK_TUNING: RankTuning = {
  neighbourShare: 0.75,
  articleShare: 0.55,
  contextMix: 0.8,
  localFloor: 0.2,
  focusBoost: 1.5,
  answerKindBonus: { amount: 0.9, score: 0.9, date: 0.9, reason: 0.45, place: 0.45, person: 0.45 },
};

export interface ScoreOptions {
  /** Count each sentence's article as its context (see `scoreCandidates`). */
  readonly context?: ContextOptions;
  readonly tuning?: RankTuning;
}

/**
 * Scores every candidate against the plan, best first. Coverage is the weighted share of
 * concepts the sentence names; the score adds a little of BM25 (to order sentences that
 * cover the same) and a bonus when the sentence has the kind of fact asked for (a number for
 * "how many").
 *
 * With `context`, the sentence's article counts too: a concept named in the sentence next to
 * it, or elsewhere in its article or headline, counts for part of its weight. A question
 * names the story ("the Acme plant near Dunmore") as well as the fact ("how many jobs"); the
 * sentence with the fact rarely repeats the story's names. Context is only as complete as
 * the candidates: pass every sentence of the articles that matter.
 */
export function scoreCandidates<C extends Candidate>(
  plan: QueryPlan,
  candidates: readonly C[],
  totalSentences: number,
  frequency: DocumentFrequency,
  /** A concept the sentence carries without naming it (a quotation by the person asked about). */
  carries: (candidate: C, concept: Concept) => boolean = () => false,
  options: ScoreOptions = {},
): Scored<C>[] {
  const tuning = options.tuning ?? RANK_TUNING;
  const context = options.context;
  const weights = plan.concepts.map((concept) => conceptWeight(concept, totalSentences, frequency) * (concept.focus ? tuning.focusBoost : 1));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const maxBm25 = Math.max(1e-9, ...candidates.map((candidate) => candidate.bm25));
  const own = candidates.map((candidate) => conceptMatches(plan, candidate.text, (concept) => carries(candidate, concept)));
  const around = context ? contextMatches(plan, candidates, own, context, tuning) : own;
  const local = context ? localWeights(plan, candidates, own, tuning) : undefined;
  const asked = askedWords(plan.question);
  const scored = candidates.map((candidate, index) => {
    const found = own[index]!;
    const near = around[index]!;
    const spread = local?.get(candidate.article);
    let covered = 0;
    let coveredHere = 0;
    let weightHere = 0;
    let contextual = 0;
    let informative = 0;
    let missing = false;
    const matched: string[] = [];
    plan.concepts.forEach((concept, i) => {
      const weight = weights[i] ?? 0;
      const best = found[i]!;
      if (concept.required && Math.max(best, near[i]!) === 0) missing = true;
      contextual += Math.max(best, near[i]!) * weight;
      const here = weight * (spread?.[i] ?? 1);
      weightHere += here;
      coveredHere += best * here;
      if (best > 0) {
        covered += best * weight;
        matched.push(concept.label);
        if (weight >= INFORMATIVE_WEIGHT) informative += 1;
      }
    });
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    const inContext = totalWeight > 0 ? contextual / totalWeight : 0;
    // The fact must be about what is asked: "how many people" wants a number beside "people".
    const holdsKind = holdsAnswerKind(plan.answer, candidate.text, asked) && plan.concepts.every((concept, i) => !concept.focus || found[i]! > 0);
    const bonus = holdsKind ? (tuning.answerKindBonus[plan.answer] ?? 0) : 0;
    // A number the question states that the sentence's article never states: not about the same thing.
    // In context, what the sentence itself names counts by what sets it apart from the rest of
    // its article: the article's name in every sentence tells which sentence nothing.
    const distinct = weightHere > 0 ? coveredHere / weightHere : 0;
    // Holding the kind of fact asked for lifts a relevant sentence; it cannot make one relevant.
    const base = context ? tuning.contextMix * inContext + (1 - tuning.contextMix) * distinct : coverage;
    const relevance = missing ? 0 : base * (1 + bonus);
    const score = relevance + 0.1 * (candidate.bm25 / maxBm25);
    return { candidate, coverage, context: inContext, relevance, score, matched, informative, holdsKind };
  });
  return scored.sort((a, b) => b.score - a.score);
}

/**
 * For each article, how much naming each concept sets a sentence apart from the rest of the
 * article: 1 when one sentence names it, falling towards `localFloor` as more of the
 * article's candidate sentences do (an inverse document frequency within the article).
 */
function localWeights<C extends Candidate>(
  plan: QueryPlan,
  candidates: readonly C[],
  own: readonly Float64Array[],
  tuning: RankTuning,
): Map<string, Float64Array> {
  const counts = new Map<string, { sentences: number; naming: Float64Array }>();
  candidates.forEach((candidate, index) => {
    let entry = counts.get(candidate.article);
    if (!entry) {
      entry = { sentences: 0, naming: new Float64Array(plan.concepts.length) };
      counts.set(candidate.article, entry);
    }
    entry.sentences += 1;
    own[index]!.forEach((found, i) => {
      if (found > 0) entry!.naming[i]! += 1;
    });
  });
  const weights = new Map<string, Float64Array>();
  for (const [article, { sentences, naming }] of counts) {
    weights.set(
      article,
      naming.map((n) => (n <= 1 ? 1 : Math.max(tuning.localFloor, Math.log(1 + sentences / n) / Math.log(1 + sentences)))),
    );
  }
  return weights;
}

/**
 * Articles ranked by how much of the question they cover: each concept counted once, at the
 * best form any of the article's candidate sentences (or its headline) names.
 * `rankArticles(plan, hits, …)` → ['tech/375', 'tech/371', …]
 */
export function rankArticles<C extends Candidate>(
  plan: QueryPlan,
  candidates: readonly C[],
  totalSentences: number,
  frequency: DocumentFrequency,
  context: ContextOptions = {},
): string[] {
  const weights = plan.concepts.map((concept) => conceptWeight(concept, totalSentences, frequency));
  const covered = new Map<string, Float64Array>();
  const best = new Map<string, number>();
  for (const candidate of candidates) {
    let article = covered.get(candidate.article);
    if (!article) {
      const about = context.about?.(candidate.article);
      article = about ? conceptMatches(plan, about, () => false) : new Float64Array(plan.concepts.length);
      covered.set(candidate.article, article);
    }
    const found = conceptMatches(plan, candidate.text, () => false);
    for (let i = 0; i < found.length; i++) article[i] = Math.max(article[i]!, found[i]!);
    best.set(candidate.article, Math.max(best.get(candidate.article) ?? 0, candidate.bm25));
  }
  const score = (article: string) => {
    let sum = 0;
    covered.get(article)?.forEach((found, i) => (sum += found * (weights[i] ?? 0)));
    return sum;
  };
  const scores = new Map([...covered.keys()].map((article) => [article, score(article)]));
  return [...covered.keys()].sort((a, b) => scores.get(b)! - scores.get(a)! || best.get(b)! - best.get(a)!);
}

/** For each concept, the weight of the best form of it the text names (0 when none). */
function conceptMatches(plan: QueryPlan, text: string, carried: (concept: Concept) => boolean): Float64Array {
  const sentence = prepare(text);
  const found = new Float64Array(plan.concepts.length);
  plan.concepts.forEach((concept, i) => {
    let best = carried(concept) ? 1 : 0;
    for (const form of concept.forms) {
      if (form.weight > best && contains(sentence, tokensOf(form.text))) best = form.weight;
    }
    found[i] = best;
  });
  return found;
}

/** For each candidate and concept, what its neighbours, article and headline give. */
function contextMatches<C extends Candidate>(
  plan: QueryPlan,
  candidates: readonly C[],
  own: readonly Float64Array[],
  context: ContextOptions,
  tuning: RankTuning,
): Float64Array[] {
  const size = plan.concepts.length;
  const byArticle = new Map<string, Float64Array>();
  const byPlace = new Map<string, Float64Array>();
  candidates.forEach((candidate, index) => {
    const found = own[index]!;
    byPlace.set(`${candidate.article}#${candidate.sentence}`, found);
    let article = byArticle.get(candidate.article);
    if (!article) {
      const about = context.about?.(candidate.article);
      article = about ? conceptMatches(plan, about, () => false) : new Float64Array(size);
      byArticle.set(candidate.article, article);
    }
    for (let i = 0; i < size; i++) article[i] = Math.max(article[i]!, found[i]!);
  });
  return candidates.map((candidate) => {
    const article = byArticle.get(candidate.article)!;
    const before = byPlace.get(`${candidate.article}#${candidate.sentence - 1}`);
    const after = byPlace.get(`${candidate.article}#${candidate.sentence + 1}`);
    const near = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const neighbour = Math.max(before?.[i] ?? 0, after?.[i] ?? 0);
      near[i] = Math.max(tuning.neighbourShare * neighbour, tuning.articleShare * article[i]!);
    }
    return near;
  });
}
