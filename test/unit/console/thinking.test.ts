import { describe, expect, it } from 'vitest';
import { withThinking } from '../../../src/adapters/console/thinking.ts';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('the thinking indicator', () => {
  it('shows for a slow answer and erases itself before the answer is printed', async () => {
    let written = '';
    const result = await withThinking({ write: (t: string) => (written += t) }, true, later('answer', 120), { delayMs: 10, frameMs: 20 });
    expect(result).toBe('answer');
    expect(written).toContain('thinking…');
    expect(written.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('shows nothing for a quick answer, or when not on a terminal', async () => {
    let written = '';
    const out = { write: (t: string) => (written += t) };
    await withThinking(out, true, later('quick', 1), { delayMs: 200 });
    await withThinking(out, false, later('slow', 60), { delayMs: 1 });
    expect(written).toBe('');
  });

  it('passes a failure through after erasing itself', async () => {
    let written = '';
    const failing = later(null, 50).then(() => {
      throw new Error('boom');
    });
    await expect(withThinking({ write: (t: string) => (written += t) }, true, failing, { delayMs: 5 })).rejects.toThrow('boom');
    expect(written.endsWith('\r\u001b[2K')).toBe(true);
  });
});
