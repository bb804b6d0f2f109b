/**
 * The fake's memory of what the client did: every REST request in arrival order, and a way
 * to wait until something shows up without polling or sleeping in tests.
 */
import type { RecordedRequest } from './types.ts';

interface Waiter {
  check(): void;
  cancel(reason: Error): void;
}

export class Recorder {
  readonly requests: RecordedRequest[] = [];
  #waiters = new Set<Waiter>();
  #seq = 0;

  /** The next request's sequence number, taken when it arrives. */
  nextSeq(): number {
    this.#seq += 1;
    return this.#seq;
  }

  record(request: RecordedRequest): void {
    this.requests.push(request);
    this.requests.sort((a, b) => a.seq - b.seq);
    this.notify();
  }

  /** Re-checks every waiter: call after anything a waiter may look at has changed. */
  notify(): void {
    for (const waiter of [...this.#waiters]) waiter.check();
  }

  /**
   * Resolves with `find()`'s first defined result, checked now and after every change;
   * rejects after `timeoutMs` with `describe()` in the message so a failing test says what
   * the fake saw instead.
   */
  waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = find();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter: Waiter = {
        check: () => {
          const result = find();
          if (result === undefined) return;
          this.#waiters.delete(waiter);
          clearTimeout(timer);
          resolve(result);
        },
        cancel: (reason) => {
          this.#waiters.delete(waiter);
          clearTimeout(timer);
          reject(reason);
        },
      };
      const timer = setTimeout(() => {
        waiter.cancel(new Error(`fake discord: nothing matched within ${timeoutMs} ms; ${describe()}`));
      }, timeoutMs);
      this.#waiters.add(waiter);
    });
  }

  /** Fails every pending wait: the fake is stopping. */
  cancelAll(): void {
    for (const waiter of [...this.#waiters]) waiter.cancel(new Error('fake discord: stopped while a test was waiting'));
  }

  /** `POST /channels/:channelId/messages → 200, …` for error messages. */
  summary(): string {
    const lines = this.requests.map((r) => `${r.method} ${r.path} → ${r.status}`);
    return lines.length ? `requests so far: ${lines.join(', ')}` : 'no requests so far';
  }
}
