import { describe, expect, it } from 'vitest';
import { decodeAction, encodeAction } from '../../../src/core/feedback/answer-actions.ts';

describe('the payload of a button under an answer', () => {
  it('reads back what it was written from', () => {
    for (const action of [
      { kind: 'vote', vote: 'up', answer: 'k3j9x0a2q1' },
      { kind: 'vote', vote: 'down', answer: 'k3j9x0a2q1' },
      { kind: 'reason', reason: 'wrong-source', answer: 'k3j9x0a2q1' },
      { kind: 'more', answer: 'k3j9x0a2q1', page: 3 },
    ] as const) {
      const payload = encodeAction(action);
      expect(payload.length).toBeLessThanOrEqual(100);
      expect(decodeAction(payload)).toEqual(action);
    }
  });

  it('knows a button of an older version of briefbot, and one that is not briefbot’s', () => {
    expect(decodeAction('bb0:up:k3j9x0a2q1')).toEqual({ kind: 'old-version' });
    expect(decodeAction('bb7:more:k3j9x0a2q1:1')).toEqual({ kind: 'old-version' });
    for (const payload of [
      '',
      'feedback_up',
      'bb1:up:',
      'bb1:up:K3J9!',
      'bb1:sideways:k3j9x0a2q1',
      'bb1:more:k3j9x0a2q1',
      'bb1:up:k3j9x0a2q1:2',
      `bb1:up:${'a'.repeat(500)}`,
    ]) {
      expect(decodeAction(payload), payload).toEqual({ kind: 'unknown' });
    }
  });
});
