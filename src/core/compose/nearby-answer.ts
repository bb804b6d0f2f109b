/**
 * A bare "why?", "when?" or "how much?" after an answer asks about what that answer said, and
 * the reason, date or amount usually stands in the same article, a sentence or two away from
 * the one cited. This looks there first: sentences near the last answer's citations that hold
 * the kind of fact asked for, nearest and most on the subject first.
 */
import type { SourceRef } from '../conversation/turns.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import type { AnswerKind } from '../retrieve/query.ts';
import { holdsAnswerKind } from '../retrieve/answer-kinds.ts';
import { sameClaim } from '../retrieve/similarity.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { contentStems } from '../retrieve/terms.ts';
import type { SentenceHit } from '../ports/store.ts';
import { shownKey } from './answer-focus.ts';
import { answerText } from './answer.ts';
import { CitationList } from './citations.ts';

/** How far from a cited sentence the answer to a follow-up is looked for. */
const NEAR = 3;
const MAX_SENTENCES = 2;
/** Kinds whose answers a sentence marks (an amount, a date, a reason word). */
const MARKED: ReadonlySet<AnswerKind> = new Set(['amount', 'date', 'reason']);

export interface NearbyRequest {
  readonly question: string;
  readonly kind: AnswerKind;
  /** The subject's words: a nearby sentence that shares them is more on the subject. */
  readonly subject: string;
  readonly from: readonly SourceRef[];
  /** Sentences already shown (`shownKey`). */
  readonly exclude: ReadonlySet<string>;
}

/**
 * The answer found near the last answer's citations, or null when none there holds the kind
 * of fact asked for (the caller then asks the whole story).
 * @example answerNearby({ question: 'Why Joan Smith, prices?', kind: 'reason', from: [uk/001#3], … }, view)
 *   → uk/001#4 "The rise follows a jump in fuel costs." cited
 */
export async function answerNearby(request: NearbyRequest, view: StoryView): Promise<Reply | null> {
  if (!MARKED.has(request.kind)) return null;
  const cited = await citedSentences(request.from, view);
  if (cited.length === 0) return null;
  const near = new Set(cited.flatMap(({ hit }) => Array.from({ length: 2 * NEAR + 1 }, (_, k) => `${hit.article}#${hit.sentence - NEAR + k}`)));
  const subject = contentStems(request.subject);
  const scored = cited
    .flatMap(({ all }) => all)
    .filter(
      (hit) =>
        near.has(`${hit.article}#${hit.sentence}`) &&
        hit.kind !== 'heading' &&
        !request.exclude.has(shownKey(hit.article, hit.text)) &&
        holds(request.kind, hit.text),
    )
    .map((hit) => ({
      hit,
      score: score(
        hit,
        cited.map((c) => c.hit),
        subject,
      ),
    }))
    .sort((a, b) => b.score - a.score || a.hit.article.localeCompare(b.hit.article) || a.hit.sentence - b.hit.sentence);
  const chosen: SentenceHit[] = [];
  for (const { hit, score: value } of scored) {
    if (chosen.length >= MAX_SENTENCES || value < (scored[0]?.score ?? 0) * 0.8) break;
    if (!chosen.some((c) => c.article === hit.article && c.sentence === hit.sentence) && !chosen.some((c) => sameClaim(c.text, hit.text))) chosen.push(hit);
  }
  if (chosen.length === 0) return null;
  const citations = new CitationList(view);
  const parts: ReplyPart[] = [];
  for (const hit of chosen) parts.push({ kind: 'text', text: hit.text, cites: [await citations.add(hit)] });
  return {
    parts,
    citations: citations.all(),
    mode: 'extractive',
    data: { question: request.question, text: answerText(parts), citations: citations.json(), mode: 'extractive' },
  };
}

/**
 * Every sentence the last answer cited, with all the sentences of its article: a reply cites
 * an article once, with the texts of its sentences, so their places are read from the article.
 */
async function citedSentences(from: readonly SourceRef[], view: StoryView): Promise<{ hit: SentenceHit; all: readonly SentenceHit[] }[]> {
  const articles = await view.summaries(from.map((source) => source.article));
  const found: { hit: SentenceHit; all: readonly SentenceHit[] }[] = [];
  for (const source of from) {
    const count = articles.get(source.article)?.sentences ?? 0;
    if (count === 0) continue;
    const all = await view.store.sentencesAt(Array.from({ length: count }, (_, sentence) => ({ article: source.article, sentence })));
    for (const text of source.texts) {
      const hit = all.find((h) => h.text === text);
      if (hit) found.push({ hit, all });
    }
  }
  return found;
}

/** Whether a sentence holds the fact asked for; a year is a date, not an amount ("filed in 1999"). */
function holds(kind: AnswerKind, text: string): boolean {
  return holdsAnswerKind(kind, kind === 'amount' ? text.replace(/\b(?:1[89]|20)\d\d\b/g, '') : text);
}

/** Nearer to a cited sentence, and sharing more of the subject's words, is better. */
function score(hit: SentenceHit, cited: readonly SentenceHit[], subject: ReadonlySet<string>): number {
  const distance = Math.min(...cited.filter((c) => c.article === hit.article).map((c) => Math.abs(c.sentence - hit.sentence)));
  const stems = contentStems(hit.text);
  const shared = subject.size === 0 ? 0 : [...subject].filter((s) => stems.has(s)).length / subject.size;
  return 1 / (1 + distance) + shared;
}
