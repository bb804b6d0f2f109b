import { describe, expect, it } from 'vitest';
import { MAX_NONCE_LENGTH, postNonce } from '../../../src/adapters/discord/channel-poster.ts';
import { runKey } from '../../../src/schedule/delivery.ts';

describe('postNonce', () => {
  const range = { fromSeq: 40, toSeq: 52 };
  const key = runKey({ subscription: 12, slot: '2026-06-01T08:00:00.000Z' }, range);

  it('names a run the same every time, so any process retrying it sends the same nonce', () => {
    expect(postNonce(key, 0)).toBe(postNonce(runKey({ subscription: 12, slot: '2026-06-01T08:00:00.000Z' }, { fromSeq: 40, toSeq: 52 }), 0));
  });

  it('names a retry that carries newer articles anew, so Discord does not swallow it as a repeat', () => {
    expect(postNonce(key, 0)).not.toBe(postNonce(runKey({ subscription: 12, slot: '2026-06-01T08:00:00.000Z' }, { fromSeq: 40, toSeq: 53 }), 0));
  });

  it('differs between the parts of a post, between slots and between subscriptions', () => {
    const nonces = [
      postNonce(key, 0),
      postNonce(key, 1),
      postNonce(runKey({ subscription: 12, slot: '2026-06-01T09:00:00.000Z' }, range), 0),
      postNonce(runKey({ subscription: 13, slot: '2026-06-01T08:00:00.000Z' }, range), 0),
    ];
    expect(new Set(nonces).size).toBe(4);
  });

  it('fits Discord: a string of at most 25 characters', () => {
    expect(MAX_NONCE_LENGTH).toBe(25);
    expect(postNonce(key, 9).length).toBeLessThanOrEqual(25);
    expect(postNonce('x'.repeat(500), 0)).toMatch(/^[0-9a-f]{25}$/);
  });
});
