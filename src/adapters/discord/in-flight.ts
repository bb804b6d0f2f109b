/**
 * The handlers still running, so the adapter can stop only once answers in flight are
 * posted, and tests can wait for the bot to be done with what it was sent.
 */

export interface InFlight {
  /** Runs `work`, counted until it settles; its failure goes to `onError`, never further. */
  track(work: Promise<unknown>, onError: (error: unknown) => void): void;
  /** Resolves when nothing is running (work started meanwhile is waited for too), or after `timeoutMs`. */
  settled(timeoutMs?: number): Promise<void>;
  readonly size: number;
}

export function inFlight(): InFlight {
  const running = new Set<Promise<unknown>>();
  return {
    track(work, onError) {
      const tracked = work.catch(onError).finally(() => running.delete(tracked));
      running.add(tracked);
    },
    async settled(timeoutMs = Number.POSITIVE_INFINITY) {
      const deadline = Date.now() + timeoutMs;
      while (running.size > 0) {
        const left = deadline - Date.now();
        if (left <= 0) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const timeout = Number.isFinite(left) ? new Promise<void>((resolve) => (timer = setTimeout(resolve, left))) : new Promise<void>(() => {});
        await Promise.race([Promise.allSettled([...running]), timeout]);
        if (timer !== undefined) clearTimeout(timer);
      }
    },
    get size() {
      return running.size;
    },
  };
}
