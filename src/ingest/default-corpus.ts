/**
 * A fresh database answers from the default corpus (`seeds/`, or BRIEFBOT_CORPUS) rather than
 * from nothing: the CLI and `npm start` index it first when the store is empty, and say so.
 */
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Store } from '../core/ports/store.ts';

export interface DefaultCorpusDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Where each line for the person waiting goes (stderr for the CLI and the bot). */
  readonly say: (line: string) => void;
}

/**
 * Indexes `corpus` when the store has no articles; does nothing otherwise. Returns whether it
 * indexed. Says what it is doing, the summary, and every file it skipped with the reason.
 *
 * @example await indexDefaultCorpusIfEmpty('/app/seeds', { store, clock, log, say })
 *   says 'no articles indexed yet; indexing /app/seeds first', then '5 added, … (5 articles indexed, 0.4 s)'
 */
export async function indexDefaultCorpusIfEmpty(corpus: string, deps: DefaultCorpusDeps): Promise<boolean> {
  if ((await deps.store.countArticles()) > 0) return false;
  deps.say(`no articles indexed yet; indexing ${corpus} first`);
  // Loaded only now: the ingest pipeline (date parsing, analysis) takes longer to load than a
  // CLI answer from a full index takes altogether.
  const [{ ingestPaths }, { defaultIngestWorkers }, { summariseReport }] = await Promise.all([
    import('./ingest.ts'),
    import('./analysis-pool.ts'),
    import('./report.ts'),
  ]);
  const report = await ingestPaths([corpus], { store: deps.store, clock: deps.clock, log: deps.log, workers: defaultIngestWorkers() });
  deps.say(summariseReport(report));
  for (const skipped of report.skipped) deps.say(`skipped ${skipped.path}: ${skipped.reason}`);
  return true;
}
