/**
 * Whether two SQLite indexes store the same story, quoted speakers and sentence index: each
 * table (or search) read in a fixed order and hashed, FTS5's own integrity check run on both.
 * For performance work that must not change what is stored. Opens both files for writing (the
 * integrity check is a write command): use copies. Exit status 1 when they differ.
 * Usage: run-ts.js scripts/bench/compare-stored.ts A.db B.db
 */
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';

const QUERIES: Record<string, string> = {
  entity_links: 'SELECT article, entity_key, story_entity FROM entity_links ORDER BY article, entity_key',
  story_entities: 'SELECT * FROM story_entities ORDER BY id',
  story_entity_keys: 'SELECT * FROM story_entity_keys ORDER BY 1, 2',
  story_entity_tally: 'SELECT * FROM story_entity_tally ORDER BY 1, 2, 3',
  story_entity_names: 'SELECT * FROM story_entity_names ORDER BY 1, 2',
  story_entity_roles: 'SELECT * FROM story_entity_roles ORDER BY 1, 2',
  story_link_state: 'SELECT * FROM story_link_state',
  quote_speakers: 'SELECT * FROM quote_speakers ORDER BY speaker',
  quote_speaker_state: 'SELECT * FROM quote_speaker_state',
  quote_speaker_changes: 'SELECT speaker, mark FROM quote_speaker_changes ORDER BY speaker',
  fts_progress: 'SELECT * FROM fts_progress',
  term_documents: 'SELECT * FROM term_documents ORDER BY term',
  fts_instances: 'SELECT term, doc, col, offset FROM temp.fts_instance ORDER BY term, doc, offset',
  search_minister: "SELECT rowid, bm25(sentences_fts) FROM sentences_fts WHERE sentences_fts MATCH 'minister' ORDER BY rowid",
  search_phrase: `SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH '"prime minister" OR election OR said' ORDER BY rowid`,
  search_prefix: "SELECT rowid FROM sentences_fts WHERE sentences_fts MATCH 'econ*' ORDER BY rowid",
};

/** Each query's row count and hash, and the integrity check's outcome. */
function digest(file: string): Record<string, string> {
  const db = new Database(file);
  db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_instance USING fts5vocab (main, sentences_fts, instance)');
  const out: Record<string, string> = {};
  for (const [name, sql] of Object.entries(QUERIES)) {
    const hash = createHash('sha256');
    let rows = 0;
    for (const row of db.prepare(sql).iterate()) {
      hash.update(`${JSON.stringify(row)}\n`);
      rows += 1;
    }
    out[name] = `${rows} ${hash.digest('hex').slice(0, 16)}`;
  }
  try {
    db.exec("INSERT INTO sentences_fts (sentences_fts, rank) VALUES ('integrity-check', 1)");
    out.fts_integrity = 'ok';
  } catch (error) {
    out.fts_integrity = `failed: ${(error as Error).message}`;
  }
  db.close();
  return out;
}

const [first, second] = process.argv.slice(2);
if (!first || !second) throw new Error('usage: compare-stored.ts A.db B.db');
const [a, b] = [digest(first), digest(second)];
let same = true;
for (const name of Object.keys(a)) {
  const equal = a[name] === b[name];
  same &&= equal;
  process.stdout.write(`${equal ? 'same' : 'DIFF'} ${name.padEnd(22)} ${a[name]}${equal ? '' : ` | ${b[name]}`}\n`);
}
process.stdout.write(`${same ? 'IDENTICAL' : 'DIFFERENT'}\n`);
process.exitCode = same ? 0 : 1;
