/**
 * Waits that pass when the test says: a reconnect loop's backoff, in virtual time. A minute of
 * outage is then the bot really trying (each attempt a real, failing connection to the fake)
 * at the times its backoff says, without the test waiting a minute.
 *
 *   const waits = new ManualWaits();
 *   await fake.goAway();
 *   await waits.advance(60_000);   // every wait of the next minute ends, in order, each attempt made
 *   await fake.comeBack();
 *   await waits.advance(30_000, () => link.state === 'connected');
 */
import type { Waits } from '../../src/adapters/link/backoff.ts';

interface Sleeper {
  readonly at: number;
  readonly wake: () => void;
}

export class ManualWaits implements Waits {
  #now = 0;
  readonly #sleepers = new Set<Sleeper>();
  /** Every wait asked for, in milliseconds, in order. */
  readonly asked: number[] = [];

  now(): number {
    return this.#now;
  }

  sleep(ms: number, signal: AbortSignal): Promise<void> {
    this.asked.push(ms);
    return new Promise((resolve) => {
      if (signal.aborted) return resolve();
      const sleeper: Sleeper = {
        at: this.#now + ms,
        wake: () => {
          this.#sleepers.delete(sleeper);
          signal.removeEventListener('abort', sleeper.wake);
          resolve();
        },
      };
      this.#sleepers.add(sleeper);
      signal.addEventListener('abort', sleeper.wake, { once: true });
    });
  }

  /** How many loops are waiting now. */
  get waiting(): number {
    return this.#sleepers.size;
  }

  /**
   * Moves time forward by `ms`, ending each wait that falls due, in order, and letting the
   * attempt after it run (until a loop waits again, or `settled` says there is nothing to wait
   * for) before moving on.
   */
  async advance(ms: number, settled: () => boolean = () => false): Promise<void> {
    const until = this.#now + ms;
    for (;;) {
      await this.#until(() => this.#sleepers.size > 0 || settled());
      const next = [...this.#sleepers].sort((a, b) => a.at - b.at)[0];
      if (next === undefined || next.at > until) {
        this.#now = Math.max(this.#now, until);
        return;
      }
      this.#now = next.at;
      next.wake();
      // Let the attempt start before looking for the next wait.
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }

  /** Real time passes until `condition` holds (at most 20 s, which fails the test). */
  async #until(condition: () => boolean): Promise<void> {
    const deadline = Date.now() + 20_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('nothing waited and nothing settled within 20 s of real time');
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
}
