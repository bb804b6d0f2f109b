/**
 * A corpus ingested once into a database kept between eval runs, so the BBC questions cost
 * seconds, not a re-analysis of 2,000 articles. The file is named by the analysis version and
 * a fingerprint of the corpus (its folder, and every file's path, size and time), so a change
 * to either builds a new one; older builds of the same corpus are deleted. Ingest on a kept
 * database is incremental, so an interrupted build is finished by the next run.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { defaultIngestWorkers } from '../../src/ingest/analysis-pool.ts';
import { ANALYSIS_VERSION } from '../../src/ingest/analysis-version.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { IngestReport } from '../../src/ingest/report.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';

export interface CachedCorpus {
  readonly store: Store;
  readonly file: string;
  /** What the ingest of this run did (all unchanged when the cache was fresh). */
  readonly ingest: IngestReport;
}

/** A fingerprint of every file under `dir`: relative path, size and modification time. */
export function corpusFingerprint(dir: string): string {
  const hash = createHash('sha256').update(resolve(dir));
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) {
        const stat = statSync(path);
        hash.update(`\u0000${relative(dir, path)}\u0000${stat.size}\u0000${Math.trunc(stat.mtimeMs)}`);
      }
    }
  };
  walk(dir);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Opens (building on first use) the cached database of `corpusDir` under `cacheDir`.
 * @example await openCachedCorpus('../shared/corpus/bbc-news', 'data/eval-cache')
 *   → { file: 'data/eval-cache/bbc-news-a2-3f9c….db', store, ingest }
 */
export async function openCachedCorpus(corpusDir: string, cacheDir: string): Promise<CachedCorpus> {
  mkdirSync(cacheDir, { recursive: true });
  const prefix = `${basename(resolve(corpusDir))}-a${ANALYSIS_VERSION}-`;
  const file = join(cacheDir, `${prefix}${corpusFingerprint(corpusDir)}.db`);
  const stale = (name: string) => name.startsWith(`${basename(resolve(corpusDir))}-a`) && !name.startsWith(basename(file));
  for (const name of readdirSync(cacheDir).filter(stale)) rmSync(join(cacheDir, name), { force: true });
  const store = openSqliteStore(file);
  const ingest = await ingestPaths([corpusDir], { store, clock: systemClock, log: silentLogger, workers: defaultIngestWorkers() });
  return { store, file, ingest };
}
