/**
 * Turns an extractive reply into a written one: the writer is given the reply's citations
 * (and more retrieved sentences) as numbered passages, its checked sentences are shown as
 * they arrive, and the written reply is returned with `mode: 'llm'`. When the writer fails
 * (timeout, endpoint down or broken, budget spent) or too little of what it wrote passes the
 * checker, the extractive reply is returned with a short note and `mode: 'extractive'`.
 * Only sentences the checker passed ever reach `progress` or the reply.
 */
import type { Logger } from '../logger.ts';
import type { CheckedProse, ProseOutcome, ProseTask, ProseWriter } from '../ports/writer.ts';
import type { Reply } from '../reply.ts';
import type { StoryView } from '../retrieve/story-view.ts';
import type { Citable } from './citations.ts';
import { gatherPassages, MAX_PASSAGES } from './written-passages.ts';
import { fallbackReply, withModeInData, writtenReply, type FallbackReason } from './written-reply.ts';

export { fallbackNote, withModeInData, type FallbackReason } from './written-reply.ts';

/** Sentences asked for by task: an answer is short, a brief has up to seven points. */
const MAX_SENTENCES: Readonly<Record<ProseTask['kind'], number>> = { answer: 5, summary: 7, digest: 8 };

export interface WritingJob {
  readonly task: ProseTask;
  /** Retrieved sentences the extractive reply does not cite, best first: more for the writer to draw on. */
  readonly material?: readonly Citable[];
  /** Most passages given to the writer (default 16). */
  readonly maxPassages?: number;
}

export interface WritingContext {
  readonly writer: ProseWriter;
  readonly view: StoryView;
  readonly log: Logger;
  /** Called with the reply so far each time a checked sentence arrives. */
  readonly progress?: (partial: Reply) => void;
  readonly signal?: AbortSignal;
}

export interface WritingReport {
  /** The reply to post. */
  readonly reply: Reply;
  /** What the writer did; null when it was not asked (the extractive reply cites nothing). */
  readonly outcome: ProseOutcome | null;
  /** Why the extractive reply was posted, or null when the written one was (or none was asked). */
  readonly fallback: FallbackReason | null;
}

/**
 * The written reply for `extractive`, or the extractive reply with a note.
 * @example
 *   const reply = await writeReply(await answerQuestion(q, view), { task: { kind: 'answer', question: q } },
 *                                  { writer, view, log, progress });
 *   reply.mode // 'llm', or 'extractive' with reply.notice 'Written answer unavailable (timeout); showing quoted sentences.'
 */
export async function writeReply(extractive: Reply, job: WritingJob, context: WritingContext): Promise<Reply> {
  return (await writeWithReport(extractive, job, context)).reply;
}

/** As `writeReply`, with what the writer did: for the eval and for logs. */
export async function writeWithReport(extractive: Reply, job: WritingJob, context: WritingContext): Promise<WritingReport> {
  // Nothing found, or a reply that cites nothing: there is nothing to write from.
  if (extractive.citations.length === 0) return { reply: withModeInData(extractive), outcome: null, fallback: null };
  const { passages, sources } = await gatherPassages(extractive, job.material ?? [], context.view, job.maxPassages ?? MAX_PASSAGES);
  const run = context.writer.write({
    task: job.task,
    passages,
    sources,
    maxSentences: MAX_SENTENCES[job.task.kind],
    ...(context.signal ? { signal: context.signal } : {}),
  });

  const shown: CheckedProse[] = [];
  for await (const sentence of run) {
    shown.push(sentence);
    showProgress(context, writtenReply(extractive, shown, passages));
  }
  const outcome = await run.outcome;
  const fallback = fallbackReason(outcome);
  if (fallback === null && outcome.ok) {
    return { reply: writtenReply(extractive, outcome.result.sentences, passages), outcome, fallback };
  }
  const reason = fallback ?? 'too-few-passed';
  context.log.info(
    {
      reason,
      writer: context.writer.label,
      ...(outcome.ok ? { written: outcome.result.written, passed: outcome.result.passed } : { detail: outcome.failure.detail }),
    },
    'posting the extractive reply instead of a written one',
  );
  return { reply: fallbackReply(extractive, job.task, reason), outcome, fallback: reason };
}

function fallbackReason(outcome: ProseOutcome): FallbackReason | null {
  if (!outcome.ok) return outcome.failure.reason;
  if (outcome.result.declined) return 'declined';
  return outcome.result.enough ? null : 'too-few-passed';
}

/** A progress display that fails must not cost the answer. */
function showProgress(context: WritingContext, partial: Reply): void {
  if (!context.progress) return;
  try {
    context.progress(partial);
  } catch (error) {
    context.log.warn({ err: error }, 'showing progress failed');
  }
}
