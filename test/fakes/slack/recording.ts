/**
 * An append-only list that a test can wait on: `waitFor(predicate)` resolves with the
 * first entry, already recorded or yet to come, that matches.
 */

interface Waiter<T> {
  readonly predicate: (entry: T) => boolean;
  readonly resolve: (entry: T) => void;
  readonly cancel: () => void;
}

export class Recording<T> {
  private readonly entries: T[] = [];
  private readonly waiters = new Set<Waiter<T>>();

  constructor(private readonly describe: (entry: T) => string) {}

  push(entry: T): void {
    this.entries.push(entry);
    for (const waiter of [...this.waiters]) {
      if (waiter.predicate(entry)) {
        this.waiters.delete(waiter);
        waiter.resolve(entry);
      }
    }
  }

  all(): readonly T[] {
    return [...this.entries];
  }

  get length(): number {
    return this.entries.length;
  }

  /**
   * Resolves with the first matching entry; rejects after `timeoutMs` with the list of
   * what was recorded, so a failing test shows what happened instead.
   */
  waitFor(predicate: (entry: T) => boolean, timeoutMs: number, what: string): Promise<T> {
    const found = this.entries.find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        const seen = this.entries.map(this.describe).join(', ') || 'nothing';
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; recorded: ${seen}`));
      }, timeoutMs);
      const waiter: Waiter<T> = {
        predicate,
        resolve: (entry) => {
          clearTimeout(timer);
          resolve(entry);
        },
        cancel: () => {
          clearTimeout(timer);
          reject(new Error(`the fake stopped while waiting for ${what}`));
        },
      };
      this.waiters.add(waiter);
    });
  }

  /** Rejects every pending wait (on shutdown) so no timer outlives the fake. */
  cancelWaits(): void {
    for (const waiter of this.waiters) waiter.cancel();
    this.waiters.clear();
  }
}
