/**
 * Whether two SQLite indexes of the same corpus hold the same linked story: the rows of every
 * table linking writes (entity links, story entities with their counts, names, roles, keys and
 * tallies, the quoted speakers' counts) and each quotation's speaker as `quote` reads it. Used to
 * check that a change to how the story is linked or saved (not to what it decides) leaves the
 * index as it was. Prints each table's rows found in one index and not the other; exits 1 on
 * any difference. Compares the tables read-only first; then opens each as the bot does.
 * Usage: run-ts.js scripts/compare-stories.ts A.db B.db
 */
import Database from 'better-sqlite3';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';

const [first, second] = process.argv.slice(2);
if (!first || !second) throw new Error('usage: compare-stories.ts A.db B.db');

const TABLES = [
  'entity_links',
  'story_entities',
  'story_entity_names',
  'story_entity_roles',
  'story_entity_keys',
  'story_entity_tally',
  'story_link_state',
  'quote_speakers',
  'quote_speaker_changes',
];

const db = new Database(first, { readonly: true });
db.prepare('ATTACH DATABASE ? AS other').run(second);
let differences = 0;
for (const table of TABLES) {
  const rows = db.prepare(`SELECT count(*) FROM main.${table}`).pluck().get() as number;
  const onlyFirst = db.prepare(`SELECT count(*) FROM (SELECT * FROM main.${table} EXCEPT SELECT * FROM other.${table})`).pluck().get() as number;
  const onlySecond = db.prepare(`SELECT count(*) FROM (SELECT * FROM other.${table} EXCEPT SELECT * FROM main.${table})`).pluck().get() as number;
  differences += onlyFirst + onlySecond;
  process.stdout.write(`${table}: ${rows} rows; only in A ${onlyFirst}, only in B ${onlySecond}\n`);
}
db.close();

// Each quotation's speaker as the store reads it (through the links), in one stable order.
const speakers = async (file: string): Promise<Map<string, string>> => {
  const store = openSqliteStore(file);
  try {
    const quotes = await store.listQuotes();
    return new Map(quotes.map((q) => [`${q.article}#${q.index}`, `${q.speakerId ?? '-'}\u0000${q.speakerName ?? '-'}`]));
  } finally {
    await store.close();
  }
};
const a = await speakers(first);
const b = await speakers(second);
let speakerDiffers = a.size === b.size ? 0 : Math.abs(a.size - b.size);
for (const [key, speaker] of a) if (b.get(key) !== speaker) speakerDiffers++;
const linked = [...a.values()].filter((speaker) => !speaker.startsWith('-')).length;
process.stdout.write(`quotations: ${a.size} (${linked} with a linked speaker); speaker differs ${speakerDiffers}\n`);
differences += speakerDiffers;
process.stdout.write(differences === 0 ? 'same story\n' : `${differences} differences\n`);
process.exitCode = differences === 0 ? 0 : 1;
