import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.ts';
import { startWatcher, type Watcher } from '../../../src/ingest/watch.ts';
import type { IngestReport } from '../../../src/ingest/report.ts';
import { pendingDigest } from '../../../src/schedule/digest-content.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { SEED } from './helpers.ts';

const SEEDS = join(import.meta.dirname, '../../../seeds');
let dir: string;
let store: Store;
let watcher: Watcher | undefined;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'briefbot-watch-'));
  store = openSqliteStore(':memory:');
});
afterEach(async () => {
  await watcher?.stop();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the watched folder', () => {
  it('ingests new articles after they are written, and the next digest sees them', async () => {
    const reports: IngestReport[] = [];
    let notify: () => void = () => {};
    const next = () => new Promise<void>((done) => (notify = done));
    watcher = startWatcher({
      folder: dir,
      services: { store, clock: { now: () => new Date() }, log: silentLogger },
      debounceMs: 50,
      onIngested: (report) => {
        reports.push(report);
        if (report.added.length > 0) notify();
      },
    });
    let ingested = next();
    copyFileSync(join(SEEDS, `${SEED.scmp2014}.txt`), join(dir, `${SEED.scmp2014}.txt`));
    await ingested;
    expect(await store.countArticles()).toBe(1);
    const digest = await pendingDigest(store, { watermark: null, topic: null });
    expect(digest.articles).toBe(1);

    ingested = next();
    copyFileSync(join(SEEDS, `${SEED.et2019}.txt`), join(dir, `${SEED.et2019}.txt`));
    await ingested;
    const later = await pendingDigest(store, { watermark: digest.toSeq, topic: null });
    expect(later.cited).toEqual([SEED.et2019]);
  });

  it('stops watching when stopped', async () => {
    let runs = 0;
    watcher = startWatcher({
      folder: dir,
      services: { store, clock: { now: () => new Date() }, log: silentLogger },
      debounceMs: 10_000,
      onIngested: () => {
        runs += 1;
      },
    });
    copyFileSync(join(SEEDS, `${SEED.scmp2014}.txt`), join(dir, `${SEED.scmp2014}.txt`));
    await watcher.stop();
    watcher = undefined;
    expect(runs).toBe(0);
    expect(await store.countArticles()).toBe(0);
  });
});
