/**
 * The whole-story relink that ends a first ingest, alone, in its own process so its peak memory
 * is its own: opens the index DB_FILE (a copy: it is written), empties its story entities and
 * links when `--fresh` is given (as a first ingest finds them), relinks the whole story and
 * prints one JSON line with the wall and CPU seconds and the peak RSS.
 * Usage: run-ts.js scripts/bench/relink.ts DB_FILE [--fresh]
 */
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { silentLogger } from '../../src/core/logger.ts';
import { relinkStory } from '../../src/ingest/ingest.ts';
import { openBenchStore } from './bench-store.ts';

const [dbFile, flag] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: relink.ts DB_FILE [--fresh]');
if (flag === '--fresh') {
  const db = new Database(dbFile);
  // Every table at once, without foreign keys: a cascade from each entity would scan the tables
  // that have no index by entity once per entity.
  db.exec(`PRAGMA foreign_keys = OFF; DELETE FROM entity_links; DELETE FROM story_entity_names; DELETE FROM story_entity_roles;
    DELETE FROM story_entity_keys; DELETE FROM story_entity_tally; DELETE FROM story_entities; UPDATE story_link_state SET stale = 1`);
  db.close();
}

const store = await openBenchStore(dbFile);
const started = performance.now();
const cpuBefore = process.cpuUsage();
const warnings: { path: string; message: string }[] = [];
await relinkStory({ store }, warnings, silentLogger);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
const peakRssMb = process.resourceUsage().maxRSS / 1024;
const entities = (await store.storyEntities()).length;
await store.close();
process.stdout.write(`${JSON.stringify({ seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRssMb, entities, warnings })}\n`);
