/**
 * What an ingest run did, for the CLI (text and `--json`), logs and tests.
 */

export interface SkippedFile {
  readonly path: string;
  /** The id the file would have had, when it got that far. */
  readonly id: string | null;
  readonly reason: string;
}

export interface DuplicateFile {
  readonly id: string;
  /** The id whose exact text it repeats, which is indexed in its place. */
  readonly of: string;
}

export interface IngestWarning {
  readonly path: string;
  readonly message: string;
}

export interface IngestReport {
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** Ids whose files are gone (or no longer readable as articles): not served any more. */
  readonly removed: readonly string[];
  readonly duplicates: readonly DuplicateFile[];
  readonly skipped: readonly SkippedFile[];
  /** Problems that did not stop a file: odd front matter, an invalid sources.json. */
  readonly warnings: readonly IngestWarning[];
  /** Current articles in the store after the run. */
  readonly articles: number;
  readonly ms: number;
}

/** A mutable report filled in during a run. */
export interface ReportBuilder {
  added: string[];
  updated: string[];
  unchanged: string[];
  removed: string[];
  duplicates: DuplicateFile[];
  skipped: SkippedFile[];
  warnings: IngestWarning[];
}

export function emptyReport(): ReportBuilder {
  return { added: [], updated: [], unchanged: [], removed: [], duplicates: [], skipped: [], warnings: [] };
}

/** True when the run wrote anything that changes which articles or analyses are current. */
export function changedArticles(report: ReportBuilder | IngestReport): boolean {
  return report.added.length + report.updated.length + report.removed.length + report.duplicates.length > 0;
}

/**
 * One line for humans: "3 added, 1 updated, 12 unchanged, 1 removed, 2 duplicates, 1 skipped (5 articles, 0.4 s)".
 */
export function summariseReport(report: IngestReport): string {
  const counts = [
    `${report.added.length} added`,
    `${report.updated.length} updated`,
    `${report.unchanged.length} unchanged`,
    `${report.removed.length} removed`,
    `${report.duplicates.length} duplicate${report.duplicates.length === 1 ? '' : 's'}`,
    `${report.skipped.length} skipped`,
  ];
  return `${counts.join(', ')} (${report.articles} article${report.articles === 1 ? '' : 's'} indexed, ${(report.ms / 1000).toFixed(1)} s)`;
}
