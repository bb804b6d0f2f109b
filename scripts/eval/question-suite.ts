/**
 * The questions suite: each gold question asked through the `ask` composer, right when one of
 * its first three citations is from a listed article and contains the listed words (folded).
 * Also checks what every answer must be: each cited text a stored sentence verbatim, and
 * unrelated questions answered with nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { answerQuestion } from '../../src/core/compose/answer.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { StoryView } from '../../src/core/retrieve/story-view.ts';
import { atLeast, atMost, type Metric } from './metrics.ts';
import { containsFolded } from './text-match.ts';

export interface GoldQuestion {
  readonly q: string;
  readonly any: readonly { readonly article: string; readonly contains: string }[];
}

/** Questions no story here answers: the bot must say so and cite nothing. */
export const UNRELATED_QUESTIONS: readonly string[] = [
  'What is the capital of France?',
  'Give me a pancake recipe',
  'Who won the football world cup in 1966?',
  'How do I reset my password?',
];

export function loadQuestions(goldDir: string, file: string): GoldQuestion[] {
  return (JSON.parse(readFileSync(join(goldDir, file), 'utf8')) as { questions: GoldQuestion[] }).questions;
}

/** Whether a reply answers a gold question: a listed place among the sentences its first three citations cite. */
export function answersGold(reply: Reply, question: GoldQuestion): boolean {
  return reply.citations
    .slice(0, 3)
    .some((citation) =>
      question.any.some(
        (place) => citation.article === place.article && (citation.texts ?? [citation.text]).some((text) => containsFolded(text, place.contains)),
      ),
    );
}

export interface QuestionScore {
  readonly metrics: readonly Metric[];
  readonly misses: readonly string[];
}

/** Asks every question and scores the answers. `minRight` gives each set's target. */
export async function scoreQuestions(
  view: StoryView,
  sets: readonly { readonly name: string; readonly questions: readonly GoldQuestion[]; readonly minRight: number }[],
): Promise<QuestionScore> {
  const metrics: Metric[] = [];
  const misses: string[] = [];
  const stored = new Set<string>();
  for (const article of (await view.articles()).keys()) {
    for (const sentence of (await view.store.getArticle(article))?.analysis.sentences ?? []) stored.add(`${article}#${sentence.text}`);
  }
  let notVerbatim = 0;
  let cited = 0;
  for (const set of sets) {
    let right = 0;
    for (const question of set.questions) {
      const reply = await answerQuestion(question.q, view);
      for (const citation of reply.citations) {
        for (const text of citation.texts ?? [citation.text]) {
          cited += 1;
          if (!stored.has(`${citation.article}#${text}`)) notVerbatim += 1;
        }
      }
      if (answersGold(reply, question)) right += 1;
      else
        misses.push(
          `${set.name}: "${question.q}" → ${
            reply.citations
              .slice(0, 3)
              .map((c) => `[${c.article.slice(0, 3)}] ${c.text.slice(0, 70)}`)
              .join(' | ') || reply.notice
          }`,
        );
    }
    metrics.push(atLeast(`${set.name} right`, right, set.questions.length, set.minRight));
  }
  let unrelatedAnswered = 0;
  for (const question of UNRELATED_QUESTIONS) {
    const reply = await answerQuestion(question, view);
    if (reply.citations.length > 0) {
      unrelatedAnswered += 1;
      misses.push(`unrelated: "${question}" was answered with ${reply.citations[0]?.text.slice(0, 80)}`);
    }
  }
  metrics.push(atMost('Unrelated questions answered', unrelatedAnswered, UNRELATED_QUESTIONS.length, 0));
  metrics.push(atMost('Citations not verbatim', notVerbatim, cited, 0));
  return { metrics, misses };
}
