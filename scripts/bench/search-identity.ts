/**
 * Proves the sentence search's early stop exact on a real index and measures it: for the
 * bench's questions (their searches as `ask` makes them) and for generated queries (words of
 * random indexed sentences, some phrases of two words), compares the hits of
 * `prepareSentenceSearch` with plain FTS5 ranking every match (`ORDER BY rank, rowid`): same
 * sentences, same order, same scores. Prints one line per query set with the CPU time of each
 * way and how many searches the early stop answered. Read-only: open a copy if in doubt.
 * Usage: run-ts.js scripts/bench/search-identity.ts DB_FILE [GENERATED=200] [SEED=1]
 */
import Database from 'better-sqlite3';
import { openFts5Tokenizer } from '../../src/store/fts5-tokens.ts';
import { ftsMatchExpression } from '../../src/store/sqlite/fts-query.ts';
import { prepareSentenceSearch } from '../../src/store/sqlite/sentence-search.ts';
import { seededRandom } from '../seeded-random.ts';

const [dbFile, generatedArg, seedArg] = process.argv.slice(2);
if (!dbFile) throw new Error('usage: search-identity.ts DB_FILE [GENERATED] [SEED]');
const db = new Database(dbFile, { readonly: true });
const search = prepareSentenceSearch(db);
// The same search that never stops early: what the early stop saves, and what a failed try costs.
const unpruned = prepareSentenceSearch(db, { commonShare: 2, minPostings: Number.POSITIVE_INFINITY });
const plain = db.prepare(`SELECT s.article, s.idx, f.rank FROM sentences_fts f JOIN sentences s ON s.id = f.rowid
  WHERE sentences_fts MATCH ? ORDER BY f.rank, f.rowid LIMIT ?`);

/** The searches `ask` makes for the bench's questions (answer-candidates.ts: 150 hits). */
const BENCH: readonly (readonly string[])[] = [
  ['minister', 'ministerial', 'economy', 'economic', 'economical', 'economist', 'economize'],
  ['founded', 'foundation', 'founder', 'consort'],
  ['deal', 'dealt', 'dealer', 'cost', 'costly'],
  ['regime', 'ban', 'unwavering'],
  [
    'consort',
    'start',
    'starter',
    'operating',
    'United Kingdom',
    'Britain',
    'Great Britain',
    'British',
    'Briton',
    'Britons',
    'London',
    'Westminster',
    'Whitehall',
    'Downing Street',
    'No 10',
    'No. 10',
  ],
  ['chairman', 'chairmanship'],
  ['political entity', 'restricted', 'consort'],
  ['capital', 'capitalist', 'capitalise', 'France', 'French', 'Paris'],
];

/**
 * Queries of 2 to 8 words taken from random sentences (a word of 3+ letters), a fifth of them
 * phrases of two; as `ask` searches (query.ts's `searchTerms`), no word held by more than 2% of
 * the sentences.
 */
function generated(count: number, seed: number): string[][] {
  const next = seededRandom(seed);
  const top = db.prepare('SELECT max(id) FROM sentences').pluck().get() as number;
  const text = db.prepare('SELECT text FROM sentence_texts WHERE id >= ? LIMIT 1').pluck();
  const documents = db.prepare('SELECT documents FROM term_documents WHERE term = ?').pluck();
  const common = 0.02 * (db.prepare('SELECT sentences FROM fts_progress WHERE id = 1').pluck().get() as number);
  const tokenizer = openFts5Tokenizer();
  const tooCommon = (word: string) => ((documents.get(tokenizer.tokenize([word])[0]?.[0] ?? '') as number | undefined) ?? 0) > common;
  const queries: string[][] = [];
  while (queries.length < count) {
    const terms = new Set<string>();
    const size = 2 + Math.floor(next() * 7);
    for (let tries = 0; terms.size < size && tries < 50; tries++) {
      const words = ((text.get(1 + Math.floor(next() * top)) as string | undefined) ?? '').match(/\p{L}{3,}/gu) ?? [];
      const at = Math.floor(next() * words.length);
      const word = words[at];
      if (!word || tooCommon(word)) continue;
      terms.add(next() < 0.2 && words[at + 1] ? `${word} ${words[at + 1]}` : word);
    }
    if (terms.size > 0) queries.push([...terms]);
  }
  tokenizer.close();
  return queries;
}

const cpu = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

function compare(name: string, queries: readonly (readonly string[])[], limits: readonly number[]): void {
  let searchMs = 0;
  let unprunedMs = 0;
  let plainMs = 0;
  let differ = 0;
  const before = { ...search.pruning };
  queries.forEach((terms, i) => {
    const limit = limits[i % limits.length]!;
    const match = ftsMatchExpression(terms, 'any');
    if (match === null) return;
    const { answered: answeredBefore, narrowed: narrowedBefore, retried: retriedBefore } = search.pruning;
    let started = cpu();
    const hits = search({ terms, limit }).map((hit) => `${hit.article}#${hit.sentence}@${hit.score}`);
    const searchOne = cpu() - started;
    started = cpu();
    unpruned({ terms, limit });
    const unprunedOne = cpu() - started;
    searchMs += searchOne;
    unprunedMs += unprunedOne;
    started = cpu();
    const rows = plain.all(match, limit) as { article: string; idx: number; rank: number }[];
    plainMs += cpu() - started;
    const expected = rows.map((row) => `${row.article}#${row.idx}@${-row.rank}`);
    if (process.env.VERBOSE) {
      const way =
        search.pruning.answered > answeredBefore
          ? 'answered'
          : search.pruning.narrowed > narrowedBefore
            ? 'narrowed'
            : search.pruning.retried > retriedBefore
              ? 'retried'
              : 'ranked all';
      process.stderr.write(`${way} ${searchOne.toFixed(1)} ms, unpruned ${unprunedOne.toFixed(1)} ms: ${JSON.stringify(terms)} limit ${limit}\n`);
    }
    if (hits.join('\n') !== expected.join('\n')) {
      differ += 1;
      process.stderr.write(`DIFFERENT: ${JSON.stringify(terms)} limit ${limit}\n`);
    }
  });
  const answered = search.pruning.answered - before.answered;
  const narrowed = search.pruning.narrowed - before.narrowed;
  const retried = search.pruning.retried - before.retried;
  process.stdout.write(
    `${JSON.stringify({ set: name, queries: queries.length, different: differ, searchCpuMs: Math.round(searchMs), unprunedCpuMs: Math.round(unprunedMs), plainCpuMs: Math.round(plainMs), answered, narrowed, retried })}\n`,
  );
}

// Warm the page cache first: the first set would otherwise pay for the reads of both.
for (const terms of BENCH) search({ terms, limit: 150 });
compare('bench', BENCH, [150]);
compare('generated', generated(Number(generatedArg ?? 200), Number(seedArg ?? 1)), [150, 20, 5, 1]);
search.close();
unpruned.close();
db.close();
