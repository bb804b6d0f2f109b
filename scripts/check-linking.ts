/**
 * Compares linking one article at a time with linking the whole story, on a real corpus:
 * ingests FOLDER once (linked whole), then writes its articles one at a time, linked, into a
 * second store in two orders (by id, and shuffled), and after each order prints how the stored
 * story differs from linking all its articles at once. Prints the time of the linked writes.
 * Usage: run-ts.js scripts/check-linking.ts FOLDER [FOLDER…]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { linkStoryEntities } from '../src/core/analyse/entity-linking.ts';
import { systemClock } from '../src/core/clock.ts';
import { silentLogger } from '../src/core/logger.ts';
import { ingestPaths } from '../src/ingest/ingest.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../src/core/ports/store.ts';

const folders = process.argv.slice(2);
if (folders.length === 0) throw new Error('usage: check-linking.ts FOLDER [FOLDER…]');
const dir = mkdtempSync(join(tmpdir(), 'briefbot-check-linking-'));

/** How the stored story differs from the whole-story linking of its articles: entities and links. */
async function differences(store: Store, file: string): Promise<{ entities: string[]; links: number; total: number; regrouped: number }> {
  const whole = linkStoryEntities(await store.listArticleEntities());
  const stored = new Map((await store.storyEntities()).map((entity) => [entity.id, entity]));
  const entities: string[] = [];
  for (const entity of whole.entities) {
    const row = stored.get(entity.id);
    stored.delete(entity.id);
    if (!row) entities.push(`missing ${entity.id} (${entity.name}, ${entity.articles.length} articles)`);
    else if (row.name !== entity.name || row.kind !== entity.kind || JSON.stringify(row.aliases) !== JSON.stringify(entity.aliases))
      entities.push(`differs ${entity.id}`);
  }
  for (const [id, row] of stored) entities.push(`extra ${id} (${row.name}, ${row.articleCount} articles)`);
  const db = new Database(file, { readonly: true });
  const links = new Map(
    (db.prepare('SELECT article, entity_key, story_entity FROM entity_links').all() as { article: string; entity_key: string; story_entity: string }[]).map(
      (l) => [`${l.article}\u0000${l.entity_key}`, l.story_entity],
    ),
  );
  db.close();
  let differ = 0;
  for (const [key, id] of whole.links) if (links.get(key) !== id) differ++;
  // The same groups under other ids (a -2 suffix given in another order) are the same linking.
  const groups = (pairs: Iterable<[string, string]>) => {
    const byId = new Map<string, string[]>();
    for (const [key, id] of pairs) byId.set(id, [...(byId.get(id) ?? []), key]);
    return new Set([...byId.values()].map((keys) => keys.sort().join('\n')));
  };
  const wholeGroups = groups(whole.links);
  const storedGroups = groups(links);
  const regrouped = [...wholeGroups].filter((group) => !storedGroups.has(group)).length;
  return { entities, links: differ, total: whole.links.size, regrouped };
}

/** A fixed shuffle, so two runs compare the same order. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 13;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

try {
  const source = openSqliteStore(join(dir, 'whole.db'));
  await ingestPaths(folders, { store: source, clock: systemClock, log: silentLogger, incrementalLinking: 0 });
  const ids = (await source.listArticles()).map((a) => a.id);
  console.log(`${ids.length} articles`);
  for (const [name, order] of [
    ['by id', ids],
    ['shuffled', shuffled(ids)],
  ] as const) {
    const file = join(dir, `${name.replace(' ', '-')}.db`);
    const store = openSqliteStore(file);
    let ms = 0;
    const times: number[] = [];
    for (const id of order) {
      const article = (await source.getArticle(id))!;
      const started = performance.now();
      await store.putArticle(
        { ...article, hash: id },
        { root: '/check', textHash: id, analysisVersion: article.analysisVersion, at: article.changedAt },
        { link: true },
      );
      const took = performance.now() - started;
      ms += took;
      times.push(took);
    }
    times.sort((a, b) => a - b);
    const found = await differences(store, file);
    console.log(
      `${name}: ${found.entities.length} entities and ${found.links} of ${found.total} links differ from the whole-story linking (${found.regrouped} entities with other members); linked writes ${Math.round(ms)} ms in all, median ${times[times.length >> 1]!.toFixed(1)} ms, max ${times[times.length - 1]!.toFixed(0)} ms; needs a whole relink: ${await store.needsLinking()}`,
    );
    for (const line of found.entities.slice(0, 20)) console.log(`  ${line}`);
    await store.close();
  }
  await source.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
