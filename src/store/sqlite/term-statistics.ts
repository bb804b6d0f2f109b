/**
 * How common words are in the sentence index, read from the counts indexing keeps
 * (`term_documents`, migration 14; one indexed lookup per term), so retrieval can weigh a
 * question's words without scanning sentences or walking FTS5's postings.
 */
import type Database from 'better-sqlite3';
import type { TermStatistics } from '../../core/ports/store.ts';

export type TermStatisticsReader = (stems: readonly string[]) => TermStatistics;

/** Prepares the statements once. Terms are the index's stems, lower-case ("ban", "secur"). */
export function prepareTermStatistics(db: Database.Database): TermStatisticsReader {
  const documents = db.prepare('SELECT documents FROM term_documents WHERE term = ?').pluck();
  // Kept by indexing (migration 10): counting two million rows per question would not do.
  const sentences = db.prepare('SELECT sentences FROM fts_progress WHERE id = 1').pluck();
  return (stems) => {
    const counts = new Map<string, number>();
    for (const stem of new Set(stems)) counts.set(stem, (documents.get(stem) as number | undefined) ?? 0);
    return { sentences: sentences.get() as number, documents: counts };
  };
}
