/**
 * Builds a small story for composer tests: articles written to a temp folder (with a
 * sources.json when facts are given) and ingested through the real pipeline into memory.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { silentLogger } from '../../../src/core/logger.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';

export interface StoryArticle {
  readonly id: string;
  readonly text: string;
  readonly outlet?: string | null;
  readonly published?: string | null;
  readonly url?: string | null;
}

/** Ingests the articles and returns the store; close it when done. */
export async function ingestStory(articles: readonly StoryArticle[]): Promise<Store> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-story-'));
  try {
    const facts: Record<string, object> = {};
    for (const article of articles) {
      writeFileSync(join(dir, `${article.id}.txt`), article.text);
      facts[`${article.id}.txt`] = { outlet: article.outlet ?? null, published: article.published ?? null, url: article.url ?? null };
    }
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ articles: facts }));
    const store = openSqliteStore(':memory:');
    await ingestPaths([dir], { store, clock: systemClock, log: silentLogger });
    return store;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
