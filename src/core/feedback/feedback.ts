/**
 * Answers remembered for paging and feedback, and what a click on their buttons does: a 👍 or
 * 👎 stored once per person per answer (a 👎 then asks whether a source was wrong), the next
 * page of a long answer. Every outcome, including the odd ones (a second click, a button from
 * an older version, an answer no longer kept, a user the platform does not name), is a short
 * private reply; nothing is stored twice and nothing throws for the user's sake.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../clock.ts';
import type { Reply } from '../reply.ts';
import type { AnswerStore } from '../ports/answer-store.ts';
import type { AnswerAction } from './answer-actions.ts';

/** How long answers are kept for their buttons to work. */
export const ANSWERS_KEPT_DAYS = 30;

export interface AnswerFacts {
  readonly platform: string;
  readonly conversation: string | null;
  readonly command: string;
  readonly question: string | null;
  readonly reply: Reply;
}

/** A new answer id: ten characters of base 36, random. */
function newAnswerId(): string {
  return [...randomBytes(10)].map((byte) => (byte % 36).toString(36)).join('');
}

/**
 * Keeps an answer for its buttons, and forgets those past `ANSWERS_KEPT_DAYS`; returns its id.
 * @example await rememberAnswer(store.answers, clock, { platform: 'slack', command: 'ask', … }) → 'k3j9x0a2q1'
 */
export async function rememberAnswer(answers: AnswerStore, clock: Clock, facts: AnswerFacts): Promise<string> {
  const id = newAnswerId();
  const now = clock.now();
  await answers.saveAnswer({ id, ...facts, at: now.toISOString() });
  await answers.pruneAnswers(new Date(now.getTime() - ANSWERS_KEPT_DAYS * 86_400_000).toISOString());
  return id;
}

/** What a click comes to: a private note, and whether to offer the "wrong source" button with it. */
export interface ClickResult {
  readonly reply: Reply;
  readonly offerReason?: boolean;
  /** The answer the click was about, when it names one. */
  readonly answer?: string;
  /** Set for "more": the stored reply to page through, from `page`. */
  readonly pages?: { readonly reply: Reply; readonly page: number; readonly answer: string };
}

const note = (notice: string): Reply => ({ parts: [], citations: [], notice, ephemeral: true });

export const FEEDBACK_NOTES = {
  up: 'Thanks for the 👍.',
  down: 'Thanks for the 👎. Was a source wrong?',
  already: 'You have already voted on this answer: one vote each.',
  gone: `That answer is no longer kept (answers are kept for ${ANSWERS_KEPT_DAYS} days), so nothing was recorded; ask again for a fresh one.`,
  nobody: 'I cannot tell who you are here, so the vote was not recorded.',
  reason: 'Noted: a wrong source. Thank you.',
  reasonFirst: 'Vote 👎 on the answer first, then say what was wrong.',
  reasonGiven: 'You have already said what was wrong with this answer.',
  oldVersion: 'That button is from an earlier version of briefbot and no longer works; ask again for a fresh answer.',
  unknown: 'That button is not one of briefbot’s.',
} as const;

/**
 * Does what a click on an answer's button asks.
 * @example await handleClick({ kind: 'vote', vote: 'up', answer: 'k3j9x0a2q1' }, { platform: 'slack', user: 'U1' }, store.answers, clock)
 *   → { reply: { notice: 'Thanks for the 👍.', ephemeral: true, … } }
 */
export async function handleClick(
  action: AnswerAction,
  who: { readonly platform: string; readonly user: string | null },
  answers: AnswerStore,
  clock: Clock,
): Promise<ClickResult> {
  const at = clock.now().toISOString();
  switch (action.kind) {
    case 'old-version':
      return { reply: note(FEEDBACK_NOTES.oldVersion) };
    case 'unknown':
      return { reply: note(FEEDBACK_NOTES.unknown) };
    case 'more': {
      const stored = await answers.answer(action.answer);
      if (!stored) return { reply: note(FEEDBACK_NOTES.gone) };
      return { reply: note(''), answer: action.answer, pages: { reply: stored.reply, page: action.page, answer: action.answer } };
    }
    case 'vote': {
      if (!who.user) return { reply: note(FEEDBACK_NOTES.nobody) };
      const outcome = await answers.vote({ answer: action.answer, platform: who.platform, user: who.user, vote: action.vote, at });
      if (outcome === 'unknown-answer') return { reply: note(FEEDBACK_NOTES.gone) };
      if (outcome === 'already-voted') return { reply: note(FEEDBACK_NOTES.already) };
      return action.vote === 'up'
        ? { reply: note(FEEDBACK_NOTES.up), answer: action.answer }
        : { reply: note(FEEDBACK_NOTES.down), offerReason: true, answer: action.answer };
    }
    case 'reason': {
      if (!who.user) return { reply: note(FEEDBACK_NOTES.nobody) };
      const outcome = await answers.addReason({ answer: action.answer, platform: who.platform, user: who.user, reason: action.reason, at });
      if (outcome === 'no-down-vote') return { reply: note(FEEDBACK_NOTES.reasonFirst) };
      if (outcome === 'already-given') return { reply: note(FEEDBACK_NOTES.reasonGiven) };
      return { reply: note(FEEDBACK_NOTES.reason) };
    }
  }
}
