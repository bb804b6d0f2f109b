import { describe, expect, it } from 'vitest';
import { formatFeedback } from '../../scripts/eval/feedback-report.ts';
import type { FeedbackRecord } from '../../src/core/ports/answer-store.ts';

const vote = (overrides: Partial<FeedbackRecord>): FeedbackRecord => ({
  answer: 'k3j9x0a2q1',
  platform: 'slack',
  user: 'U1',
  vote: 'up',
  reason: null,
  at: '2026-03-05T09:00:00.000Z',
  command: 'ask',
  question: 'What did Smith say?',
  citations: [
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
  ],
  ...overrides,
});

describe('the feedback report', () => {
  it('counts the votes and lists each with its question and sources', () => {
    const text = formatFeedback([vote({ vote: 'down', reason: 'wrong-source', user: 'U2' }), vote({})], 'data/briefbot.db');
    expect(text.split('\n')).toEqual([
      'Feedback in data/briefbot.db: 2 votes, 1 👍 and 1 👎 (1 wrong source)',
      '',
      '2026-03-05 09:00  slack U2  👎 wrong source  ask: What did Smith say?',
      '    [1] Daily Courier, 2026-03-01 (uk/001): Prices will rise, Ms Smith said.',
      '2026-03-05 09:00  slack U1  👍  ask: What did Smith say?',
      '    [1] Daily Courier, 2026-03-01 (uk/001): Prices will rise, Ms Smith said.',
    ]);
  });

  it('says where votes will come from when there are none', () => {
    expect(formatFeedback([], 'x.db')).toMatch(/^No feedback yet in x\.db/);
  });
});
