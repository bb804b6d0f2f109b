/**
 * A write in progress: an async iterable of checked sentences, plus the promise of its final
 * result. The producer runs whether or not anyone iterates, so sentences are buffered; an
 * error ends the iteration (thrown from the loop) and rejects `result` with the same error.
 */

export interface WriteRun<Item, Result> extends AsyncIterable<Item> {
  /** Resolves when the answer is complete; rejects with the error that ended it. */
  readonly result: Promise<Result>;
}

/**
 * Starts `produce`, which emits items as it goes and resolves with the result.
 * @example const run = startRun<string, number>(async (emit) => { emit('a'); return 1; });
 */
export function startRun<Item, Result>(produce: (emit: (item: Item) => void) => Promise<Result>): WriteRun<Item, Result> {
  const items: Item[] = [];
  let finished = false;
  let failure: { error: unknown } | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const result = produce((item) => {
    items.push(item);
    notify();
  }).then(
    (value) => {
      finished = true;
      notify();
      return value;
    },
    (error: unknown) => {
      failure = { error };
      finished = true;
      notify();
      throw error;
    },
  );
  // A caller that only iterates still sees the error from the loop; this keeps the
  // rejection of the unread `result` from being reported as unhandled.
  result.catch(() => {});

  return {
    result,
    async *[Symbol.asyncIterator]() {
      for (;;) {
        if (items.length > 0) {
          yield items.shift()!;
          continue;
        }
        if (failure) throw failure.error;
        if (finished) return;
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
    },
  };
}
