/**
 * Edits of one message, at most one per interval: Discord rate-limits edits (about five per
 * five seconds per channel), and a reader gains nothing from more. While an edit is in
 * flight or the interval has not passed, only the newest value waits; older ones are dropped.
 */

export interface ThrottledEditor<T> {
  /** Shows `value` now if the last edit began long enough ago, otherwise as soon as it may. */
  update(value: T): void;
  /** No more edits: a waiting value is dropped; resolves once an edit in flight has ended. */
  close(): Promise<void>;
}

/**
 * An editor calling `show` at most once per `intervalMs`. A failed `show` goes to `onError`
 * and does not stop later edits.
 *
 * @example const editor = throttledEditor(show, 1000, log); editor.update(a); editor.update(b); editor.update(c)
 *   → show(a) at once, show(c) one second later; b is never shown
 */
export function throttledEditor<T>(show: (value: T) => Promise<void>, intervalMs: number, onError: (error: unknown) => void): ThrottledEditor<T> {
  let lastStart = Number.NEGATIVE_INFINITY;
  let waiting: { readonly value: T } | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let inFlight: Promise<void> | undefined;
  let closed = false;

  const schedule = (): void => {
    if (closed || waiting === undefined || inFlight !== undefined || timer !== undefined) return;
    const wait = lastStart + intervalMs - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = undefined;
        schedule();
      }, wait);
      return;
    }
    const { value } = waiting;
    waiting = undefined;
    lastStart = Date.now();
    inFlight = show(value)
      .catch(onError)
      .finally(() => {
        inFlight = undefined;
        schedule();
      });
  };

  return {
    update(value) {
      if (closed) return;
      waiting = { value };
      schedule();
    },
    async close() {
      closed = true;
      waiting = undefined;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
    },
  };
}
