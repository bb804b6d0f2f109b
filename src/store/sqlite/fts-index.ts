/**
 * Keeps the sentence index in step with the sentences table, in batches. Sentences are
 * written with their article, in its transaction; indexing them is a separate, idempotent
 * step that any later call may finish, so a crash between the two only delays indexing.
 * Each batch also keeps `term_documents` (how many indexed sentences hold each term) and the
 * number of indexed sentences, so retrieval reads a word's count instead of walking its postings.
 */
import type Database from 'better-sqlite3';

export interface FtsIndexer {
  /** Indexes every sentence written since the last call, and counts its terms; cheap when there is none. */
  catchUp(): void;
  /** How many sentences wait to be indexed. */
  pending(): number;
}

/** The tokenizer of `sentences_fts` (migrations.ts): the terms counted must be the ones it indexes. */
const TOKENIZER = 'porter unicode61 remove_diacritics 2';

/**
 * Two scratch indexes in the connection's private temp schema, made on first use: a batch's new
 * sentences (and the removed ones' texts) are indexed there with the same tokenizer, and their
 * vocabularies give the number of sentences of the batch holding each term. Contentless, so
 * emptying one is a single command.
 */
function prepareScratch(db: Database.Database) {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_added USING fts5 (text, content = '', tokenize = '${TOKENIZER}');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_added_vocab USING fts5vocab (temp, terms_added, row);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_removed USING fts5 (text, content = '', tokenize = '${TOKENIZER}');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.terms_removed_vocab USING fts5vocab (temp, terms_removed, row);`);
  return {
    added: db.prepare('INSERT INTO temp.terms_added (rowid, text) SELECT id, text FROM main.sentence_texts WHERE id > ? AND id <= ?'),
    removed: db.prepare('INSERT INTO temp.terms_removed (rowid, text) SELECT rowid, text FROM main.term_documents_removed'),
    add: db.prepare(`INSERT INTO main.term_documents (term, documents) SELECT term, doc FROM temp.terms_added_vocab WHERE true
      ON CONFLICT (term) DO UPDATE SET documents = documents + excluded.documents`),
    subtract: db.prepare(`UPDATE main.term_documents SET documents = documents - r.doc
      FROM temp.terms_removed_vocab r WHERE main.term_documents.term = r.term`),
    // FTS5's vocabulary lists no term that no sentence holds; neither does the count.
    dropEmpty: db.prepare('DELETE FROM main.term_documents WHERE documents <= 0'),
    forget: db.prepare('DELETE FROM main.term_documents_removed'),
    clearAdded: db.prepare("INSERT INTO temp.terms_added (terms_added) VALUES ('delete-all')"),
    clearRemoved: db.prepare("INSERT INTO temp.terms_removed (terms_removed) VALUES ('delete-all')"),
  };
}

type Scratch = ReturnType<typeof prepareScratch>;

/** Prepares the statements once. */
export function prepareFtsIndexer(db: Database.Database): FtsIndexer {
  const progress = db.prepare('SELECT indexed_to FROM fts_progress WHERE id = 1').pluck();
  const newest = db.prepare('SELECT coalesce(max(id), 0) FROM sentences').pluck();
  const anyRemoved = db.prepare('SELECT EXISTS (SELECT 1 FROM term_documents_removed)').pluck();
  const countAfter = db.prepare('SELECT count(*) FROM sentences WHERE id > ?').pluck();
  const index = db.prepare('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentence_texts WHERE id > ? AND id <= ? ORDER BY id');
  const countBetween = db.prepare('SELECT count(*) FROM sentences WHERE id > ? AND id <= ?').pluck();
  const advance = db.prepare('UPDATE fts_progress SET indexed_to = ?, sentences = sentences + ? WHERE id = 1');
  let scratch: Scratch | undefined;
  const catchUp = db.transaction((counts: Scratch) => {
    const from = progress.get() as number;
    const to = newest.get() as number;
    if (anyRemoved.get() === 1) {
      counts.removed.run();
      counts.subtract.run();
      counts.dropEmpty.run();
      counts.forget.run();
      counts.clearRemoved.run();
    }
    if (to <= from) return;
    index.run(from, to);
    advance.run(to, countBetween.get(from, to) as number);
    counts.added.run(from, to);
    counts.add.run();
    counts.clearAdded.run();
  });
  const behind = () => (newest.get() as number) > (progress.get() as number) || anyRemoved.get() === 1;
  return {
    // Looked at outside a transaction first, so the usual case (nothing to index) takes no lock.
    // With work to do, IMMEDIATE: several processes sharing the file (replicas closing at once)
    // then queue for the write lock; a deferred transaction that read first would fail with
    // SQLITE_BUSY on upgrading, without waiting, when another had written in between.
    catchUp: () => {
      if (!behind()) return;
      // Outside the transaction: a rollback would drop the scratch tables its statements read.
      scratch ??= prepareScratch(db);
      catchUp.immediate(scratch);
    },
    pending: () => countAfter.get(progress.get()) as number,
  };
}
