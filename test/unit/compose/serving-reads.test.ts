/**
 * What `quote`, `who` and the story `brief` read of a story of many speakers: each quotation read
 * is bounded by a speaker, an article or the quotations no entity speaks; a speaker's request
 * reads that speaker's quotations only; none reads the story's article list or its every
 * entity. Counted by a store that tallies the rows each read hands back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeBrief } from '../../../src/core/compose/brief.ts';
import { composeQuotes } from '../../../src/core/compose/quotes.ts';
import { composeWhoCard } from '../../../src/core/compose/who-card.ts';
import type { QuoteFilter, Store } from '../../../src/core/ports/store.ts';
import { createStoryView } from '../../../src/core/retrieve/story-view.ts';
import { ingestPaths } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { systemClock } from '../../../src/core/clock.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { countingStore } from '../../support/counting-store.ts';
import { tempFolder } from '../ingest/helpers.ts';

const GIVEN = ['Anneke', 'Bartosz', 'Corinna', 'Desmond', 'Eulalia', 'Florian'];
const FAMILY = ['Quarrington', 'Ravensworth', 'Stilwell', 'Thistlewood'];
/** 24 speakers, each quoted in two articles of their own. */
const SPEAKERS = GIVEN.flatMap((given) => FAMILY.map((family) => `${given} ${family}`));

/** The store, counting what each read hands back, with each quotation read's filter and rows. */
function counting(store: Store) {
  const { store: wrapped, reads } = countingStore(store);
  // Counting reads a speaker's quotations through `quotationsToCount`: a read by story entity too.
  const quoteReads = () =>
    reads.calls
      .filter((call) => call.method === 'listQuotes' || call.method === 'quotationsToCount')
      .map((call) => ({ filter: (call.method === 'listQuotes' ? (call.args[0] ?? {}) : { speakerId: call.args[0] }) as QuoteFilter, rows: call.rows }));
  return { store: wrapped, reads: { rows: reads.rows, calls: reads.calls, quoteReads } };
}

describe('serving a story of many speakers', () => {
  let store: Store;
  let folder: ReturnType<typeof tempFolder>;
  beforeAll(async () => {
    folder = tempFolder();
    SPEAKERS.forEach((name, i) => {
      for (const round of [1, 2]) {
        const text = [
          `Harbour plan round ${round} for district ${i}`,
          `The district council met on Monday to discuss the harbour plan for district ${i}.`,
          `“We will open the harbour of district ${i} in round ${round} of the works,” said ${name}, who leads the council.`,
          'The plan was welcomed by local traders.',
        ].join('\n\n');
        folder.write(`d${String(i).padStart(2, '0')}-${round}.txt`, `${text}\n`);
      }
    });
    store = openSqliteStore(':memory:');
    await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
  });
  afterAll(async () => {
    await store.close();
    folder.cleanup();
  });

  it('reads quotations a speaker, an article or the unattributed at a time, never the story’s list', async () => {
    const { store: spied, reads } = counting(store);
    const view = createStoryView(spied);
    const all = await composeQuotes({}, view);
    expect((all.data as { speakers: unknown[] }).speakers).toHaveLength(SPEAKERS.length);
    const one = await composeQuotes({ about: 'Desmond Stilwell' }, view);
    expect(one.title).toBe('Quotations by Desmond Stilwell');
    expect(reads.quoteReads().length).toBeGreaterThan(0);
    for (const { filter } of reads.quoteReads()) {
      expect(filter.speakerId !== undefined || filter.unlinked === true || filter.article !== undefined || filter.articles !== undefined).toBe(true);
    }
    // No read gives more than one speaker's two quotations.
    expect(Math.max(...reads.quoteReads().map((read) => read.rows))).toBeLessThanOrEqual(2);
    expect(reads.rows.get('listArticles') ?? 0).toBe(0);
    expect(reads.rows.get('storyEntities') ?? 0).toBe(0);
  });

  it('once the speakers are counted, reads only the quotations of the speaker asked for', async () => {
    const { store: spied, reads } = counting(store);
    const view = createStoryView(spied);
    await composeQuotes({}, view);
    // Counting read every speaker's quotations, one speaker at a time.
    expect(reads.quoteReads().filter((read) => read.filter.speakerId !== undefined)).toHaveLength(SPEAKERS.length);
    reads.calls.length = 0;
    const reply = await composeQuotes({ speaker: 'Florian Thistlewood' }, view);
    // Both articles carry the same words but the round: one quotation, in two wordings.
    expect((reply.data as { total: number }).total).toBe(1);
    expect(reads.quoteReads().reduce((sum, read) => sum + read.rows, 0)).toBeLessThanOrEqual(2);
  });

  it('answers who by the entities its name may name, and the story brief from the newest articles', async () => {
    const { store: spied, reads } = counting(store);
    const view = createStoryView(spied);
    const card = await composeWhoCard('Corinna Ravensworth', view);
    expect(card.title).toBe('Corinna Ravensworth (person)');
    const brief = await composeBrief({}, view);
    expect(brief.citations.length).toBeGreaterThan(0);
    expect(reads.rows.get('storyEntities') ?? 0).toBe(0);
    expect(reads.rows.get('listArticles') ?? 0).toBe(0);
    expect(reads.rows.get('newestArticles') ?? 0).toBeGreaterThan(0);
  });

  it('counts the speakers once for every process, and after a new article only its speaker again', async () => {
    await composeQuotes({}, createStoryView(store));
    // A new process: the counts are the store's, so only the speaker asked for is read.
    const fresh = counting(store);
    const asked = await composeQuotes({ speaker: 'Anneke Quarrington' }, createStoryView(fresh.store));
    expect(asked.title).toBe('Quotations by Anneke Quarrington');
    expect(fresh.reads.quoteReads().reduce((sum, read) => sum + read.rows, 0)).toBeLessThanOrEqual(2);

    folder.write('d99-3.txt', 'Harbour plan round 3\n\n“The harbour must wait for the spring tides,” said Bartosz Ravensworth, who leads the council.\n');
    await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
    const after = counting(store);
    const view = createStoryView(after.store);
    await composeQuotes({ speaker: 'Anneke Quarrington' }, view);
    const recounted = after.reads.quoteReads().filter((read) => read.filter.speakerId !== undefined);
    // The new article's speaker, counted again, and the speaker asked for.
    expect(recounted).toHaveLength(2);
    expect(recounted.map((read) => read.rows).sort()).toEqual([2, 3]);
    const counted = await composeQuotes({}, view);
    const bartosz = (counted.data as { speakers: { name: string; quotes: number }[] }).speakers.find((s) => s.name === 'Bartosz Ravensworth');
    expect(bartosz?.quotes).toBe(2);

    // Counted from every quotation again, the story's speakers stand as counted one change at a time.
    await store.saveQuoteSpeakers({ version: 'an older grouping', complete: true, speakers: [], removed: [], counted: [] });
    const whole = await composeQuotes({}, createStoryView(store));
    expect(whole).toEqual(counted);
  });
});
