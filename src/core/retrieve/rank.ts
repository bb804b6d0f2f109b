/**
 * Scores candidate sentences for a question. BM25 finds candidates; this decides which of
 * them answer, by how much of the question each covers: every concept weighted by how rare
 * it is in the index (a word in every sentence of the story tells nothing), found in the
 * question's own words or, for less, in a synonym or variant.
 */
import { CASE_SENSITIVE_FORMS } from '../lexicon/places.ts';
import type { AnswerKind, Concept, QueryPlan } from './query.ts';
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
  /** Coverage plus a bonus when the sentence holds the kind of fact asked for. */
  readonly relevance: number;
  /** Relevance plus a little BM25, to order sentences of equal relevance. */
  readonly score: number;
  /** Labels of the concepts found. */
  readonly matched: readonly string[];
  /** How many of the concepts found are informative (not in most sentences of the index). */
  readonly informative: number;
}

/** A concept at least this rare (log-scaled) tells something; the story's own subject does not. */
export const INFORMATIVE_WEIGHT = 1;

/** How many sentences of the index contain a form: the basis of a concept's weight. */
export type DocumentFrequency = (form: string) => number;

interface Prepared {
  readonly stems: readonly string[];
  readonly texts: readonly string[];
}

function prepare(text: string): Prepared {
  const tokens = tokenize(text);
  return { stems: tokens.map((t) => t.stem), texts: tokens.map((t) => t.text) };
}

/** Whether a form's words stand in the sentence, in order and adjacent. */
function contains(sentence: Prepared, form: readonly Token[]): boolean {
  const first = form[0];
  if (!first) return false;
  for (let i = 0; i + form.length <= sentence.stems.length; i++) {
    let all = true;
    for (let j = 0; j < form.length && all; j++) {
      const want = form[j] as Token;
      // "US" the country must not match "us" the pronoun.
      all = CASE_SENSITIVE_FORMS.has(want.text)
        ? sentence.texts[i + j] === want.text
        : sentence.stems[i + j] === want.stem;
    }
    if (all) return true;
  }
  return false;
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

const MONEY_OR_NUMBER = /[£$€¥]\s?\d|\d[\d,.]*\s?(?:%|per ?cent|bn|billion|m\b|million|trillion|k\b)|\b\d{2,}\b/i;
const DATE_WORDS = /\b(?:1[89]\d\d|20\d\d)\b|\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|\bsince\b/;
const REASON_WORDS = /\b(?:because|amid|over fears|due to|as a result|after|following|fears?|concerns?)\b/i;

/**
 * Whether a sentence holds the kind of fact a question of that kind wants: an amount for
 * "how much", a date for "when", a reason for "why". Kinds without such a mark never do.
 * @example holdsAnswerKind('amount', 'It cost £1.2m a year.') === true
 */
export function holdsAnswerKind(kind: AnswerKind, text: string): boolean {
  return answerBonus(kind, text) > 0;
}

function answerBonus(kind: AnswerKind, text: string): number {
  switch (kind) {
    case 'amount':
      return MONEY_OR_NUMBER.test(text) ? 0.12 : 0;
    case 'date':
      return DATE_WORDS.test(text) ? 0.12 : 0;
    case 'reason':
      return REASON_WORDS.test(text) ? 0.06 : 0;
    default:
      return 0;
  }
}

/** How many of a plan's concepts are informative, given their weights. */
export function informativeConcepts(plan: QueryPlan, totalSentences: number, frequency: DocumentFrequency): number {
  return plan.concepts.filter((concept) => conceptWeight(concept, totalSentences, frequency) >= INFORMATIVE_WEIGHT).length;
}

/**
 * Scores every candidate against the plan, best first. Coverage is the weighted share of
 * concepts found; the score adds a little of BM25 (to order sentences that cover the same)
 * and a bonus when the sentence has the kind of fact asked for (a sum for "how much").
 */
export function scoreCandidates<C extends Candidate>(
  plan: QueryPlan,
  candidates: readonly C[],
  totalSentences: number,
  frequency: DocumentFrequency,
  /** A concept the sentence carries without naming it (a quotation by the person asked about). */
  carries: (candidate: C, concept: Concept) => boolean = () => false,
): Scored<C>[] {
  const weights = plan.concepts.map((concept) => conceptWeight(concept, totalSentences, frequency));
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0);
  const maxBm25 = Math.max(1e-9, ...candidates.map((candidate) => candidate.bm25));
  const scored = candidates.map((candidate) => {
    const sentence = prepare(candidate.text);
    let covered = 0;
    let informative = 0;
    const matched: string[] = [];
    plan.concepts.forEach((concept, i) => {
      let best = carries(candidate, concept) ? 1 : 0;
      for (const form of concept.forms) {
        if (form.weight > best && contains(sentence, tokensOf(form.text))) best = form.weight;
      }
      if (best > 0) {
        covered += best * (weights[i] ?? 0);
        matched.push(concept.label);
        if ((weights[i] ?? 0) >= INFORMATIVE_WEIGHT) informative += 1;
      }
    });
    const coverage = totalWeight > 0 ? covered / totalWeight : 0;
    const relevance = coverage + answerBonus(plan.answer, candidate.text);
    const score = relevance + 0.1 * (candidate.bm25 / maxBm25);
    return { candidate, coverage, relevance, score, matched, informative };
  });
  return scored.sort((a, b) => b.score - a.score);
}
