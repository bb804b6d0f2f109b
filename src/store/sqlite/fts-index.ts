/**
 * Keeps the sentence index in step with the sentences table, in batches. Sentences are
 * written with their article, in its transaction; indexing them is a separate, idempotent
 * step that any later call may finish, so a crash between the two only delays indexing.
 */
import type Database from 'better-sqlite3';

export interface FtsIndexer {
  /** Indexes every sentence written since the last call; cheap when there is none. */
  catchUp(): void;
  /** How many sentences wait to be indexed. */
  pending(): number;
}

/** Prepares the statements once. */
export function prepareFtsIndexer(db: Database.Database): FtsIndexer {
  const progress = db.prepare('SELECT indexed_to FROM fts_progress WHERE id = 1').pluck();
  const newest = db.prepare('SELECT coalesce(max(id), 0) FROM sentences').pluck();
  const countAfter = db.prepare('SELECT count(*) FROM sentences WHERE id > ?').pluck();
  const index = db.prepare('INSERT INTO sentences_fts (rowid, text) SELECT id, text FROM sentences WHERE id > ? AND id <= ? ORDER BY id');
  const countBetween = db.prepare('SELECT count(*) FROM sentences WHERE id > ? AND id <= ?').pluck();
  const advance = db.prepare('UPDATE fts_progress SET indexed_to = ?, sentences = sentences + ? WHERE id = 1');
  const catchUp = db.transaction(() => {
    const from = progress.get() as number;
    const to = newest.get() as number;
    if (to <= from) return;
    index.run(from, to);
    advance.run(to, countBetween.get(from, to) as number);
  });
  return {
    // Looked at outside a transaction first, so the usual case (nothing to index) takes no lock.
    // With work to do, IMMEDIATE: several processes sharing the file (replicas closing at once)
    // then queue for the write lock; a deferred transaction that read first would fail with
    // SQLITE_BUSY on upgrading, without waiting, when another had written in between.
    catchUp: () => {
      if ((newest.get() as number) > (progress.get() as number)) catchUp.immediate();
    },
    pending: () => countAfter.get(progress.get()) as number,
  };
}
