/**
 * Linking one article at a time (the write's `link` option) gives the story the whole-story
 * linking gives, on every engine: in any order of arrival, through changes, removals and
 * duplicates, and after a write that was not linked. Call `linkingContract` from an engine's
 * test file with a store and a second connection to read its rows.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Entity } from '../../../src/core/article.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { relinkStory } from '../../../src/ingest/ingest.ts';
import { storyLinkerInPasses } from '../../../src/core/analyse/story-passes.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';
import { countsDifferingFromLinks, differencesFromWholeLinking, generated, type StoryRows } from './linking-fixture.ts';

/** A fresh store, a reader of its rows, and how to close both. */
export interface LinkingStore {
  readonly store: Store;
  readonly rows: StoryRows;
  close(): Promise<void>;
}

export function linkingContract(engine: string, open: () => Promise<LinkingStore>): void {
  describe(`linking one article at a time on ${engine}`, () => {
    let opened: LinkingStore;
    let store: Store;
    let spy: StoryRows;

    beforeEach(async () => {
      opened = await open();
      store = opened.store;
      spy = opened.rows;
    });

    afterEach(async () => {
      await opened.close();
    });

    it('gives the story the whole-story linking gives, in any order of arrival, changes and removals', async () => {
      // Ids arrive out of order, so an article often sorts before those already linked.
      const order = Array.from({ length: 240 }, (_, n) => (n * 97) % 240);
      for (const i of order) await store.putArticle(generated(i), origin(), { link: true });
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);

      // A changed article that now names others, and an article removed.
      await store.putArticle({ ...generated(17, [301, 5, 333]), hash: 'changed' }, origin(), { link: true });
      await store.markRemoved(['gen/00042', 'gen/00043'], '2024-05-02T00:00:00.000Z', { link: true });
      await store.putDuplicate(
        { id: 'gen/00044', path: '/x', root: '/corpus', hash: 'h', textHash: 't', duplicateOf: 'gen/00045', at: '2024-05-02T00:00:00.000Z' },
        { link: true },
      );
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
      expect(await store.needsLinking()).toBe(false);
      // 240 writes, each linked in its own transaction: on a busy PostgreSQL server, more than the default 30 s.
    }, 180_000);

    it('gives the whole-story linking, counts included, when every article arrives after those before it (linked by its keys)', async () => {
      // Each new article sorts last: most are linked from the keys of what they name alone.
      for (let i = 0; i < 240; i++) await store.putArticle(generated(i), origin(), { link: true });
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
      expect(await countsDifferingFromLinks(spy)).toEqual([]);
      expect(await store.needsLinking()).toBe(false);
    }, 180_000);

    it('separates two people once a second one with the same surname arrives, and joins them again when it goes', async () => {
      const lone = person('p0', 'Vel');
      const story = (id: string, entities: Entity[]) =>
        analysedArticle({ id, paragraphs: [`${entities.map((e) => e.name).join(' and ')} spoke.`], entities, hash: id });
      await store.putArticle(story('a', [person('p0', 'Ada Vel')]), origin(), { link: true });
      await store.putArticle(story('b', [lone]), origin(), { link: true });
      const linkOf = {
        get: async (article: string, key: string) =>
          (await spy('SELECT article, entity_key, story_entity FROM entity_links')).find((row) => row.article === article && row.entity_key === key)
            ?.story_entity,
      };
      expect(await linkOf.get('b', 'p0')).toBe('person:ada-vel');
      await store.putArticle(story('c', [person('p0', 'Hugo Vel')]), origin(), { link: true });
      expect(await linkOf.get('b', 'p0')).toBe('person:vel');
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
      await store.markRemoved(['c'], '2024-05-02T00:00:00.000Z', { link: true });
      expect(await linkOf.get('b', 'p0')).toBe('person:ada-vel');
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    });

    it('marks the story for a whole relink when written without linking, and links one at a time again after it', async () => {
      await store.putArticle(generated(1), origin(), { link: true });
      await store.putArticle(generated(2), origin());
      expect(await store.needsLinking()).toBe(true);
      // While the story waits for a whole relink, a linked write only keeps it marked.
      await store.putArticle(generated(3), origin(), { link: true });
      expect(await store.needsLinking()).toBe(true);
      await relinkStory({ store }, [], silentLogger);
      expect(await store.needsLinking()).toBe(false);
      await store.putArticle(generated(4), origin(), { link: true });
      expect(await store.needsLinking()).toBe(false);
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
    });

    it('relinks a story written without linking as linking it whole would, in two reads of its entities', async () => {
      for (let i = 0; i < 120; i++) await store.putArticle(generated(i), origin());
      expect(await store.needsLinking()).toBe(true);
      await relinkStory({ store }, [], silentLogger);
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
      expect(await countsDifferingFromLinks(spy)).toEqual([]);
      expect(await store.needsLinking()).toBe(false);
    }, 180_000);

    it('leaves an article written between the two reads of a relink unlinked, and the story marked for the next', async () => {
      for (let i = 0; i < 20; i++) await store.putArticle(generated(i), origin());
      const linker = storyLinkerInPasses();
      for await (const article of store.eachArticleEntities()) linker.add(article);
      await store.putArticle(generated(20), origin());
      await store.saveLinkedStory(linker.finish());
      const linked = new Set((await spy('SELECT article, entity_key, story_entity FROM entity_links')).map((row) => row.article));
      expect(linked.has('gen/00019')).toBe(true);
      expect(linked.has('gen/00020')).toBe(false);
      expect(await store.needsLinking()).toBe(true);
      await relinkStory({ store }, [], silentLogger);
      expect(await differencesFromWholeLinking(store, spy)).toEqual([]);
      expect(await store.needsLinking()).toBe(false);
    }, 180_000);
  });
}
