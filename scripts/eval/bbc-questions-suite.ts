/**
 * The BBC questions: paraphrased questions over the whole BBC News corpus, a story the bot
 * was never written for. Each answerable question is right when one of the first three
 * citations of `ask` is from a listed article and contains the listed text; an unanswerable
 * one is right when nothing is cited. Plain BM25 over sentences (the question's content words,
 * the first three sentences) is scored beside it, so the comparison is printed.
 */
import { readFileSync } from 'node:fs';
import { answerQuestion } from '../../src/core/compose/answer.ts';
import { isStopword, tokenize } from '../../src/core/retrieve/terms.ts';
import { createStoryView, type StoryView } from '../../src/core/retrieve/story-view.ts';
import type { Reply } from '../../src/core/reply.ts';
import { openCachedCorpus } from './cached-corpus.ts';
import { atLeast, type Metric } from './metrics.ts';
import { answersGold, type GoldQuestion } from './question-suite.ts';
import { containsFolded } from './text-match.ts';

export interface BbcQuestion extends GoldQuestion {
  readonly unanswerable?: boolean;
}

/** What the bot must reach on the BBC questions. */
export const BBC_ACCEPTANCE = { answerableRight: 35, unanswerableSilent: 4 } as const;

export function loadBbcQuestions(file: string): BbcQuestion[] {
  return (JSON.parse(readFileSync(file, 'utf8')) as { questions: BbcQuestion[] }).questions;
}

/** A line printed for comparison, with no target of its own. */
function shown(name: string, value: number, total: number): Metric {
  return { name, score: `${value}/${total}`, target: '-', pass: true };
}

/** The first three sentences plain BM25 finds for the question's content words. */
export async function bm25Citations(question: string, view: StoryView): Promise<{ article: string; text: string }[]> {
  const terms = tokenize(question)
    .filter((token) => !isStopword(token.lower))
    .map((token) => token.lower);
  const hits = await view.store.searchSentences({ terms, limit: 10 });
  return hits.filter((hit) => hit.kind !== 'heading').slice(0, 3);
}

function describe(reply: Reply): string {
  return (
    reply.citations
      .slice(0, 3)
      .map((c) => `[${c.article}] ${c.text.slice(0, 80)}`)
      .join(' | ') ||
    (reply.notice ?? '(nothing)')
  );
}

/** Asks every question through `ask` and through plain BM25, and scores both. */
export async function scoreBbcQuestions(view: StoryView, questions: readonly BbcQuestion[]): Promise<{ metrics: Metric[]; misses: string[] }> {
  const answerable = questions.filter((q) => !q.unanswerable);
  const unanswerable = questions.filter((q) => q.unanswerable);
  const misses: string[] = [];
  let right = 0;
  let nothing = 0;
  let baseline = 0;
  for (const question of answerable) {
    const reply = await answerQuestion(question.q, view);
    if (reply.citations.length === 0) nothing += 1;
    if (answersGold(reply, question)) right += 1;
    else misses.push(`"${question.q}" → ${describe(reply)}`);
    const plain = await bm25Citations(question.q, view);
    if (plain.some((hit) => question.any.some((place) => hit.article === place.article && containsFolded(hit.text, place.contains)))) baseline += 1;
  }
  let silent = 0;
  for (const question of unanswerable) {
    const reply = await answerQuestion(question.q, view);
    if (reply.citations.length === 0) silent += 1;
    else misses.push(`unanswerable "${question.q}" → ${describe(reply)}`);
  }
  return {
    metrics: [
      atLeast('BBC answerable right', right, answerable.length, BBC_ACCEPTANCE.answerableRight),
      shown('BBC answerable, nothing cited', nothing, answerable.length),
      atLeast('BBC unanswerable, nothing cited', silent, unanswerable.length, BBC_ACCEPTANCE.unanswerableSilent),
      shown('Plain BM25 answerable right', baseline, answerable.length),
      shown('Plain BM25 unanswerable, nothing cited', 0, unanswerable.length),
    ],
    misses,
  };
}

export interface BbcSuiteOptions {
  /** The BBC News corpus folder and its questions file. */
  readonly corpusDir: string;
  readonly questionsFile: string;
  /** Where the ingested corpus is kept between runs. */
  readonly cacheDir: string;
}

/** Opens (or builds) the cached BBC database and scores the questions on it. */
export async function runBbcSuite(options: BbcSuiteOptions): Promise<{ name: string; metrics: Metric[]; misses: string[] }> {
  const cached = await openCachedCorpus(options.corpusDir, options.cacheDir);
  try {
    const score = await scoreBbcQuestions(createStoryView(cached.store), loadBbcQuestions(options.questionsFile));
    return { name: `Questions (BBC News, ${cached.ingest.articles} articles)`, ...score };
  } finally {
    await cached.store.close();
  }
}
