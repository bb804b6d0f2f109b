/**
 * Issue 13's bad input through the whole pipeline: an article that names 5,000 people, a
 * question whose every word is in every sentence, a remark that 40 articles carry. Each is
 * indexed and answered usefully, and what the answer reads is bounded by the answer (counted
 * reads, never time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../src/core/clock.ts';
import { answerQuestion } from '../../../src/core/compose/answer.ts';
import { composeQuotes, MAX_CARRIERS } from '../../../src/core/compose/quotes.ts';
import { composeWhoCard } from '../../../src/core/compose/who-card.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { createStoryView } from '../../../src/core/retrieve/story-view.ts';
import { ingestPaths, relinkStory } from '../../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { countingStore } from '../../support/counting-store.ts';
import { tempFolder } from '../ingest/helpers.ts';
import { analysedArticle, origin, person } from '../store/article-fixture.ts';

const PEOPLE = 5_000;
const SYLLABLES = ['ka', 'lo', 'mir', 'dan', 'vel', 'tor', 'sen', 'bra', 'quin', 'zel', 'rho', 'mat', 'fen', 'gar', 'lis', 'pol'];

/** A made-up name part of `syllables` syllables for `n`. */
function part(n: number, syllables: number): string {
  let word = '';
  let rest = n;
  for (let i = 0; i < syllables; i++) {
    word += SYLLABLES[rest % SYLLABLES.length];
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** 5,000 distinct people: a given name of three syllables, a family name of four. */
const NAMES = Array.from({ length: PEOPLE }, (_, i) => `${part(i, 3)} ${part(i * 7 + 3, 4)}`);

describe('an article that names 5,000 people', () => {
  let store: Store;
  let folder: ReturnType<typeof tempFolder>;
  beforeAll(async () => {
    folder = tempFolder();
    // Five to a paragraph, each in the same words: every sentence holds "attended", "harbour" and "meeting".
    const paragraphs: string[] = [];
    for (let i = 0; i < PEOPLE; i += 5) {
      paragraphs.push(
        NAMES.slice(i, i + 5)
          .map((name) => `Dr ${name} attended the harbour meeting in Leeds on Monday.`)
          .join(' '),
      );
    }
    folder.write('roll-call.txt', `The harbour roll call\n\n${paragraphs.join('\n\n')}\n`);
    store = openSqliteStore(':memory:');
    await ingestPaths([folder.dir], { store, clock: systemClock, log: silentLogger });
  }, 120_000);
  afterAll(async () => {
    await store.close();
    folder.cleanup();
  });

  it('indexes every one of them, and `who` finds one by name without reading them all', async () => {
    expect((await store.storyEntities()).length).toBeGreaterThanOrEqual(PEOPLE);
    const { store: spied, reads } = countingStore(store);
    const name = NAMES[1234] as string;
    const card = await composeWhoCard(name, createStoryView(spied));
    expect(card.title).toContain(name);
    expect(reads.rows.get('storyEntities') ?? 0).toBe(0);
    expect(reads.rows.get('storyEntitiesByKey') ?? 0).toBeLessThan(10);
  });

  it('answers a question every sentence matches with cited sentences, from a bounded search', async () => {
    const { store: spied, reads } = countingStore(store);
    const reply = await answerQuestion('Who attended the harbour meeting?', createStoryView(spied));
    expect(reply.citations.length).toBeGreaterThan(0);
    for (const citation of reply.citations) expect(citation.text).toMatch(/attended the harbour meeting/);
    expect(reads.rows.get('searchSentences') ?? 0).toBeLessThanOrEqual(200);
  });
});

describe('a remark that 40 articles carry', () => {
  const CARRIERS = 40;
  const REMARK = 'The harbour tariff stays in place for every family of this town';
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    const writes = Array.from({ length: CARRIERS }, (_, i) => ({
      article: analysedArticle({
        id: `carrier-${String(i).padStart(2, '0')}`,
        paragraphs: [`Ada Quill spoke in Leeds on day ${i}. Ada Quill said "${REMARK}" to the council.`],
        entities: [person('e1', 'Ada Quill')],
        quotes: [{ text: REMARK, speaker: 'e1', cue: 'said' }],
        hash: `hash-${i}`,
        published: `2020-01-${String(1 + (i % 28)).padStart(2, '0')}`,
      }),
      origin: origin({ textHash: `text-${i}` }),
    }));
    await store.putArticles(writes);
    await relinkStory({ store }, [], silentLogger);
  });
  afterAll(async () => {
    await store.close();
  });

  it('is quoted once, cited in at most MAX_CARRIERS of them, with a note of the cut', async () => {
    const { store: spied, reads } = countingStore(store);
    const reply = await composeQuotes({ speaker: 'Ada Quill' }, createStoryView(spied));
    expect(reply.data).toMatchObject({ total: 1 });
    expect(reply.citations).toHaveLength(MAX_CARRIERS);
    expect(reply.notice).toContain(`more than ${MAX_CARRIERS} articles`);
    expect(reads.rows.get('sentencesAt') ?? 0).toBeLessThanOrEqual(MAX_CARRIERS);
    expect(reads.rows.get('articleSummaries') ?? 0).toBeLessThanOrEqual(MAX_CARRIERS);
  });
});

describe('a speaker with 1,000 quotations', () => {
  const QUOTATIONS = 1_000;
  /** Every 100th remark is about the tariff; the others about works of their own. */
  const remarkOf = (i: number) =>
    i % 100 === 7
      ? `The harbour tariff must fall before the fleet sails in spring ${2000 + i}`
      : `We will finish the ${['bridge', 'school', 'road', 'clinic'][i % 4]} works of ward ${i} soon`;
  let store: Store;
  beforeAll(async () => {
    store = openSqliteStore(':memory:');
    const writes = Array.from({ length: QUOTATIONS }, (_, i) => ({
      article: analysedArticle({
        id: `ward-${String(i).padStart(4, '0')}`,
        paragraphs: [`Ada Quill spoke in Leeds on day ${i}. Ada Quill said "${remarkOf(i)}" to the council.`],
        entities: [person('e1', 'Ada Quill')],
        quotes: [{ text: remarkOf(i), speaker: 'e1', cue: 'said' }],
        hash: `hash-${i}`,
      }),
      origin: origin({ textHash: `text-${i}` }),
    }));
    await store.putArticles(writes);
    await relinkStory({ store }, [], silentLogger);
  }, 120_000);
  afterAll(async () => {
    await store.close();
  });

  it('answers "what did she say about" with her words on it, reading her quotations near the hits, not all of them', async () => {
    const { store: spied, reads } = countingStore(store);
    const reply = await answerQuestion('What did Ada Quill say about the tariff?', createStoryView(spied));
    expect(reply.citations.length).toBeGreaterThan(0);
    for (const part of reply.parts) if (part.kind === 'text' || part.kind === 'quote') expect(part.text).toContain('harbour tariff');
    expect((await store.listQuotes()).length).toBe(QUOTATIONS);
    expect(reads.rows.get('listQuotes') ?? 0).toBeLessThanOrEqual(QUOTATIONS / 4);
    expect(reads.rows.get('sentencesAt') ?? 0).toBeLessThanOrEqual(QUOTATIONS / 2);
  });
});
