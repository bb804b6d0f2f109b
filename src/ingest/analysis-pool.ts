/**
 * Analysis on worker threads. Analysis is pure and CPU-bound; writing to SQLite is not
 * thread-safe to share. So the main thread reads, hashes and writes while workers analyse:
 * on two cores that roughly halves the time of a large ingest. Small ingests do not pay for
 * starting workers (see `ingestPaths`).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysedArticle } from '../core/article.ts';
import type { SourceArticle } from './read-article.ts';

export interface WorkerRequest {
  readonly job: number;
  readonly raw: SourceArticle;
  readonly hash: string;
}

export type WorkerReply =
  | { readonly job: number; readonly ok: true; readonly article: AnalysedArticle }
  | { readonly job: number; readonly ok: false; readonly message: string };

export interface AnalysisPool {
  /** Resolves with the analysed article; rejects with the analyser's error message. */
  analyse(raw: SourceArticle, hash: string): Promise<AnalysedArticle>;
  /** Stops every worker; pending analyses reject. */
  close(): Promise<void>;
}

interface Pending {
  readonly resolve: (article: AnalysedArticle) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  readonly pending: Map<number, Pending>;
}

/**
 * One analysis worker per core but one (at least one, at most four): the main thread reads,
 * hashes and writes. One worker per core was measured on the 2-core machine (bench/results.md,
 * "Ingest on every core") and cost 20–30% more CPU for a slower ingest while other work kept the
 * cores busy; pass `workers` to use more.
 */
export function defaultIngestWorkers(): number {
  return Math.max(1, Math.min(4, availableParallelism() - 1));
}

// Compiled (dist/, or dist/bundle/ where bin/build.js puts analysis-worker.js beside every
// chunk), the worker is plain JavaScript; run from the sources (tests, tsx) it needs
// the TypeScript loader registered in the thread first, which the entry file does.
const ENTRY = import.meta.url.endsWith('.ts') ? new URL('./analysis-worker-entry.js', import.meta.url) : new URL('./analysis-worker.js', import.meta.url);

/**
 * A pool of `size` workers; each job goes to the worker with the fewest in flight.
 *
 * @example const pool = createAnalysisPool(2); const article = await pool.analyse(raw, hash); await pool.close();
 */
export function createAnalysisPool(size: number): AnalysisPool {
  let nextJob = 0;
  let closed = false;
  const slots: Slot[] = [];

  const start = (slot: Slot | undefined): Slot => {
    // A smaller young generation than V8's default keeps the worker's resident memory down
    // (about 60 MB less at 10k articles) at no measurable cost in speed.
    const worker = new Worker(ENTRY, { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    const current: Slot = slot ?? { worker, pending: new Map() };
    current.worker = worker;
    worker.on('message', (reply: WorkerReply) => {
      const pending = current.pending.get(reply.job);
      if (!pending) return;
      current.pending.delete(reply.job);
      if (reply.ok) pending.resolve(reply.article);
      else pending.reject(new Error(reply.message));
    });
    let failed = false;
    const fail = (error: Error) => {
      // 'error' is followed by 'exit': replace the worker once.
      if (failed) return;
      failed = true;
      for (const pending of current.pending.values()) pending.reject(error);
      current.pending.clear();
      // A worker that died is replaced, so one bad article does not stop the run.
      if (!closed) start(current);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed && code !== 0) fail(new Error(`analysis worker stopped (exit ${code})`));
    });
    return current;
  };
  for (let i = 0; i < Math.max(1, size); i++) slots.push(start(undefined));

  return {
    analyse(raw, hash) {
      if (closed) return Promise.reject(new Error('the analysis pool is closed'));
      const slot = slots.reduce((best, s) => (s.pending.size < best.pending.size ? s : best));
      const job = nextJob++;
      return new Promise<AnalysedArticle>((resolve, reject) => {
        slot.pending.set(job, { resolve, reject });
        slot.worker.postMessage({ job, raw, hash } satisfies WorkerRequest);
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) {
        for (const pending of slot.pending.values()) pending.reject(new Error('the analysis pool was closed'));
        slot.pending.clear();
      }
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
