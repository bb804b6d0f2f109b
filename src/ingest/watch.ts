/**
 * Watching a folder of articles (BRIEFBOT_WATCH): when files change, they are ingested after
 * a quiet spell (an editor or a copy writes a file in several steps), one ingest at a time;
 * changes during an ingest start one more after it. The next digest sees what was added,
 * through the store's content sequence, with no restart.
 */
import { watch, type FSWatcher } from 'node:fs';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Store } from '../core/ports/store.ts';
import { ingestPaths } from './ingest.ts';
import type { IngestReport } from './report.ts';

export interface WatcherOptions {
  readonly folder: string;
  readonly services: { readonly store: Store; readonly clock: Clock; readonly log: Logger };
  /** Quiet time after the last change before ingesting, in milliseconds (default 1000). */
  readonly debounceMs?: number;
  /** Told after each ingest the watcher ran (tests await it). */
  readonly onIngested?: (report: IngestReport) => void;
}

export interface Watcher {
  /** Stops watching and waits for an ingest in flight. */
  stop(): Promise<void>;
}

/**
 * Starts watching `folder` (recursively where the platform can).
 *
 * @example const watcher = startWatcher({ folder: '/srv/articles', services }); … await watcher.stop();
 */
export function startWatcher(options: WatcherOptions): Watcher {
  const log = options.services.log.child({ component: 'watch', folder: options.folder });
  const debounceMs = options.debounceMs ?? 1000;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  const ingest = async (): Promise<void> => {
    do {
      again = false;
      try {
        const report = await ingestPaths([options.folder], options.services);
        log.info({ added: report.added.length, updated: report.updated.length, removed: report.removed.length }, 'watched folder ingested');
        options.onIngested?.(report);
      } catch (error) {
        log.error({ err: error }, 'ingesting the watched folder failed');
      }
    } while (again && !stopped);
  };

  const fire = () => {
    timer = null;
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = ingest().finally(() => (running = null));
  };

  const changed = () => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(fire, debounceMs);
  };

  let watcher: FSWatcher;
  try {
    watcher = watch(options.folder, { recursive: true }, changed);
  } catch {
    // Recursive watching is missing on some platforms and Node versions: the top folder still works.
    watcher = watch(options.folder, changed);
  }
  watcher.on('error', (error) => log.error({ err: error }, 'watching the folder failed'));
  log.info({}, 'watching for new articles');

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      watcher.close();
      await running;
    },
  };
}
