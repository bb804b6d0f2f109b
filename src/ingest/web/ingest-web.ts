/**
 * Web articles into the store through the same path as files: fingerprint, skip what is
 * unchanged, record an exact copy under another id as a duplicate, otherwise clean, analyse
 * and write (replacing the analysis of an article that changed), then relink the story. A
 * change of the stated update time alone does not make an article new content: a feed that
 * bumps its dates is not a new story for the next digest.
 */
import type { StatedMeta } from '../../core/article.ts';
import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { Store } from '../../core/ports/store.ts';
import { analyseRawArticle } from '../analyse-raw.ts';
import { ANALYSIS_VERSION } from '../analysis-version.ts';
import { fileFingerprint, textFingerprint } from '../fingerprint.ts';
import { relinkStory } from '../ingest.ts';
import { changedArticles, emptyReport, type ReportBuilder } from '../report.ts';
import { TextHolders } from '../text-holders.ts';

/** One article read from the web, ready for the pipeline. */
export interface WebArticle {
  readonly id: string;
  /** Where it was read from (its canonical address). */
  readonly url: string;
  /** Headline, blank line, body blocks (extract-article.ts). */
  readonly text: string;
  readonly stated: StatedMeta;
}

/** What happened to each article, by id. */
export type WebOutcome = 'added' | 'updated' | 'unchanged' | 'duplicate' | 'skipped';

/** The root recorded for web articles: no folder ingest ever marks them removed. */
export const WEB_ROOT = 'web';

export interface WebIngestDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
}

/**
 * Indexes the articles; returns the run's report and each article's outcome.
 *
 * @example await ingestWebArticles([{ id: 'web/courier.example/port-1a2b3c', url, text: 'Port reopens\n\nThe port …', stated: { outlet: 'Courier' } }], deps)
 *   → { report: { added: ['web/courier.example/port-1a2b3c'], … }, outcomes: Map { 'web/…' => 'added' } }
 */
export async function ingestWebArticles(
  articles: readonly WebArticle[],
  deps: WebIngestDeps,
): Promise<{ readonly report: ReportBuilder; readonly outcomes: ReadonlyMap<string, WebOutcome> }> {
  const log = deps.log.child({ component: 'ingest-web' });
  const report = emptyReport();
  const outcomes = new Map<string, WebOutcome>();
  if (articles.length === 0) return { report, outcomes };
  let wrote = false;
  const fingerprints = new Map(await deps.store.fingerprintsOf({ ids: articles.map((article) => article.id) }));
  const byText = new TextHolders(deps.store);
  for (const article of articles) {
    const bytes = Buffer.from(article.text, 'utf8');
    const hash = fileFingerprint(bytes, article.stated, ANALYSIS_VERSION);
    const { updated: _updated, ...lasting } = article.stated;
    const textHash = textFingerprint(article.text, lasting);
    const before = fingerprints.get(article.id);
    const at = deps.clock.now().toISOString();
    if (before && before.hash === hash && before.status === 'current') {
      report.unchanged.push(article.id);
      outcomes.set(article.id, 'unchanged');
      continue;
    }
    const original = await byText.get(textHash);
    if (original !== undefined && original !== article.id) {
      await deps.store.putDuplicate({ id: article.id, path: article.url, root: WEB_ROOT, hash, textHash, duplicateOf: original, at }, { link: true });
      report.duplicates.push({ id: article.id, of: original });
      outcomes.set(article.id, 'duplicate');
      continue;
    }
    try {
      const analysed = analyseRawArticle(
        { id: article.id, path: article.url, text: article.text, meta: article.stated, firstLine: 1, encoding: 'utf-8' },
        hash,
      );
      await deps.store.putArticle(analysed, { root: WEB_ROOT, textHash, analysisVersion: ANALYSIS_VERSION, at }, { link: true });
      wrote = true;
    } catch (error) {
      log.error({ err: error, id: article.id }, 'analysis failed');
      report.skipped.push({ path: article.url, id: article.id, reason: `analysis failed: ${(error as Error).message}` });
      outcomes.set(article.id, 'skipped');
      continue;
    }
    if (before && before.textHash !== textHash) await byText.release(before.textHash, article.id);
    byText.set(textHash, article.id);
    fingerprints.set(article.id, { id: article.id, path: article.url, hash, textHash, root: WEB_ROOT, status: 'current', duplicateOf: null });
    // New facts about the same text (a later update time) are written, but are not a new story.
    const outcome: WebOutcome =
      !before || before.status === 'removed' ? 'added' : before.status === 'current' && before.textHash === textHash ? 'unchanged' : 'updated';
    (outcome === 'added' ? report.added : outcome === 'updated' ? report.updated : report.unchanged).push(article.id);
    outcomes.set(article.id, outcome);
  }
  // Each write linked its article in its own transaction; a store that could not (or a
  // linking that failed) left the story marked, and it is relinked whole.
  if ((wrote || changedArticles(report)) && (await deps.store.needsLinking())) await relinkStory(deps, report.warnings, log);
  log.info(
    { added: report.added.length, updated: report.updated.length, unchanged: report.unchanged.length, duplicates: report.duplicates.length },
    'web articles indexed',
  );
  return { report, outcomes };
}
