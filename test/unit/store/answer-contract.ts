/**
 * The AnswerStore contract (answers posted on chat platforms, and the votes on them): every
 * Store engine must pass it. Call `answerStoreContract('engine name', factory)`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/reply.ts';
import type { NewAnswer } from '../../../src/core/ports/answer-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import type { StoreFactory } from './contract.ts';

const AT = '2026-03-05T09:00:00.000Z';
const LATER = '2026-03-05T09:05:00.000Z';

const reply: Reply = {
  parts: [{ kind: 'text', text: 'Prices will rise, Ms Smith said.', cites: [1] }],
  citations: [
    {
      n: 1,
      article: 'uk/001',
      outlet: 'Daily Courier',
      title: 'Prices',
      published: '2026-03-01',
      url: null,
      text: 'Prices will rise, Ms Smith said.',
      sentence: 3,
    },
  ],
  mode: 'extractive',
};

const answer = (id = 'a1', at = AT): NewAnswer => ({
  id,
  platform: 'slack',
  conversation: 'slack:T1:C1:1.0',
  command: 'ask',
  question: 'What did Smith say?',
  reply,
  at,
});

export function answerStoreContract(engine: string, factory: StoreFactory): void {
  describe(`the ${engine} store's answers and feedback`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('gives back an answer whole, with its citations in the JSON contract', async () => {
      await store.answers.saveAnswer(answer());
      const stored = await store.answers.answer('a1');
      expect(stored).toMatchObject({ id: 'a1', platform: 'slack', conversation: 'slack:T1:C1:1.0', command: 'ask', question: 'What did Smith say?', at: AT });
      expect(stored?.reply).toEqual(reply);
      expect(stored?.citations).toEqual([
        {
          n: 1,
          article: 'uk/001',
          outlet: 'Daily Courier',
          title: 'Prices',
          published: '2026-03-01',
          url: null,
          text: 'Prices will rise, Ms Smith said.',
          texts: ['Prices will rise, Ms Smith said.'],
        },
      ]);
      expect(await store.answers.answer('a2')).toBeNull();
    });

    it('stores one vote per person per answer, however often they click', async () => {
      await store.answers.saveAnswer(answer());
      const vote = { answer: 'a1', platform: 'slack', user: 'U1', vote: 'up' as const, at: AT };
      expect(await store.answers.vote(vote)).toBe('stored');
      expect(await store.answers.vote(vote)).toBe('already-voted');
      expect(await store.answers.vote({ ...vote, vote: 'down', at: LATER })).toBe('already-voted');
      expect(await store.answers.vote({ ...vote, user: 'U2' })).toBe('stored');
      expect(await store.answers.vote({ ...vote, platform: 'discord' })).toBe('stored');
      const votes = await store.answers.feedback(10);
      expect(votes).toHaveLength(3);
      expect(votes.filter((v) => v.user === 'U1' && v.platform === 'slack')).toEqual([
        {
          answer: 'a1',
          platform: 'slack',
          user: 'U1',
          vote: 'up',
          reason: null,
          at: AT,
          command: 'ask',
          question: 'What did Smith say?',
          citations: expect.any(Array),
        },
      ]);
    });

    it('refuses a vote on an answer it does not keep', async () => {
      expect(await store.answers.vote({ answer: 'gone', platform: 'slack', user: 'U1', vote: 'up', at: AT })).toBe('unknown-answer');
      expect(await store.answers.feedback(10)).toEqual([]);
    });

    it('adds "wrong source" to a person’s own 👎, once, and to nothing else', async () => {
      await store.answers.saveAnswer(answer());
      const reason = { answer: 'a1', platform: 'slack', user: 'U1', reason: 'wrong-source', at: LATER };
      expect(await store.answers.addReason(reason)).toBe('no-down-vote');
      await store.answers.vote({ answer: 'a1', platform: 'slack', user: 'U2', vote: 'up', at: AT });
      expect(await store.answers.addReason({ ...reason, user: 'U2' })).toBe('no-down-vote');
      await store.answers.vote({ answer: 'a1', platform: 'slack', user: 'U1', vote: 'down', at: AT });
      expect(await store.answers.addReason(reason)).toBe('stored');
      expect(await store.answers.addReason(reason)).toBe('already-given');
      expect((await store.answers.feedback(10)).find((v) => v.user === 'U1')?.reason).toBe('wrong-source');
    });

    it('forgets answers, and their votes, given before a time', async () => {
      await store.answers.saveAnswer(answer('old', AT));
      await store.answers.saveAnswer(answer('new', LATER));
      await store.answers.vote({ answer: 'old', platform: 'slack', user: 'U1', vote: 'up', at: AT });
      expect(await store.answers.pruneAnswers('2026-03-05T09:01:00.000Z')).toBe(1);
      expect(await store.answers.answer('old')).toBeNull();
      expect(await store.answers.answer('new')).not.toBeNull();
      expect(await store.answers.feedback(10)).toEqual([]);
    });
  });
}
