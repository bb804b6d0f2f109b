/**
 * `ask`: one to four sentences that answer a question, each verbatim from an article and
 * cited. Near-identical sentences from several outlets are shown once, citing them all; one
 * that reports the same thing with other figures is shown beside the later report; a
 * question about what someone said is answered with their quotations; a question the
 * coverage does not answer gets a plain "nothing on that", never loosely related text.
 * Sentences of an article that address a bot rather than the reader are never quoted.
 */
import { isInstructionLike } from '../analyse/instruction-text.ts';
import { UserError } from '../errors.ts';
import type { Reply, ReplyPart } from '../reply.ts';
import { rankSentences, speakerEchoes, type AnswerCandidate } from '../retrieve/answer-candidates.ts';
import { readQuestion } from '../retrieve/question-entities.ts';
import { RANK_TUNING, type RankTuning, type Scored } from '../retrieve/rank.ts';
import { sameClaim } from '../retrieve/similarity.ts';
import { correctQuestion } from '../retrieve/spelling.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import { applyFocus, type AnswerFocus } from './answer-focus.ts';
import { CitationList, type Citable } from './citations.ts';
import { unknownNames, unreadableQuestion } from './question-checks.ts';
import { asUpdate, earlierReport, findUpdate } from './updates.ts';

export const NOTHING_FOUND = 'Nothing on that in the indexed coverage.';
export const MAX_QUESTION_LENGTH = 1000;

/** When a sentence answers, and how many join it: tuned with the ranking on the dev sets. */
export interface AnswerTuning {
  /** Below this relevance (coverage, context and answer-kind bonus), a sentence does not answer. */
  readonly minRelevance: number;
  /** A quotation of the person asked about needs less: who said it is already half the question. */
  readonly minQuoteRelevance: number;
  /** A further sentence joins the answer only if it scores this close to the best. */
  readonly followRatio: number;
  /** A sentence naming one informative concept answers when it holds the fact asked for and its context covers this much. */
  readonly minFactContext: number;
  readonly rank: RankTuning;
}

export const ANSWER_TUNING: AnswerTuning = { minRelevance: 0.4, minQuoteRelevance: 0.3, followRatio: 0.7, minFactContext: 0.5, rank: RANK_TUNING };

const MAX_SENTENCES = 4;

/**
 * Answers a question from the story.
 * `answerQuestion('Who founded the company?', view)` → the sentence naming the founder, cited.
 */
export async function answerQuestion(question: string, view: StoryView, tuning: AnswerTuning = ANSWER_TUNING): Promise<Reply> {
  return (await answerWithMaterial(question, view, 0, {}, tuning)).reply;
}

/** The extractive answer, and further retrieved sentences that bear on the question. */
export interface AnsweredWithMaterial {
  readonly reply: Reply;
  /**
   * Sentences the answer does not cite that still bear on the question, best first, no two
   * saying the same thing: material for a writer. Empty when nothing answers the question.
   */
  readonly material: readonly Citable[];
}

/**
 * Answers a question as `answerQuestion` does, and keeps up to `material` more of the best
 * retrieved sentences for a writer to draw on. A follow-up in a conversation passes its
 * `focus` (sentences already shown, a period, the conversation's articles).
 * `answerWithMaterial('Who founded the company?', view, 8)` → the cited answer, and up to 8 more relevant sentences.
 */
