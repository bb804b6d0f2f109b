/**
 * Preview edits at most once per interval, the newest value winning, and nothing after close.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { throttledEditor } from '../../../src/adapters/throttled-editor.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('throttledEditor', () => {
  it('shows the first value at once and only the newest of those that arrive within the interval', async () => {
    const shown: string[] = [];
    const editor = throttledEditor(
      async (value: string) => void shown.push(value),
      1_000,
      () => {},
    );
    editor.update('a');
    editor.update('b');
    editor.update('c');
    await vi.advanceTimersByTimeAsync(0);
    expect(shown).toEqual(['a']);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(shown).toEqual(['a', 'c']);
    await editor.close();
  });

  it('drops a waiting value on close and reports a failed edit without stopping', async () => {
    const shown: string[] = [];
    const errors: unknown[] = [];
    let fail = true;
    const editor = throttledEditor(
      async (value: string) => {
        if (fail) {
          fail = false;
          throw new Error('429');
        }
        shown.push(value);
      },
      100,
      (error) => errors.push(error),
    );
    editor.update('a');
    await vi.advanceTimersByTimeAsync(0);
    editor.update('b');
    await vi.advanceTimersByTimeAsync(100);
    editor.update('c');
    await editor.close();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(errors).toHaveLength(1);
    expect(shown).toEqual(['b']);
  });
});
