/** The seed story (seeds/) indexed into memory through the real pipeline, for composer tests. */
import { resolve } from 'node:path';
import { PROJECT_ROOT } from '../../../src/config.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';

export async function seedStore(): Promise<Store> {
  const store = openSqliteStore(':memory:');
  await ingestPaths([resolve(PROJECT_ROOT, 'seeds')], { store, clock: systemClock, log: silentLogger });
  return store;
}