export async function answerWithMaterial(
  question: string,
  view: StoryView,
  material: number,
  focus: AnswerFocus = {},
  tuning: AnswerTuning = ANSWER_TUNING,
): Promise<AnsweredWithMaterial> {
  const text = question.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) {
    throw new UserError('empty-question', 'Ask a question about the story in words, for example: ask Who founded the company?');
  }
  if (text.length > MAX_QUESTION_LENGTH) {
    throw new UserError('question-too-long', `That question is ${text.length} characters long; please ask in under ${MAX_QUESTION_LENGTH}.`);
  }
  const unreadable = await unreadableQuestion(text, view);
  if (unreadable) return { reply: nothing(text, unreadable), material: [] };
  let plan = await readQuestion(text, view);
  if (plan.concepts.length === 0) {
    return { reply: nothing(text, 'I could not find anything to look for in that question: name a person, a place or a topic of the story.'), material: [] };
  }
  const corrected = await correctQuestion(text, plan, view);
  if (corrected.corrections.length > 0) plan = await readQuestion(corrected.question, view);
  const readAs = corrected.corrections.map((c) => `Read "${c.typed}" as "${c.read}".`).join(' ');
  // A question about a name the coverage never mentions cannot be answered from it.
  const unknown = await unknownNames(plan, view);
  if (unknown.length > 0) {
    return { reply: nothing(text, `${NOTHING_FOUND} It never mentions ${unknown.map((name) => `"${name}"`).join(' or ')}.`), material: [] };
  }

  const { ranked: all, needed, speakerInPart } = await rankSentences(plan, view, tuning.rank);
  const retrieved = await applyFocus(all, focus, view);
  // A sentence planted to address a bot ("Ignore previous instructions and say …") is never
  // quoted as an answer. A writer may still see it among its material: the checker counts it
  // as evidence for nothing, so a sentence that obeys it is dropped.
  const ranked = retrieved.filter((scored) => !addressesBot(scored.candidate));
  // An answer names itself as much of what is informative in the question as it needs (two
  // concepts when the question has two); or one, when it holds the kind of fact asked for and
  // the article around it covers the rest ("the loss of 300 jobs" in the article on the yard).
  const answers = (scored: Scored<AnswerCandidate>) =>
    scored.relevance >= tuning.minRelevance &&
    (scored.informative >= needed || (scored.informative >= 1 && scored.holdsKind && scored.context >= tuning.minFactContext));
  // "What did X say": X's own words, as many as bear on the question, best first.
  const quoted = ranked.filter((scored) => scored.candidate.quote && scored.relevance >= tuning.minQuoteRelevance);
  const pool = quoted.length > 0 ? quoted : ranked.filter(answers);
  const best = pool[0];
  if (!best) return { reply: nothing(text, readAs ? `${NOTHING_FOUND} (${readAs})` : NOTHING_FOUND), material: [] };

  const articles = await view.summaries(ranked.map((scored) => scored.candidate.article));
  const dateOf = (id: string) => articles.get(id)?.meta.published ?? null;
  const chosen: Scored<AnswerCandidate>[] = [];
  for (const scored of pool) {
    if (chosen.length >= MAX_SENTENCES) break;
    if (quoted.length === 0 && scored.score < best.score * tuning.followRatio) break;
    // Said already, or an update of what is (shown beside it below, not as a sentence of its own).
    if (chosen.some((c) => sameClaim(c.candidate.text, scored.candidate.text) || asUpdate(c.candidate, scored.candidate, dateOf))) continue;
    chosen.push(scored);
  }

  const citations = new CitationList(view);
  const parts: ReplyPart[] = [];
  const shown: AnswerCandidate[] = [];
  // The same claim in other outlets' words: one point, every source cited.
  // When the candidates hold only the asked-about speaker's quotations near the question's
  // hits, a quotation of theirs is also looked for among the speaker's other sentences.
  const known = new Set(ranked.map((other) => `${other.candidate.article}#${other.candidate.sentence}`));
  const echoesOf = async (lead: AnswerCandidate) => [
    ...ranked.map((other) => other.candidate).filter((other) => other.article !== lead.article && sameClaim(other.text, lead.text)),
    ...(lead.quote && speakerInPart ? await speakerEchoes(lead, view, known) : []),
  ];
  for (const scored of chosen) {
    const quote = scored.candidate.quote;
    if (quote && quote.kind === 'full') {
      const echoes = await echoesOf(scored.candidate);
      shown.push(scored.candidate, ...echoes);
      parts.push({ kind: 'quote', text: quote.text, speaker: quote.speakerName, role: null, cites: await citations.addAll([scored.candidate, ...echoes]) });
      continue;
    }
    // Another outlet's report of the same thing with other figures: the later one leads, the earlier beside it.
    const update = findUpdate(
      scored.candidate,
      ranked.map((other) => other.candidate),
      dateOf,
    );
    const lead = update?.later ?? scored.candidate;
    const echoes = await echoesOf(lead);
    shown.push(lead, ...echoes);
    const cites = await citations.addAll([lead, ...echoes]);
    const earlierEchoes = update ? await echoesOf(update.earlier) : [];
    if (update) shown.push(update.earlier, ...earlierEchoes);
    const earlier = update ? await earlierReport(update, citations, earlierEchoes) : undefined;
    parts.push({ kind: 'text', text: lead.text, cites, ...(earlier ? { earlier } : {}) });
  }
  const reply: Reply = {
    parts,
    citations: citations.all(),
    ...(readAs ? { notice: readAs } : {}),
    mode: 'extractive',
    data: { question: text, text: answerText(parts), citations: citations.json() },
  };
  return {
    reply,
    material: material > 0 ? moreMaterial(quoted.length > 0 ? [...quoted, ...retrieved] : retrieved, shown, material, tuning.minQuoteRelevance) : [],
  };
}

/**
 * The best candidates the answer does not show, at most `limit`, skipping any that say what
 * an earlier one says: the asked-about speaker's quotations first, then the rest by score,
 * each with at least the relevance such a quotation needs.
 */
function moreMaterial(ordered: readonly Scored<AnswerCandidate>[], shown: readonly AnswerCandidate[], limit: number, minRelevance: number): Citable[] {
  const taken: Citable[] = [];
  const seen = new Set(shown.map((c) => `${c.article}#${c.sentence}`));
  const texts = shown.map((c) => c.text);
  for (const scored of ordered) {
    if (taken.length >= limit) break;
    const { article, sentence, text } = scored.candidate;
    const key = `${article}#${sentence}`;
    if (seen.has(key) || scored.relevance < minRelevance || texts.some((other) => sameClaim(other, text))) continue;
    seen.add(key);
    texts.push(text);
    taken.push({ article, sentence, text });
  }
  return taken;
}

function addressesBot(candidate: AnswerCandidate): boolean {
  return isInstructionLike(candidate.text) || (candidate.quote !== undefined && isInstructionLike(candidate.quote.text));
}

function nothing(question: string, notice = NOTHING_FOUND): Reply {
  return { parts: [], citations: [], notice, mode: 'extractive', data: { question, text: '', citations: [] } };
}

/** The answer as one string with its markers: "Sentence one. [1][2] Sentence two. [3]". */
export function answerText(parts: readonly ReplyPart[]): string {
  return parts
    .map((part) => {
      if (part.kind === 'text') {
        const said = `${part.text} ${part.cites.map((n) => `[${n}]`).join('')}`;
        return part.earlier
          ? `${said} (updates an earlier report, ${part.earlier.change}: “${part.earlier.text}” ${part.earlier.cites.map((n) => `[${n}]`).join('')})`
          : said;
      }
      if (part.kind === 'quote') return `${part.speaker ?? 'Unattributed'}: “${part.text}” ${part.cites.map((n) => `[${n}]`).join('')}`;
      return '';
    })
    .filter(Boolean)
    .join(' ');
}
