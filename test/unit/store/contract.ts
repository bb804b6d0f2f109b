/**
 * The Store contract: every engine (SQLite and PostgreSQL) must pass this suite.
 * Call `storeContract('engine name', factory)` from the engine's test file; each test gets a
 * fresh, empty store from the factory and closes it afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnalysedArticle } from '../../../src/core/article.ts';
import type { SentenceQuery, Store } from '../../../src/core/ports/store.ts';
import { analysedArticle, origin, person } from './article-fixture.ts';
import { storyOf } from './story-fixture.ts';

export type StoreFactory = () => Store | Promise<Store>;

const williamson = person('e1', 'Gavin Williamson', ['Mr Williamson', 'Williamson', 'the Defence Secretary'], ['defence secretary']);
/** The story with both articles' Williamson linked as one speaker, s1. */
const williamsonLinked = () =>
  storyOf([
    {
      id: 's1',
      entity: williamson,
      members: [
        ['uk/001', 'e1'],
        ['uk/002', 'p1'],
      ],
    },
  ]);

function firstArticle(overrides: Partial<Parameters<typeof analysedArticle>[0]> = {}): AnalysedArticle {
  return analysedArticle({
    id: 'uk/001',
    paragraphs: ['The minister voiced concerns about the network. “We must look closely,” Mr Williamson said.', 'Officials at the café declined to comment.'],
    entities: [williamson],
    quotes: [{ text: 'We must look closely,', speaker: 'e1', cue: 'said' }],
    ...overrides,
  });
}

function secondArticle(): AnalysedArticle {
  return analysedArticle({
    id: 'uk/002',
    paragraphs: ['Williamson repeated that the firm was a risk. “It is a grave matter,” he told MPs.'],
    entities: [person('p1', 'Williamson', ['he'])],
    quotes: [{ text: 'It is a grave matter,', speaker: 'p1', cue: 'told' }],
  });
}

