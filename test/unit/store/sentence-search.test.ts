import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phraseBound, planPruning } from '../../../src/store/sqlite/bm25-pruning.ts';
import { ftsMatchExpression } from '../../../src/store/sqlite/fts-query.ts';
import { averageLength, prepareSentenceLookup, prepareSentenceSearch } from '../../../src/store/sqlite/sentence-search.ts';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { COMMON, MIDDLING, rankingQueries, writeRankingCorpus } from './ranking-corpus.ts';

describe('SQLite sentence search and lookup', () => {
  let dir: string;
  let db: Database.Database;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'briefbot-pruning-'));
    const file = join(dir, 'briefbot.db');
    const store = openSqliteStore(file);
    await writeRankingCorpus(store);
    await store.close();
    db = new Database(file);
  });

  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** FTS5's own ranking: every matching sentence scored, the best `limit` by rank then rowid. */
  const reference = (terms: readonly string[], limit: number) => {
    const rows = db
      .prepare(`SELECT s.article, s.idx, f.rank FROM sentences_fts f JOIN sentences s ON s.id = f.rowid
        WHERE sentences_fts MATCH ? ORDER BY f.rank, f.rowid LIMIT ?`)
      .all(ftsMatchExpression(terms, 'any'), limit) as { article: string; idx: number; rank: number }[];
    return rows.map((row) => ({ article: row.article, sentence: row.idx, score: -row.rank }));
  };

  it('returns exactly the sentences, scores and order of FTS5 ranking every match, ties included', () => {
    // Every word with 5% of the sentences is common here, and pruning is tried on any query.
    const search = prepareSentenceSearch(db, { commonShare: 0.05, minPostings: 0 });
    let compared = 0;
    for (const { terms, limit } of rankingQueries(120)) {
      const expected = reference(terms, limit);
      const hits = search({ terms, limit }).map((hit) => ({ article: hit.article, sentence: hit.sentence, score: hit.score }));
      expect(hits, terms.join(' | ')).toEqual(expected);
      compared += 1;
    }
    expect(compared).toBe(120);
    // Every way was taken: answers from the candidates alone, and queries where the bound sent the search back to rank every match.
    expect(search.pruning.answered).toBeGreaterThan(20);
    expect(search.pruning.retried).toBeGreaterThan(0);
    // And answers from a second, narrower try after a first that could not be sure.
    expect(search.pruning.narrowed).toBeGreaterThan(0);
    search.close();
  });

  it('ranks every match while removed sentences still wait to leave the term counts', () => {
    const search = prepareSentenceSearch(db, { commonShare: 0.05, minPostings: 0 });
    const terms = ['harbour', 'ferry', 'council', 'weather', 'kelp'];
    const hits = () => search({ terms, limit: 20 }).map((hit) => ({ article: hit.article, sentence: hit.sentence, score: hit.score }));
    db.prepare("INSERT INTO term_documents_removed (text) VALUES ('the harbour')").run();
    try {
      expect(hits()).toEqual(reference(terms, 20));
      expect(search.pruning).toEqual({ answered: 0, narrowed: 0, retried: 0 });
    } finally {
      db.prepare('DELETE FROM term_documents_removed').run();
    }
    expect(hits()).toEqual(reference(terms, 20));
    expect(search.pruning.answered).toBe(1);
    search.close();
  });

  it('looks sentences up in the order asked, several of an article at once, skipping those that do not exist', () => {
    const lookup = prepareSentenceLookup(db);
    const one = db.prepare(`SELECT article, idx, text FROM sentence_texts WHERE article = ? AND idx = ?`);
    const refs = [
      { article: 'a3', sentence: 11 },
      { article: 'a7', sentence: 2 },
      { article: 'a3', sentence: 0 },
      { article: 'a3', sentence: 12 }, // past the article's last sentence
      { article: 'a7', sentence: 2 },
      { article: 'nowhere', sentence: 0 },
      { article: 'a3', sentence: -1 },
      { article: 'a3', sentence: 5 },
      { article: 'a4', sentence: 0 }, // the next article's first sentence follows a3's last
    ];
    const expected = refs.flatMap((ref) => {
      const row = one.get(ref.article, ref.sentence) as { article: string; idx: number; text: string } | undefined;
      return row ? [[row.article, row.idx, row.text]] : [];
    });
    expect(expected).toHaveLength(6);
    expect(lookup(refs).map((hit) => [hit.article, hit.sentence, hit.text])).toEqual(expected);
  });

  it('bounds what a phrase can add to a score above what FTS5 gives any sentence holding it once', () => {
    const rows = db
      .prepare(`SELECT f.rank, (SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH '"kelp"') AS hits,
        (SELECT sentences FROM fts_progress) AS n FROM sentences_fts f WHERE sentences_fts MATCH '"kelp"'`)
      .all() as { rank: number; hits: number; n: number }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(-row.rank).toBeLessThan(phraseBound(row.hits, row.n));
  });

  it('bounds it more tightly with the average sentence length, still above every sentence holding the word, once or more', () => {
    const average = averageLength(db.prepare('SELECT block FROM sentences_fts_data WHERE id = 1').pluck().get() as Uint8Array);
    // Every token of every sentence, counted through FTS5's vocabulary.
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.every_term USING fts5vocab (main, sentences_fts, row)');
    const tokens = db.prepare('SELECT sum(cnt) FROM temp.every_term').pluck().get() as number;
    const sentences = db.prepare('SELECT count(*) FROM sentences').pluck().get() as number;
    expect(average).toBeGreaterThan(2);
    expect(average).toBeCloseTo(tokens / sentences, 9);
    // The words most often found twice in a sentence, and a short sentence's: where FTS5's scores come nearest the bound.
    let nearest = 0;
    for (const word of [...COMMON, ...MIDDLING, 'kelp']) {
      const rows = db
        .prepare(`SELECT f.rank, (SELECT count(*) FROM sentences_fts WHERE sentences_fts MATCH @word) AS hits,
          (SELECT sentences FROM fts_progress) AS n FROM sentences_fts f WHERE sentences_fts MATCH @word`)
        .all({ word: `"${word}"` }) as { rank: number; hits: number; n: number }[];
      for (const row of rows) {
        const bound = phraseBound(row.hits, row.n, average);
        expect(-row.rank, word).toBeLessThan(bound);
        expect(bound).toBeLessThan(phraseBound(row.hits, row.n));
        nearest = Math.max(nearest, -row.rank / bound);
      }
    }
    // Tight: some sentence comes within a quarter of it (the shortest hold two words here).
    expect(nearest).toBeGreaterThan(0.75);
  });

  it("reads the average length from FTS5's averages record, multi-byte counts included, and nothing from a short one", () => {
    expect(averageLength(Uint8Array.of(0x04, 0x50))).toBe(20);
    expect(averageLength(Uint8Array.of(0xed, 0xca, 0x6b, 0x91, 0xda, 0xca, 0x52))).toBe(37_135_698 / 1_795_435);
    expect(averageLength(Uint8Array.of(0xed, 0xca))).toBeUndefined();
    expect(averageLength(Uint8Array.of(0x00, 0x05))).toBeUndefined();
    expect(averageLength(undefined)).toBeUndefined();
  });
});

