/**
 * Sentences as the SQLite engine's full-text index sees them: its FTS5 tokenizer
 * (`porter unicode61 remove_diacritics 2`: words of letters and digits, lower-cased, accents
 * removed, Porter stems), run in a private in-memory SQLite database and read back through
 * `fts5vocab`. The same tokenizer rather than a second one written to agree with it, so the
 * PostgreSQL engine indexes, matches and counts exactly the tokens SQLite does:
 * "Acme's café" → acm, s, cafe.
 */
import Database from 'better-sqlite3';

/** The tokenizer of src/store/sqlite/migrations.ts's `sentences_fts`. */
export const FTS5_TOKENIZER = 'porter unicode61 remove_diacritics 2';

export interface Fts5Tokenizer {
  /** Each text's tokens in order (one list per text, empty for a text with no word). */
  tokenize(texts: readonly string[]): string[][];
  close(): void;
}

/** Opens the in-memory tokenizer; one per store, reused for every article and query. */
export function openFts5Tokenizer(): Fts5Tokenizer {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE text_in USING fts5 (text, tokenize = '${FTS5_TOKENIZER}');
    CREATE VIRTUAL TABLE tokens_out USING fts5vocab (text_in, instance);`);
  const insert = db.prepare('INSERT INTO text_in (rowid, text) VALUES (?, ?)');
  const read = db.prepare('SELECT doc, term FROM tokens_out ORDER BY doc, offset');
  const clear = db.prepare('DELETE FROM text_in');
  const run = db.transaction((texts: readonly string[]): string[][] => {
    const lists = texts.map((): string[] => []);
    texts.forEach((text, i) => insert.run(i + 1, text));
    for (const row of read.iterate() as IterableIterator<{ doc: number; term: string }>) lists[row.doc - 1]?.push(row.term);
    clear.run();
    return lists;
  });
  return {
    tokenize: (texts) => (texts.length === 0 ? [] : run(texts)),
    close: () => db.close(),
  };
}

/** A lexeme quoted for tsvector and tsquery input: 'it''s'. Tokens are letters and digits; quoting is for safety. */
function quoteLexeme(token: string): string {
  return `'${token.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * A tsvector literal of tokens at their positions (1-based, as tsvector counts), passed as a
 * query parameter and cast, never spliced into SQL.
 *
 * @example tsvectorLiteral(['run', 'run', 'fast']) === "'run':1,2 'fast':3"
 */
export function tsvectorLiteral(tokens: readonly string[]): string {
  const positions = new Map<string, number[]>();
  tokens.forEach((token, i) => {
    const list = positions.get(token);
    if (list) list.push(i + 1);
    else positions.set(token, [i + 1]);
  });
  return [...positions].map(([token, at]) => `${quoteLexeme(token)}:${at.join(',')}`).join(' ');
}

/**
 * A tsquery literal for phrases: each phrase's tokens at consecutive positions (`<->`), the
 * phrases joined by OR (`any`) or AND (`all`), as FTS5 matches `"a b" OR "c"`.
 *
 * @example tsqueryLiteral([['acm', 's'], ['ban']], 'any') === "('acm' <-> 's') | ('ban')"
 */
export function tsqueryLiteral(phrases: readonly (readonly string[])[], match: 'any' | 'all'): string {
  return phrases.map((phrase) => `(${phrase.map(quoteLexeme).join(' <-> ')})`).join(match === 'all' ? ' & ' : ' | ');
}