export function storeContract(engine: string, factory: StoreFactory): void {
  describe(`the ${engine} store`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('starts empty', async () => {
      expect(await store.countArticles()).toBe(0);
      expect(await store.listArticles()).toEqual([]);
      expect((await store.fingerprints()).size).toBe(0);
      expect(await store.listQuotes()).toEqual([]);
      expect(await store.storyEntities()).toEqual([]);
    });

    it('gives back an article exactly as it was written', async () => {
      const article = firstArticle();
      await store.putArticle(article, origin());
      const stored = await store.getArticle('uk/001');
      expect(stored).not.toBeNull();
      expect(stored!.meta).toEqual(article.meta);
      expect(stored!.clean).toEqual(article.clean);
      expect(stored!.analysis).toEqual(article.analysis);
      expect(stored!.analysisVersion).toBe(1);
    });

    it('lists current articles by id with their sentence and quote counts', async () => {
      await store.putArticle(secondArticle(), origin({ textHash: 't2' }));
      await store.putArticle(firstArticle(), origin({ textHash: 't1' }));
      const list = await store.listArticles();
      expect(list.map((a) => a.id)).toEqual(['uk/001', 'uk/002']);
      expect(list[0]).toMatchObject({ sentences: 3, quotes: 1, titleMade: false, meta: { outlet: 'The Test Times', published: '2020-01-02' } });
      expect(list[0]!.firstSeen).toBe('2024-05-01T10:00:00.000Z');
      expect(await store.countArticles()).toBe(2);
    });

    it('gives the newest articles by date published, then first seen, undated last, within the limit', async () => {
      const put = (id: string, published: string | null, at: string) =>
        store.putArticle(analysedArticle({ id, paragraphs: [`Story ${id} opens here.`], published }), origin({ textHash: `t-${id}`, at }));
      await put('a/1', '2020-01-02', '2024-05-01T10:00:00.000Z');
      await put('a/2', '2020-03-01', '2024-05-01T09:00:00.000Z');
      await put('a/3', null, '2024-05-03T10:00:00.000Z');
      await put('a/4', '2020-01-02', '2024-05-02T10:00:00.000Z');
      await put('a/5', '2020-01-02', '2024-05-02T10:00:00.000Z');
      await store.markRemoved(['a/2'], '2024-05-04T10:00:00.000Z');
      expect((await store.newestArticles(10)).map((a) => a.id)).toEqual(['a/4', 'a/5', 'a/1', 'a/3']);
      expect((await store.newestArticles(2)).map((a) => a.id)).toEqual(['a/4', 'a/5']);
    });

    it('says a title was made from the text only when no title was stated', async () => {
      const untitled = firstArticle();
      const made = { ...untitled, clean: { ...untitled.clean, title: 'Made from text', titleMade: true } };
      await store.putArticle({ ...made, meta: { ...made.meta, title: 'Made from text' } }, origin());
      expect((await store.listArticles())[0]!.titleMade).toBe(true);
      await store.putArticle({ ...made, meta: { ...made.meta, title: 'A stated title' } }, origin());
      const [summary] = await store.listArticles();
      expect(summary!.titleMade).toBe(false);
      expect(summary!.meta.title).toBe('A stated title');
      expect((await store.getArticle('uk/001'))!.clean).toMatchObject({ title: 'Made from text', titleMade: true });
    });

    it('records each id with its fingerprint, origin and status', async () => {
      await store.putArticle(firstArticle({ hash: 'h1' }), origin({ root: '/news', textHash: 't1' }));
      expect((await store.fingerprints()).get('uk/001')).toEqual({
        id: 'uk/001',
        path: '/corpus/uk/001.txt',
        hash: 'h1',
        textHash: 't1',
        root: '/news',
        status: 'current',
        duplicateOf: null,
      });
    });

    it('replaces every part of an article when it is written again', async () => {
      await store.putArticle(firstArticle(), origin({ at: '2024-05-01T10:00:00.000Z' }));
      const changed = firstArticle({ paragraphs: ['A wholly different report about broadband.'], quotes: [], entities: [] });
      await store.putArticle(changed, origin({ at: '2024-06-01T10:00:00.000Z' }));
      const stored = await store.getArticle('uk/001');
      expect(stored!.analysis.sentences.map((s) => s.text)).toEqual(['A wholly different report about broadband.']);
      expect(stored!.analysis.quotes).toEqual([]);
      expect(stored!.analysis.entities).toEqual([]);
      expect(await store.listQuotes()).toEqual([]);
      expect(await store.searchSentences({ terms: ['minister'] })).toEqual([]);
      expect((await store.searchSentences({ terms: ['broadband'] })).map((h) => h.article)).toEqual(['uk/001']);
      expect(stored!.firstSeen).toBe('2024-05-01T10:00:00.000Z');
      expect(stored!.changedAt).toBe('2024-06-01T10:00:00.000Z');
    });

    it('leaves the previous version whole when a write fails half-way', async () => {
      await store.putArticle(firstArticle(), origin());
      const replacement = firstArticle({ paragraphs: ['Nothing of this may be kept.'], quotes: [], entities: [] });
      // Events are written last: failing there means everything before them must roll back.
      const failing = {
        ...replacement,
        analysis: {
          ...replacement.analysis,
          get events(): never {
            throw new Error('disk on fire');
          },
        },
      };
      await expect(store.putArticle(failing as AnalysedArticle, origin())).rejects.toThrow('disk on fire');
      const stored = await store.getArticle('uk/001');
      expect(stored!.analysis.sentences[0]!.text).toBe('The minister voiced concerns about the network.');
      expect(await store.searchSentences({ terms: ['kept'] })).toEqual([]);
      expect(await store.listQuotes()).toHaveLength(1);
    });

    describe('batch writes', () => {
      const texts = ['The harbour reopened on Monday.', 'Dockers voted on the harbour deal.', 'A ferry left the harbour late.'];
      const batch = (ids: readonly string[]) =>
        ids.map((id, i) => ({ article: analysedArticle({ id, paragraphs: [texts[i % texts.length]!] }), origin: origin({ textHash: `t-${id}` }) }));

      it('write several articles as writing them one by one would', async () => {
        await store.putArticles(batch(['b', 'a', 'c']));
        const other = await factory();
        try {
          for (const entry of batch(['b', 'a', 'c'])) await other.putArticle(entry.article, entry.origin);
          expect(await store.listArticles()).toEqual(await other.listArticles());
          for (const id of ['a', 'b', 'c']) expect(await store.getArticle(id)).toEqual(await other.getArticle(id));
          expect(await store.searchSentences({ terms: ['harbour'] })).toEqual(await other.searchSentences({ terms: ['harbour'] }));
          expect(await store.termStatistics(['harbour', 'ferri'])).toEqual(await other.termStatistics(['harbour', 'ferri']));
          expect(await store.articleChanges(0, 10)).toEqual(await other.articleChanges(0, 10));
        } finally {
          await other.close();
        }
        expect(await store.articleChanges(0, 10)).toEqual([
          { id: 'b', sequence: 1 },
          { id: 'a', sequence: 2 },
          { id: 'c', sequence: 3 },
        ]);
      });

      it('write a later entry for the same id over an earlier one, numbering each new text', async () => {
        const [first] = batch(['a']);
        const changed = { article: analysedArticle({ id: 'a', paragraphs: ['The quay was rebuilt.'] }), origin: origin({ textHash: 't-a2' }) };
        await store.putArticles([first!, changed]);
        expect((await store.getArticle('a'))!.analysis.sentences.map((s) => s.text)).toEqual(['The quay was rebuilt.']);
        expect(await store.searchSentences({ terms: ['harbour'] })).toEqual([]);
        expect(await store.articleChanges(0, 10)).toEqual([{ id: 'a', sequence: 2 }]);
      });

      it('write none of a batch when one of its articles fails', async () => {
        await store.putArticle(firstArticle(), origin());
        const entries = batch(['a', 'b']);
        const failing = {
          ...entries[1]!.article,
          analysis: {
            ...entries[1]!.article.analysis,
            get events(): never {
              throw new Error('disk on fire');
            },
          },
        } as AnalysedArticle;
        const replaced = { article: firstArticle({ paragraphs: ['Nothing of this may be kept.'], quotes: [], entities: [] }), origin: origin() };
        await expect(store.putArticles([replaced, entries[0]!, { ...entries[1]!, article: failing }])).rejects.toThrow('disk on fire');
        expect((await store.listArticles()).map((a) => a.id)).toEqual(['uk/001']);
        expect((await store.getArticle('uk/001'))!.analysis.sentences[0]!.text).toBe('The minister voiced concerns about the network.');
        expect(await store.searchSentences({ terms: ['harbour'] })).toEqual([]);
        expect(await store.contentSequence()).toBe(1);
      });
    });

    it('records a duplicate without serving it', async () => {
      await store.putArticle(firstArticle(), origin({ textHash: 'same' }));
      await store.putDuplicate({
        id: 'uk/copy',
        path: '/corpus/uk/copy.txt',
        root: '/corpus',
        hash: 'hc',
        textHash: 'same',
        duplicateOf: 'uk/001',
        at: '2024-05-01T10:00:00.000Z',
      });
      expect((await store.fingerprints()).get('uk/copy')).toMatchObject({ status: 'duplicate', duplicateOf: 'uk/001', hash: 'hc' });
      expect(await store.getArticle('uk/copy')).toBeNull();
      expect(await store.countArticles()).toBe(1);
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['uk/001']);
    });

    it('records several duplicates in one write, as one write each would, the last of an id counting', async () => {
      await store.putArticle(firstArticle(), origin({ textHash: 'a' }));
      const alone = (await store.termStatistics([])).sentences;
      await store.putArticle(secondArticle(), origin({ textHash: 'b' }));
      const copy = (id: string, hash: string, duplicateOf: string) => ({
        id,
        path: `/corpus/${id}.txt`,
        root: '/corpus',
        hash,
        textHash: 'a',
        duplicateOf,
        at: '2024-05-01T10:00:00.000Z',
      });
      await store.putDuplicates([copy('uk/002', 'h2', 'uk/001'), copy('uk/003', 'h3', 'uk/001'), copy('uk/003', 'h3b', 'uk/002')]);
      const fingerprints = await store.fingerprints();
      expect(fingerprints.get('uk/002')).toMatchObject({ status: 'duplicate', duplicateOf: 'uk/001', hash: 'h2' });
      expect(fingerprints.get('uk/003')).toMatchObject({ status: 'duplicate', duplicateOf: 'uk/002', hash: 'h3b' });
      expect((await store.listArticles()).map((a) => a.id)).toEqual(['uk/001']);
      expect((await store.listQuotes()).map((q) => q.article)).toEqual(['uk/001']);
      expect(await store.searchSentences({ terms: ['grave'] })).toEqual([]);
      // The full-text counters lose the second article's sentences.
      expect((await store.termStatistics([])).sentences).toBe(alone);
    });

    it('turns a current article into a duplicate, dropping its analysis', async () => {
      await store.putArticle(firstArticle(), origin({ textHash: 'a' }));
      await store.putArticle(secondArticle(), origin({ textHash: 'b' }));
      await store.putDuplicate({
        id: 'uk/002',
        path: '/corpus/uk/002.txt',
        root: '/corpus',
        hash: 'h',
        textHash: 'a',
        duplicateOf: 'uk/001',
        at: '2024-05-01T10:00:00.000Z',
      });
      expect((await store.listQuotes()).map((q) => q.article)).toEqual(['uk/001']);
      expect(await store.searchSentences({ terms: ['grave'] })).toEqual([]);
    });

    it('stops serving removed articles but remembers them', async () => {
      await store.putArticle(firstArticle(), origin());
      await store.putArticle(secondArticle(), origin());
      await store.markRemoved(['uk/002'], '2024-07-01T00:00:00.000Z');
      expect(await store.countArticles()).toBe(1);
      expect(await store.getArticle('uk/002')).toBeNull();
      expect((await store.listQuotes()).map((q) => q.article)).toEqual(['uk/001']);
      expect(await store.searchSentences({ terms: ['grave'] })).toEqual([]);
      expect((await store.fingerprints()).get('uk/002')?.status).toBe('removed');
      expect((await store.listArticleEntities()).map((a) => a.id)).toEqual(['uk/001']);
    });

    it('serves a removed article again when it is written again', async () => {
      await store.putArticle(secondArticle(), origin({ at: '2024-05-01T10:00:00.000Z' }));
      await store.markRemoved(['uk/002'], '2024-07-01T00:00:00.000Z');
      await store.putArticle(secondArticle(), origin({ at: '2024-08-01T00:00:00.000Z' }));
      const stored = await store.getArticle('uk/002');
      expect(stored?.analysis.quotes).toHaveLength(1);
      expect(stored?.firstSeen).toBe('2024-05-01T10:00:00.000Z');
    });

    it('reads the same entities article by article for whole-story linking, leaving out an article that names nobody', async () => {
      await store.putArticle(firstArticle(), origin());
      await store.putArticle(secondArticle(), origin());
      await store.putArticle(analysedArticle({ id: 'uk/003', paragraphs: ['Nobody is named in this one.'], entities: [], quotes: [] }), origin());
      const each = [];
      for await (const article of store.eachArticleEntities()) each.push(article);
      expect(each.map((a) => a.id)).toEqual(['uk/001', 'uk/002']);
      expect(each).toEqual((await store.listArticleEntities()).filter((a) => a.entities.length > 0));
    });

    it('lists each current article’s entities for story linking', async () => {
      await store.putArticle(firstArticle(), origin());
      await store.putArticle(secondArticle(), origin());
      const entities = await store.listArticleEntities();
      expect(entities).toEqual([
        { id: 'uk/001', entities: [williamson] },
        { id: 'uk/002', entities: [person('p1', 'Williamson', ['he'])] },
      ]);
    });

    describe('quotations', () => {
      beforeEach(async () => {
        await store.putArticle(firstArticle(), origin());
        await store.putArticle(secondArticle(), origin());
      });

      it('name the article entity as speaker before the story is linked', async () => {
        const quotes = await store.listQuotes();
        expect(quotes.map((q) => [q.article, q.text, q.speakerName])).toEqual([
          ['uk/001', 'We must look closely,', 'Gavin Williamson'],
          ['uk/002', 'It is a grave matter,', 'Williamson'],
        ]);
        expect(quotes[0]).toMatchObject({ cue: 'said', speaker: 'e1', speakerId: null, kind: 'full' });
      });

      it('name the canonical speaker once the story is linked', async () => {
        await store.saveStoryEntities(williamsonLinked());
        const quotes = await store.listQuotes();
        expect(quotes.map((q) => q.speakerName)).toEqual(['Gavin Williamson', 'Gavin Williamson']);
        expect(quotes.map((q) => q.speakerId)).toEqual(['s1', 's1']);
      });

      it('restrict a search to the sentences holding a linked speaker’s quotations, by its links', async () => {
        await store.saveStoryEntities(williamsonLinked());
        const terms = ['minister', 'closely', 'risk', 'grave'];
        const found = async (query: Partial<SentenceQuery>) =>
          (await store.searchSentences({ terms, ...query })).map((hit) => [hit.article, hit.sentence]).sort();
        expect(await found({})).toEqual([
          ['uk/001', 0],
          ['uk/001', 1],
          ['uk/002', 0],
          ['uk/002', 1],
        ]);
        expect(await found({ speakerId: 's1' })).toEqual([
          ['uk/001', 1],
          ['uk/002', 1],
        ]);
        expect(await found({ speakerId: 's1', articles: ['uk/002'] })).toEqual([['uk/002', 1]]);
        expect(await found({ speakerId: 's1', limit: 1 })).toHaveLength(1);
        expect(await found({ speakerId: 'nobody' })).toEqual([]);
      });

      it('filter by canonical name or alias, whatever the case', async () => {
        await store.saveStoryEntities(williamsonLinked());
        for (const speaker of ['gavin williamson', 'MR WILLIAMSON', 'Defence Secretary', 'the defence secretary']) {
          expect((await store.listQuotes({ speaker })).map((q) => q.article)).toEqual(['uk/001', 'uk/002']);
        }
        expect(await store.listQuotes({ speaker: 'Theresa May' })).toEqual([]);
      });

      it('filter by name through the linked story, and by an article’s own names while that article waits to be linked', async () => {
        await store.saveStoryEntities(williamsonLinked());
        const byName = async () => (await store.listQuotes({ speaker: 'Mr Williamson' })).map((q) => [q.article, q.speakerId]);
        expect(await store.needsLinking()).toBe(false);
        expect(await byName()).toEqual([
          ['uk/001', 's1'],
          ['uk/002', 's1'],
        ]);
        const third = analysedArticle({
          id: 'uk/003',
          paragraphs: ['“We will look again,” Mr Williamson said.'],
          entities: [person('w3', 'Gavin Williamson', ['Mr Williamson'])],
          quotes: [{ text: 'We will look again,', speaker: 'w3', cue: 'said' }],
        });
        await store.putArticle(third, origin({ textHash: 't3' }));
        expect(await store.needsLinking()).toBe(true);
        expect(await byName()).toEqual([
          ['uk/001', 's1'],
          ['uk/002', 's1'],
          ['uk/003', null],
        ]);
      });

      it('filter by story entity, reading the same quotations as the whole list gives that speaker', async () => {
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson'), members: [['uk/002', 'p1']] },
          ]),
        );
        const all = await store.listQuotes();
        for (const id of ['s1', 's2']) {
          const own = await store.listQuotes({ speakerId: id });
          expect(own).toEqual(all.filter((q) => q.speakerId === id));
          expect(own).toHaveLength(1);
        }
        expect(await store.listQuotes({ speakerId: 's404' })).toEqual([]);
        expect(await store.listQuotes({ speakerId: 's1', article: 'uk/002' })).toEqual([]);
      });

      it('give a story entity’s quotations as articles and texts, the same the filter by story entity gives', async () => {
        await store.saveStoryEntities(williamsonLinked());
        const texts = (await store.quoteTextsOf('s1')).map(({ article, text }) => ({ article, text }));
        const own = (await store.listQuotes({ speakerId: 's1' })).map(({ article, text }) => ({ article, text }));
        expect(texts.sort((a, b) => a.article.localeCompare(b.article))).toEqual(own);
        expect(own).toHaveLength(2);
        expect(await store.quoteTextsOf('s404')).toEqual([]);
      });

      it('give a story entity’s quotations to count (article, number, kind, text) in the order and with the values of the filter by story entity', async () => {
        await store.saveStoryEntities(williamsonLinked());
        const own = (await store.listQuotes({ speakerId: 's1' })).map(({ article, index, kind, text }) => ({ article, index, kind, text }));
        expect(own).toHaveLength(2);
        expect(await store.quotationsToCount('s1')).toEqual(own);
        expect(await store.quotationsToCount('s404')).toEqual([]);
      });

      it('filter the quotations no story entity speaks, which with each speaker’s make up the whole list', async () => {
        expect((await store.listQuotes({ unlinked: true })).map((q) => q.article)).toEqual(['uk/001', 'uk/002']);
        await store.saveStoryEntities(storyOf([{ id: 's1', entity: williamson, members: [['uk/001', 'e1']] }]));
        const all = await store.listQuotes();
        const unlinked = await store.listQuotes({ unlinked: true });
        expect(unlinked).toEqual(all.filter((q) => q.speakerId === null));
        expect(unlinked.map((q) => [q.article, q.speakerName])).toEqual([['uk/002', 'Williamson']]);
        expect(await store.listQuotes({ unlinked: true, article: 'uk/001' })).toEqual([]);
        expect((await store.listQuotes({ unlinked: true, articles: ['uk/002'] })).map((q) => q.text)).toEqual(['It is a grave matter,']);
        expect((await store.quotedEntities()).map((e) => e.id)).toEqual(['s1']);
      });

      it('list the story entities that speak, in the order of the whole list', async () => {
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson'), members: [['uk/002', 'p1']] },
          ]),
        );
        const quoted = await store.quotedEntities();
        expect(quoted).toEqual((await store.storyEntities()).filter((e) => e.quoteCount > 0));
        expect(quoted.map((e) => e.id).sort()).toEqual(['s1', 's2']);
      });

      it('filter by several articles, in article order', async () => {
        expect((await store.listQuotes({ articles: ['uk/002', 'uk/001'] })).map((q) => q.article)).toEqual(['uk/001', 'uk/002']);
        expect((await store.listQuotes({ articles: ['uk/002', 'uk/404'] })).map((q) => q.text)).toEqual(['It is a grave matter,']);
        expect(await store.listQuotes({ articles: [] })).toEqual([]);
      });

      it('filter by article', async () => {
        expect((await store.listQuotes({ article: 'uk/002' })).map((q) => q.text)).toEqual(['It is a grave matter,']);
        expect(await store.listQuotes({ article: 'uk/404' })).toEqual([]);
      });

      it('mark the speakers whose quotations change, in the write that changes them, and keep their counts', async () => {
        const changed = async () => (await store.quoteSpeakers()).changed.map((c) => c.speaker).sort();
        const countAll = async () => {
          const state = await store.quoteSpeakers();
          const counted = state.changed.map((c) => c.speaker);
          const speakers = counted.map((speaker, i) => ({ speaker, name: speaker.toUpperCase(), quotes: i + 1, mentions: 2, articles: 1, first: 'uk/001' }));
          await store.saveQuoteSpeakers({ version: 'v1', complete: true, speakers, removed: [], counted: state.changed });
        };
        expect(await store.quoteSpeakers()).toEqual({ version: null, speakers: [], changed: [] });
        // Linking the speakers marks them; an entity that speaks nothing is not marked.
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson'), members: [['uk/002', 'p1']] },
          ]),
        );
        expect(await changed()).toEqual(['s1', 's2']);
        const revision = await store.revision();
        await countAll();
        expect(await store.revision()).toBe(revision);
        const state = await store.quoteSpeakers();
        expect(state.version).toBe('v1');
        expect(state.changed).toEqual([]);
        expect(state.speakers.map((row) => [row.speaker, row.name]).sort()).toEqual([
          ['s1', 'S1'],
          ['s2', 'S2'],
        ]);
        // The same links saved again change nothing.
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson'), members: [['uk/002', 'p1']] },
          ]),
        );
        expect(await changed()).toEqual([]);
        // One speaker's link moves to the other: both are marked.
        await store.saveStoryEntities(williamsonLinked());
        expect(await changed()).toEqual(['s1', 's2']);
        await countAll();
        // A quotation rewritten with its article (the link stays): its speaker is marked.
        await store.putArticle(secondArticle(), origin({ textHash: 'h2' }));
        expect(await changed()).toContain('s1');
      });

      it('clear only the marks a count saw: a change made while counting stays marked', async () => {
        await store.saveStoryEntities(storyOf([{ id: 's1', entity: williamson, members: [['uk/001', 'e1']] }]));
        const seen = await store.quoteSpeakers();
        expect(seen.changed.map((c) => c.speaker)).toEqual(['s1']);
        // Written after the count read the marks, before it saved.
        await store.saveStoryEntities(williamsonLinked());
        const row = { speaker: 's1', name: 'Gavin Williamson', quotes: 1, mentions: 1, articles: 1, first: 'uk/001' };
        await store.saveQuoteSpeakers({ version: 'v1', complete: false, speakers: [row], removed: [], counted: seen.changed });
        const after = await store.quoteSpeakers();
        expect(after.speakers).toEqual([row]);
        expect(after.changed.map((c) => c.speaker)).toEqual(['s1']);
        await store.saveQuoteSpeakers({ version: 'v1', complete: false, speakers: [], removed: ['s1'], counted: after.changed });
        expect(await store.quoteSpeakers()).toEqual({ version: 'v1', speakers: [], changed: [] });
      });

      it('count each story entity’s articles and quotations', async () => {
        await store.saveStoryEntities(
          storyOf([
            {
              id: 's1',
              entity: williamson,
              members: [
                ['uk/001', 'e1'],
                ['uk/002', 'p1'],
              ],
            },
            { id: 's2', entity: { ...person('x', 'Huawei'), kind: 'organisation' }, members: [] },
          ]),
        );
        const story = await store.storyEntities();
        expect(story.map((e) => [e.id, e.name, e.kind, e.articleCount, e.quoteCount])).toEqual([
          ['s1', 'Gavin Williamson', 'person', 2, 2],
          ['s2', 'Huawei', 'organisation', 0, 0],
        ]);
        expect(story[0]!.aliases).toContain('Mr Williamson');
      });

      it('say the story needs linking until every article entity is linked', async () => {
        expect(await store.needsLinking()).toBe(true);
        await store.saveStoryEntities(storyOf([{ id: 's1', entity: williamson, members: [['uk/001', 'e1']] }]));
        expect(await store.needsLinking()).toBe(true);
        await store.saveStoryEntities(williamsonLinked());
        expect(await store.needsLinking()).toBe(false);
        await store.putArticle(secondArticle(), origin());
        expect(await store.needsLinking()).toBe(true);
      });

      it('say the story needs linking after a removal written without linking, which leaves no entity unlinked', async () => {
        await store.saveStoryEntities(williamsonLinked());
        expect(await store.needsLinking()).toBe(false);
        await store.markRemoved(['uk/002'], '2024-05-02T00:00:00.000Z');
        expect(await store.needsLinking()).toBe(true);
      });

      it('find story entities by a name key or by the stem of a role word, in the order of the whole list', async () => {
        const huawei = { ...person('x', 'Huawei', ["Huawei's"]), kind: 'organisation' as const };
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson', [], ['secretary of state']), members: [['uk/002', 'p1']] },
            { id: 's3', entity: huawei, members: [] },
          ]),
        );
        const ids = async (keys: Parameters<Store['storyEntitiesByKey']>[0]) => (await store.storyEntitiesByKey(keys)).map((e) => e.id);
        const order = (await store.storyEntities()).map((e) => e.id);
        expect(await ids({ names: ['williamson'] })).toEqual(order.filter((id) => id !== 's3'));
        expect(await ids({ names: ['defence secretary'] })).toEqual(['s1']);
        expect(await ids({ names: ["huawei's"] })).toEqual(['s3']);
        expect(await ids({ roleStems: ['secretari'] })).toEqual(order.filter((id) => id !== 's3'));
        expect(await ids({ roleStems: ['defenc'], names: ['huawei'] })).toEqual(['s1', 's3']);
        expect(await ids({ names: ['"; DROP TABLE story_entities; --'], roleStems: [] })).toEqual([]);
        expect(await ids({})).toEqual([]);
        expect(await ids({ ids: ['s3', 'nobody', 's1'] })).toEqual(order.filter((id) => id !== 's2'));
        expect(await ids({ ids: ['s3'], roleStems: ['defenc'] })).toEqual(['s1', 's3']);
        // A changed entity is found by its new role only.
        await store.saveStoryEntities(storyOf([{ id: 's1', entity: { ...williamson, roles: ['home secretary'] }, members: [['uk/001', 'e1']] }]));
        expect(await ids({ roleStems: ['defenc'] })).toEqual([]);
        expect(await ids({ roleStems: ['home'] })).toEqual(['s1']);
      });

      it('give the people under role stems, by stem and then in the order of the whole list, without their names', async () => {
        const board = { ...person('b', 'Harbour Board', [], ['secretary']), kind: 'organisation' as const };
        await store.saveStoryEntities(
          storyOf([
            { id: 's1', entity: williamson, members: [['uk/001', 'e1']] },
            { id: 's2', entity: person('z', 'Williamson', [], ['secretary of state', 'defence adviser']), members: [['uk/002', 'p1']] },
            { id: 's3', entity: board, members: [] },
          ]),
        );
        const order = (await store.storyEntities()).filter((e) => e.kind === 'person').map((e) => e.id);
        const holders = await store.roleHolders(['secretari', 'defenc', 'nothing']);
        expect(holders.map((h) => [h.stem, h.id])).toEqual([...order.map((id) => ['defenc', id]), ...order.map((id) => ['secretari', id])]);
        const s2 = holders.find((h) => h.id === 's2');
        const whole = (await store.storyEntities()).find((e) => e.id === 's2');
        expect(s2).toEqual({
          stem: 'defenc',
          id: 's2',
          kind: 'person',
          roles: ['secretary of state', 'defence adviser'],
          articleCount: whole?.articleCount,
          quoteCount: whole?.quoteCount,
        });
        expect(s2).not.toHaveProperty('aliases');
        expect(await store.roleHolders(['advis'])).toEqual([expect.objectContaining({ id: 's2' })]);
        expect(await store.roleHolders([])).toEqual([]);
        expect(await store.roleHolders(["'); DROP TABLE story_entities; --"])).toEqual([]);
      });

      it('give the highest prominence of a kind and its entities named in enough articles', async () => {
        const organisation = (id: string, name: string) => ({ ...person(id, name), kind: 'organisation' as const });
        const huawei = organisation('o1', 'Huawei');
        const bt = organisation('o2', 'BT');
        await store.putArticle(analysedArticle({ id: 'uk/003', paragraphs: ['Huawei and BT met.'], entities: [huawei, bt] }), origin());
        await store.putArticle(analysedArticle({ id: 'uk/004', paragraphs: ['Huawei spoke.'], entities: [huawei] }), origin());
        await store.saveStoryEntities(
          storyOf([
            {
              id: 's1',
              entity: huawei,
              members: [
                ['uk/003', 'o1'],
                ['uk/004', 'o1'],
              ],
            },
            { id: 's2', entity: bt, members: [['uk/003', 'o2']] },
            {
              id: 's3',
              entity: williamson,
              members: [
                ['uk/001', 'e1'],
                ['uk/002', 'p1'],
              ],
            },
          ]),
        );
        const found = await store.prominentEntities('organisation', 1.5);
        expect(found.top).toBe(6);
        expect(found.entities.map((e) => e.id)).toEqual(['s1']);
        expect((await store.prominentEntities('organisation', 0)).entities.map((e) => e.id)).toEqual(['s1', 's2']);
        expect(await store.prominentEntities('group', 0)).toEqual({ top: 0, entities: [] });
      });

      it('replace the story entities whole when saved again', async () => {
        await store.saveStoryEntities(storyOf([{ id: 's1', entity: williamson, members: [['uk/001', 'e1']] }]));
        await store.saveStoryEntities(storyOf([{ id: 's9', entity: person('z', 'G. Williamson'), members: [['uk/002', 'p1']] }]));
        expect((await store.storyEntities()).map((e) => e.id)).toEqual(['s9']);
        expect((await store.listQuotes()).map((q) => q.speakerId)).toEqual([null, 's9']);
      });
    });

    it('moves its revision on every write and only then', async () => {
      const first = await store.revision();
      expect(await store.revision()).toBe(first);
      await store.putArticle(firstArticle(), origin());
      const second = await store.revision();
      expect(second).not.toBe(first);
      await store.markRemoved(['uk/001'], '2024-01-01T00:00:00Z');
      expect(await store.revision()).not.toBe(second);
    });

    describe('sentence search', () => {
      beforeEach(async () => {
        await store.putArticle(firstArticle(), origin());
        await store.putArticle(secondArticle(), origin());
      });

      it('finds sentences by stem and without accents, best first', async () => {
        const hits = await store.searchSentences({ terms: ['concern'] });
        expect(hits.map((h) => h.text)).toEqual(['The minister voiced concerns about the network.']);
        expect(hits[0]).toMatchObject({ article: 'uk/001', sentence: 0, kind: 'paragraph' });
        expect(hits[0]!.score).toBeGreaterThan(0);
        expect((await store.searchSentences({ terms: ['cafe'] })).map((h) => h.sentence)).toEqual([2]);
      });

      it('gives offsets that point at the sentence in the clean text', async () => {
        const [hit] = await store.searchSentences({ terms: ['grave'] });
        const article = await store.getArticle(hit!.article);
        expect(article!.clean.text.slice(hit!.start, hit!.end)).toBe(hit!.text);
      });

      it('matches any term by default and every term when asked', async () => {
        expect(await store.searchSentences({ terms: ['minister', 'grave'] })).toHaveLength(2);
        expect(await store.searchSentences({ terms: ['minister', 'grave'], match: 'all' })).toHaveLength(0);
        expect(await store.searchSentences({ terms: ['minister', 'network'], match: 'all' })).toHaveLength(1);
      });

      it('treats query syntax in terms as plain words', async () => {
        for (const term of ['AND', 'OR minister', 'NEAR(minister', '"', 'text:minister', 'minister*', '-minister', '^']) {
          await expect(store.searchSentences({ terms: [term] })).resolves.toBeInstanceOf(Array);
        }
        expect(await store.searchSentences({ terms: ['   ', '--'] })).toEqual([]);
      });

      it('looks sentences up by article and index, in the order asked', async () => {
        const [hit] = await store.searchSentences({ terms: ['grave'] });
        const found = await store.sentencesAt([
          { article: 'nowhere', sentence: 0 },
          { article: hit!.article, sentence: hit!.sentence },
        ]);
        expect(found.map((s) => [s.article, s.sentence, s.text])).toEqual([[hit!.article, hit!.sentence, hit!.text]]);
      });

      it('counts the indexed sentences that contain each stem', async () => {
        const stats = await store.termStatistics(['minist', 'grave', 'absent']);
        const total = (await store.listArticles()).reduce((sum, a) => sum + a.sentences, 0);
        expect(stats.sentences).toBe(total);
        const withMinister = (await store.searchSentences({ terms: ['minister'], limit: 100 })).length;
        expect(stats.documents.get('minist')).toBe(withMinister);
        expect(stats.documents.get('grave')).toBe(1);
        expect(stats.documents.get('absent')).toBe(0);
      });

      it('restricts to given articles and honours the limit', async () => {
        expect((await store.searchSentences({ terms: ['williamson'], articles: ['uk/002'] })).map((h) => h.article)).toEqual(['uk/002']);
        expect(await store.searchSentences({ terms: ['williamson', 'minister', 'officials'], limit: 1 })).toHaveLength(1);
      });

      it('takes the best first and equal scores in the order the sentences were written, within the limit', async () => {
        for (const id of ['tie/a', 'tie/b', 'tie/c', 'tie/d'])
          await store.putArticle(analysedArticle({ id, paragraphs: ['The harbour closed early.'] }), origin({ textHash: id }));
        await store.putArticle(analysedArticle({ id: 'tie/best', paragraphs: ['Harbour after harbour closed.'] }), origin({ textHash: 'best' }));
        const hits = await store.searchSentences({ terms: ['harbour', 'ferry'], limit: 3 });
        expect(hits.map((h) => h.article)).toEqual(['tie/best', 'tie/a', 'tie/b']);
        expect(hits[1]!.score).toBe(hits[2]!.score);
        const within = await store.searchSentences({ terms: ['harbour'], articles: ['tie/d', 'tie/c', 'tie/best'], limit: 2 });
        expect(within.map((h) => h.article)).toEqual(['tie/best', 'tie/c']);
      });
    });

    describe('content sequence', () => {
      const put = (id: string, textHash: string) => store.putArticle(analysedArticle({ id, paragraphs: [`Text of ${id} here.`] }), origin({ textHash }));

      it('numbers each new or changed text in the order it was written, and nothing else', async () => {
        expect(await store.contentSequence()).toBe(0);
        await put('a', 'ta');
        await put('b', 'tb');
        await put('a', 'ta'); // re-analysis of the same text
        expect(await store.contentSequence()).toBe(2);
        await put('a', 'ta-changed');
        expect(await store.contentSequence()).toBe(3);
        expect(await store.articleChanges(0, 3)).toEqual([
          { id: 'b', sequence: 2 },
          { id: 'a', sequence: 3 },
        ]);
      });

      it('gives the articles of a range only, and current ones only', async () => {
        for (const id of ['a', 'b', 'c']) await put(id, `t${id}`);
        expect((await store.articleChanges(1, 2)).map((c) => c.id)).toEqual(['b']);
        await store.markRemoved(['c'], '2024-01-01T00:00:00.000Z');
        expect((await store.articleChanges(0, 10)).map((c) => c.id)).toEqual(['a', 'b']);
      });

      it('numbers an id again when it is served again after being removed', async () => {
        await put('a', 'ta');
        await store.markRemoved(['a'], '2024-01-01T00:00:00.000Z');
        await put('a', 'ta');
        expect(await store.articleChanges(1, 10)).toEqual([{ id: 'a', sequence: 2 }]);
      });
    });

    describe('ingest', () => {
      const article = (id: string, words: string) => analysedArticle({ id, paragraphs: [`The ${words} harbour story. Harbour talks went on.`] });

      it('is idempotent: writing an article again with the same text leaves everything as it was', async () => {
        await store.putArticle(firstArticle(), origin());
        const before = {
          article: await store.getArticle('uk/001'),
          hits: await store.searchSentences({ terms: ['minister', 'café'] }),
          terms: await store.termStatistics(['minist', 'cafe', 'network']),
          sequence: await store.contentSequence(),
          quotes: await store.listQuotes(),
        };
        await store.putArticle(firstArticle(), origin());
        await store.putArticle(firstArticle(), origin());
        expect({
          article: await store.getArticle('uk/001'),
          hits: await store.searchSentences({ terms: ['minister', 'café'] }),
          terms: await store.termStatistics(['minist', 'cafe', 'network']),
          sequence: await store.contentSequence(),
          quotes: await store.listQuotes(),
        }).toEqual(before);
        expect(before.hits.length).toBeGreaterThan(0);
      });

      it('takes two writers at once without losing or doubling a write', async () => {
        // Two streams of writes in flight together (on PostgreSQL, two connections), one id in both.
        const ids = Array.from({ length: 8 }, (_, i) => `w/${i}`);
        const writer = (words: string) =>
          Promise.all([
            ...ids.map((id) => store.putArticle(article(id, words), origin({ textHash: `${id}-${words}` }))),
            store.putArticle(article('shared', 'common'), origin({ textHash: 'shared' })),
          ]);
        await Promise.all([writer('red'), writer('blue')]);
        expect(await store.countArticles()).toBe(9);
        const texts = await Promise.all(ids.map(async (id) => (await store.getArticle(id))!.analysis.sentences[0]!.text));
        for (const text of texts) expect(['The red harbour story.', 'The blue harbour story.']).toContain(text);
        // Every current sentence mentions the harbour once: the counts kept beside the index agree.
        expect((await store.termStatistics(['harbour'])).documents.get('harbour')).toBe(18);
        expect((await store.termStatistics(['harbour'])).sentences).toBe(18);
        expect(await store.searchSentences({ terms: ['harbour'], limit: 100 })).toHaveLength(18);
        // Each id's text was new once per colour written last or first: sequence numbers are unique.
        const changes = await store.articleChanges(0, await store.contentSequence());
        expect(new Set(changes.map((c) => c.sequence)).size).toBe(changes.length);
        expect(changes.map((c) => c.id).sort()).toEqual([...ids, 'shared'].sort());
      });
    });

    describe('digest subscriptions and runs', () => {
      const key = { platform: 'slack', workspace: 'T1', channel: 'C1' };
      const settings = { time: '09:00', days: [1, 2, 3, 4, 5], timezone: 'Europe/London', topic: null, empty: 'skip' as const };
      const at = (minute: number) => new Date(Date.UTC(2024, 2, 4, 9, minute)).toISOString();
      const slot = at(0);
      let id: number;
      beforeEach(async () => {
        id = (await store.digests.saveSubscription(key, settings, 'U1', at(-60))).record.id;
      });
      const claim = (owner: string, minute: number, forSlot = slot) =>
        store.digests.claimRun({ subscription: id, slot: forSlot, owner, at: at(minute), leaseUntil: at(minute + 2), catchUp: false });
      const run = async (forSlot = slot) => (await store.digests.runs(id, 50)).find((r) => r.slot === forSlot);

      it('keep one subscription per channel: subscribing again updates it and keeps its watermark', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'posted', fromSeq: null, toSeq: 4, articles: 4 }, at(1));
        const again = await store.digests.saveSubscription(key, { ...settings, time: '17:30', topic: 'exports' }, 'U2', at(30));
        expect(again.created).toBe(false);
        expect(again.record).toMatchObject({ id, time: '17:30', topic: 'exports', createdBy: 'U1', activeFrom: at(30), watermark: 4 });
        expect(await store.digests.subscriptions()).toHaveLength(1);
        expect(await store.digests.subscription({ ...key, channel: 'C2' })).toBeNull();
      });

      it('delete a subscription with its runs', async () => {
        await claim('p1', 0);
        expect(await store.digests.removeSubscription(key)).toBe(true);
        expect(await store.digests.removeSubscription(key)).toBe(false);
        expect(await store.digests.subscriptionById(id)).toBeNull();
        expect(await store.digests.runs(id, 10)).toEqual([]);
      });

      it('make the runs waiting to retry on a platform due at once when it is back, and only those', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'retrying', error: 'unreachable', nextAttemptAt: at(60) }, at(1));
        expect(await claim('p2', 2)).toBe(false);
        expect(await store.digests.retryNow('discord', at(2))).toBe(0);
        expect(await store.digests.retryNow('slack', at(2))).toBe(1);
        expect(await claim('p2', 2)).toBe(true);
      });

      it('give each slot to one claimant only', async () => {
        expect(await claim('p1', 0)).toBe(true);
        expect(await claim('p2', 0)).toBe(false);
        expect(await claim('p1', 1)).toBe(false);
        expect(await run()).toMatchObject({ state: 'claimed', owner: 'p1', attempts: 0 });
      });

      it('let another process take over a claim whose lease expired before posting began', async () => {
        await claim('p1', 0);
        expect(await claim('p2', 1)).toBe(false);
        expect(await claim('p2', 5)).toBe(true);
        expect(await store.digests.startPosting({ subscription: id, slot }, 'p1', at(9))).toBe(false);
        expect(await store.digests.startPosting({ subscription: id, slot }, 'p2', at(9))).toBe(true);
      });

      it('never hand out a slot being posted, and mark it uncertain once its lease is over', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        expect(await claim('p2', 10)).toBe(false);
        expect(await store.digests.abandonStalePosts(at(2))).toEqual([]);
        const abandoned = await store.digests.abandonStalePosts(at(4));
        expect(abandoned.map((r) => [r.slot, r.state])).toEqual([[slot, 'uncertain']]);
        expect(await claim('p2', 11)).toBe(false);
        expect((await store.digests.subscriptionById(id))!.watermark).toBeNull();
      });

      it('hand a failed run out again only once its retry is due', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'retrying', error: 'HTTP 500', nextAttemptAt: at(5) }, at(1));
        expect(await claim('p2', 4)).toBe(false);
        expect(await claim('p2', 5)).toBe(true);
        expect(await run()).toMatchObject({ state: 'claimed', owner: 'p2', attempts: 1, error: 'HTTP 500' });
      });

      it('keep how much of a post reached the channel through the claim of its retry, and forget it once posted', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        const resume = { toSeq: 9, posted: 2, content: 'abc' };
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'retrying', error: 'HTTP 500', nextAttemptAt: at(5), resume }, at(1));
        expect(await run()).toMatchObject({ state: 'retrying', resume });
        expect(await claim('p2', 5)).toBe(true);
        expect(await run()).toMatchObject({ state: 'claimed', resume });
        await store.digests.startPosting({ subscription: id, slot }, 'p2', at(8));
        await store.digests.finishRun({ subscription: id, slot }, 'p2', { state: 'posted', fromSeq: null, toSeq: 9, articles: 3 }, at(6));
        expect(await run()).toMatchObject({ state: 'posted', resume: null });
      });

      it('move the watermark and the last posted slot only when a digest is posted', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        expect(await store.digests.finishRun({ subscription: id, slot }, 'p2', { state: 'posted', fromSeq: null, toSeq: 7, articles: 7 }, at(1))).toBe(false);
        expect((await store.digests.subscriptionById(id))!.watermark).toBeNull();
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'failed', error: 'gave up' }, at(1));
        expect((await store.digests.subscriptionById(id))!).toMatchObject({ watermark: null, lastPosted: null });
        const next = at(24 * 60);
        await claim('p1', 24 * 60, next);
        await store.digests.startPosting({ subscription: id, slot: next }, 'p1', at(24 * 60 + 3));
        expect(
          await store.digests.finishRun({ subscription: id, slot: next }, 'p1', { state: 'posted', fromSeq: null, toSeq: 7, articles: 7 }, at(24 * 60 + 1)),
        ).toBe(true);
        expect((await store.digests.subscriptionById(id))!).toMatchObject({ watermark: 7, lastPosted: { slot: next, at: at(24 * 60 + 1) } });
        expect(await run(next)).toMatchObject({ state: 'posted', fromSeq: null, toSeq: 7, articles: 7, attempts: 1 });
      });

      it('pause a subscription whose channel is gone, refuse its claims, and resume it when saved again', async () => {
        await claim('p1', 0);
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'gone', error: 'channel_not_found' }, at(1));
        expect((await store.digests.subscriptionById(id))!.paused).toEqual({ at: at(1), reason: 'channel_not_found' });
        expect(await claim('p1', 60, at(60))).toBe(false);
        await store.digests.saveSubscription(key, settings, 'U1', at(61));
        expect((await store.digests.subscriptionById(id))!.paused).toBeNull();
        expect(await claim('p1', 62, at(62))).toBe(true);
      });

      it('supersede an older unposted run when a newer slot is claimed', async () => {
        await claim('p1', 0);
        await store.digests.startPosting({ subscription: id, slot }, 'p1', at(3));
        await store.digests.finishRun({ subscription: id, slot }, 'p1', { state: 'retrying', error: 'HTTP 500', nextAttemptAt: at(90) }, at(1));
        expect(await claim('p1', 60, at(60))).toBe(true);
        expect((await run())!.state).toBe('superseded');
        expect(await claim('p2', 95)).toBe(false);
      });

      it('record a slot missed while down once, and never claim it afterwards', async () => {
        expect(await store.digests.recordMissed({ subscription: id, slot }, at(120))).toBe(true);
        expect(await store.digests.recordMissed({ subscription: id, slot }, at(121))).toBe(false);
        expect(await claim('p1', 122)).toBe(false);
        expect(await run()).toMatchObject({ state: 'missed', catchUp: true });
      });
    });
  });
}