describe('planPruning', () => {
  const documents = (counts: Record<string, number>) => (token: string) => counts[token] ?? 0;

  it('keeps rare phrases and pairs of common words as candidates, bounded by the rarest common word', () => {
    const plan = planPruning(
      [
        { text: 'minister', tokens: ['minist'] },
        { text: 'ministerial', tokens: ['ministeri'] },
        { text: 'economy', tokens: ['economi'] },
        { text: 'Downing Street', tokens: ['down', 'street'] },
      ],
      documents({ minist: 30_000, ministeri: 500, economi: 19_000 }),
      1_800_000,
      { commonShare: 1 / 400, minPostings: 10_000 },
    );
    expect(plan).toEqual({
      candidates: '"ministerial" OR "Downing Street" OR ("economy" AND ("minister"))',
      bound: phraseBound(19_000, 1_800_000),
      leftOut: 49_000,
    });
  });

  it('makes a common word whose bound reaches the floor a candidate alone, and leaves the others out', () => {
    const phrases = [
      { text: 'market', tokens: ['market'] },
      { text: 'trade', tokens: ['trade'] },
      { text: 'week', tokens: ['week'] },
      { text: 'kelp', tokens: ['kelp'] },
    ];
    const counts = documents({ market: 20_000, trade: 18_000, week: 90_000, kelp: 40 });
    const tuning = { commonShare: 1 / 400, minPostings: 10_000 };
    const floor = (phraseBound(20_000, 1_800_000, 20) + phraseBound(18_000, 1_800_000, 20)) / 2;
    const plan = planPruning(phrases, counts, 1_800_000, tuning, { averageLength: 20, floor });
    expect(plan).toEqual({
      candidates: '"trade" OR "kelp" OR ("market" AND ("week"))',
      bound: phraseBound(20_000, 1_800_000, 20),
      leftOut: 110_000,
    });
    // A floor above every bound leaves every common word out; one below them all, none: nothing to prune.
    expect(planPruning(phrases, counts, 1_800_000, tuning, { averageLength: 20, floor: 100 })?.leftOut).toBe(128_000);
    expect(planPruning(phrases, counts, 1_800_000, tuning, { averageLength: 20, floor: 1 })).toBeNull();
  });

  it('treats two phrases of one stem as rare, since a sentence holding it holds both', () => {
    const plan = planPruning(
      [
        { text: 'economic', tokens: ['econom'] },
        { text: 'economical', tokens: ['econom'] },
        { text: 'market', tokens: ['market'] },
        { text: 'trade', tokens: ['trade'] },
      ],
      documents({ econom: 17_000, market: 20_000, trade: 18_000 }),
      1_800_000,
      { commonShare: 1 / 400, minPostings: 10_000 },
    );
    expect(plan?.candidates).toBe('"economic" OR "economical" OR ("trade" AND ("market"))');
  });

  it('does not prune when the common words match too few sentences, or a phrase has no token', () => {
    const phrases = [
      { text: 'market', tokens: ['market'] },
      { text: 'pier', tokens: ['pier'] },
    ];
    expect(planPruning(phrases, documents({ market: 20_000, pier: 10 }), 1_800_000, { commonShare: 1 / 400, minPostings: 50_000 })).toBeNull();
    expect(planPruning([...phrases, { text: '½', tokens: [] }], documents({ market: 90_000 }), 1_800_000, { commonShare: 1 / 400, minPostings: 0 })).toBeNull();
  });

  it('does not try two common words with nothing rarer, but three', () => {
    const counts = documents({ market: 20_000, trade: 18_000, week: 90_000 });
    const words = ['market', 'trade', 'week'].map((word) => ({ text: word, tokens: [word] }));
    const tuning = { commonShare: 1 / 400, minPostings: 10_000 };
    expect(planPruning(words.slice(0, 2), counts, 1_800_000, tuning)).toBeNull();
    expect(planPruning(words, counts, 1_800_000, tuning)?.candidates).toBe('("trade" AND ("market" OR "week")) OR ("market" AND ("week"))');
  });
});
