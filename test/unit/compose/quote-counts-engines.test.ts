/**
 * The speakers `quote` counts once and the store keeps (marked for a recount by the write that
 * changes them): on both engines, the overview counted one change at a time is the overview
 * counted from every quotation, and the same on SQLite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.ts';
import { composeQuotes } from '../../../src/core/compose/quotes.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { createStoryView } from '../../../src/core/retrieve/story-view.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { tempFolder } from '../ingest/helpers.ts';
import { freshPostgresStore, withTestDatabase } from '../store/postgres-database.ts';

const SPEAKERS = ['Imogen Farthing', 'Casimir Blackwood', 'Ottoline Marchbank'];

/** Each speaker quoted in a few articles, one quotation carried twice in other words. */
function writeStory(folder: ReturnType<typeof tempFolder>): void {
  SPEAKERS.forEach((name, i) => {
    for (const round of [1, 2, 3].slice(0, i + 1)) {
      const said =
        round === 2
          ? `“Nobody expected the storm to wreck the old pier so badly,” said ${name}, who chairs the board.`
          : `“We will publish the ferry timetable for the island in round ${round},” said ${name}, who chairs the board.`;
      folder.write(`s${i}-${round}.txt`, `Ferry plan ${i} round ${round}\n\nThe board met on Monday about ferry plan ${i}.\n\n${said}\n`);
    }
  });
}

/** What the overview shows: counted as the store keeps it, then after one new article, then counted afresh. */
async function overviews(store: Store, folder: ReturnType<typeof tempFolder>): Promise<{ before: Reply; after: Reply; whole: Reply }> {
  await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
  const before = await composeQuotes({}, createStoryView(store));
  folder.write('s9-1.txt', 'Ferry plan 9\n\n“The harbour fees will fall next spring,” said Casimir Blackwood, who chairs the board.\n');
  await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
  const after = await composeQuotes({}, createStoryView(store));
  await store.saveQuoteSpeakers({ version: 'an older grouping', complete: true, speakers: [], removed: [], counted: [] });
  const whole = await composeQuotes({}, createStoryView(store));
  return { before, after, whole };
}

const speakersOf = (reply: Reply) => (reply.data as { speakers: { name: string; quotes: number }[] }).speakers;

describe('quoted speakers counted one change at a time', () => {
  let sqlite: { before: Reply; after: Reply; whole: Reply };
  beforeAll(async () => {
    const folder = tempFolder();
    const store = openSqliteStore(':memory:');
    try {
      writeStory(folder);
      sqlite = await overviews(store, folder);
    } finally {
      await store.close();
      folder.cleanup();
    }
  });

  it('stand as counted from every quotation, and count a new article’s speaker again', () => {
    expect(sqlite.after).toEqual(sqlite.whole);
    const blackwood = (reply: Reply) => speakersOf(reply).find((s) => s.name === 'Casimir Blackwood')?.quotes;
    expect(blackwood(sqlite.before)).toBe(2);
    expect(blackwood(sqlite.after)).toBe(3);
  });

  it('answer the same when the counts cannot be kept, and are counted again by the next request', async () => {
    const folder = tempFolder();
    const store = openSqliteStore(':memory:');
    try {
      writeStory(folder);
      await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
      let attempts = 0;
      const locked: Store = {
        ...store,
        saveQuoteSpeakers: async () => {
          attempts += 1;
          throw new Error('database is locked');
        },
      };
      expect(await composeQuotes({}, createStoryView(locked))).toEqual(sqlite.before);
      expect(attempts).toBe(1);
      // Nothing was kept: the store still has no counts, and the next request makes them.
      expect((await store.quoteSpeakers()).version).toBeNull();
      expect(await composeQuotes({}, createStoryView(store))).toEqual(sqlite.before);
      expect((await store.quoteSpeakers()).version).not.toBeNull();
    } finally {
      await store.close();
      folder.cleanup();
    }
  });

  withTestDatabase((url) =>
    describe('on PostgreSQL', () => {
      let store: Store;
      let folder: ReturnType<typeof tempFolder>;
      let postgres: { before: Reply; after: Reply; whole: Reply };
      beforeAll(async () => {
        folder = tempFolder();
        writeStory(folder);
        store = await freshPostgresStore(url);
        postgres = await overviews(store, folder);
      });
      afterAll(async () => {
        await store?.close();
        folder?.cleanup();
      });

      it('on PostgreSQL as on SQLite', () => {
        expect(postgres.after).toEqual(postgres.whole);
        expect(speakersOf(postgres.before)).toEqual(speakersOf(sqlite.before));
        expect(speakersOf(postgres.after)).toEqual(speakersOf(sqlite.after));
      });
    }),
  );
});
