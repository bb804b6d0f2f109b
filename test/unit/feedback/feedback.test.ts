import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDBACK_NOTES, handleClick, rememberAnswer } from '../../../src/core/feedback/feedback.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';

const reply: Reply = { parts: [{ kind: 'text', text: 'An answer.', cites: [] }], citations: [] };
let store: Store;
let now = new Date('2026-03-05T09:00:00Z');
const clock = { now: () => now };
beforeEach(() => {
  store = openSqliteStore(':memory:');
  now = new Date('2026-03-05T09:00:00Z');
});
afterEach(() => store.close());

const remember = () => rememberAnswer(store.answers, clock, { platform: 'slack', conversation: null, command: 'ask', question: 'Who?', reply });
const slackUser = (user: string | null) => ({ platform: 'slack', user });

describe('a click on an answer’s buttons', () => {
  it('stores a 👍 once and thanks the voter; a second click is told it already counted', async () => {
    const answer = await remember();
    expect(answer).toMatch(/^[a-z0-9]{10}$/);
    expect((await handleClick({ kind: 'vote', vote: 'up', answer }, slackUser('U1'), store.answers, clock)).reply).toMatchObject({
      notice: FEEDBACK_NOTES.up,
      ephemeral: true,
    });
    expect((await handleClick({ kind: 'vote', vote: 'down', answer }, slackUser('U1'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.already);
    expect(await store.answers.feedback(10)).toHaveLength(1);
  });

  it('offers "wrong source" after a 👎, and records it once', async () => {
    const answer = await remember();
    const down = await handleClick({ kind: 'vote', vote: 'down', answer }, slackUser('U1'), store.answers, clock);
    expect(down).toMatchObject({ reply: { notice: FEEDBACK_NOTES.down }, offerReason: true });
    const reason = { kind: 'reason', reason: 'wrong-source', answer } as const;
    expect((await handleClick(reason, slackUser('U1'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.reason);
    expect((await handleClick(reason, slackUser('U1'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.reasonGiven);
    expect((await handleClick(reason, slackUser('U2'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.reasonFirst);
    expect((await store.answers.feedback(10)).map((f) => [f.user, f.vote, f.reason])).toEqual([['U1', 'down', 'wrong-source']]);
  });

  it('records nothing for a user the platform does not name, an answer no longer kept, or a button of another version', async () => {
    const answer = await remember();
    expect((await handleClick({ kind: 'vote', vote: 'up', answer }, slackUser(null), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.nobody);
    expect((await handleClick({ kind: 'vote', vote: 'up', answer: 'neverkept1' }, slackUser('U1'), store.answers, clock)).reply.notice).toBe(
      FEEDBACK_NOTES.gone,
    );
    expect((await handleClick({ kind: 'old-version' }, slackUser('U1'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.oldVersion);
    expect(await store.answers.feedback(10)).toEqual([]);
  });

  it('pages a kept answer, and forgets answers after thirty days', async () => {
    const answer = await remember();
    expect((await handleClick({ kind: 'more', answer, page: 1 }, slackUser('U1'), store.answers, clock)).pages).toEqual({ reply, page: 1, answer });
    now = new Date('2026-04-10T09:00:00Z');
    await remember();
    expect((await handleClick({ kind: 'more', answer, page: 1 }, slackUser('U1'), store.answers, clock)).reply.notice).toBe(FEEDBACK_NOTES.gone);
  });
});
