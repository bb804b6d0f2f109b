/**
 * One file's part of an ingest run, in two steps around analysis (which may run on another
 * thread): decide from its fingerprint whether anything changed, then record it as unchanged,
 * a duplicate, a new or updated article, or skipped with a reason.
 */
import type { AnalysedArticle, StatedMeta } from '../core/article.ts';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { DuplicateEntry, Fingerprint, Store } from '../core/ports/store.ts';
import { ANALYSIS_VERSION } from './analysis-version.ts';
import { fileFingerprint, textFingerprint } from './fingerprint.ts';
import { readArticleBytes, toRawArticle, type SourceArticle } from './read-article.ts';
import type { ReportBuilder } from './report.ts';
import type { TextHolders } from './text-holders.ts';
import type { ArticleFile } from './scan.ts';

/** What a run knows so far; updated after every write so later files see earlier ones. */
export interface RunState {
  readonly fingerprints: Map<string, Fingerprint>;
  /** Text hash → the current id holding that text. */
  readonly byText: TextHolders;
  /** Id → path of the file that took it in this run. */
  readonly claimed: Map<string, string>;
  readonly report: ReportBuilder;
  /**
   * How many more writes of this run link their article into the story in their own
   * transaction; past that (a large run), writes only mark the story, and the run relinks it
   * whole at the end, which then costs less than linking each article.
   */
  readonly linking: { remaining: number; deferred: boolean };
  /**
   * Duplicates found while the run no longer links article by article, waiting to be written
   * together (`writeDuplicates`), as articles are: the run's state above already counts them.
   */
  readonly duplicates: DuplicateEntry[];
}

/**
 * Articles (or duplicates) written in one transaction once a run links the story whole at the
 * end: a commit per article cost a quarter more of the writer's CPU and twice its wall time,
 * and on PostgreSQL a dozen round trips each (bench/results.md, "Ingest on every core").
 */
export const WRITE_BATCH = 64;

/** The write options of the run's next write of `articles` articles: linked while the budget covers them all. */
export function nextWrite(state: RunState, articles = 1): { link: boolean } {
  if (state.linking.remaining >= articles) {
    state.linking.remaining -= articles;
    return { link: true };
  }
  state.linking.deferred = true;
  return { link: false };
}

export interface FileContext {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
}

/** `skipped`: the file is not a usable article now; `conflict`: its id was taken this run. */
export type FileOutcome = 'unchanged' | 'written' | 'duplicate' | 'skipped' | 'conflict';

/** A file that needs analysing: everything known about it before analysis, to write after. */
export interface AnalysisJob {
  readonly file: ArticleFile;
  readonly root: string;
  readonly raw: SourceArticle;
  readonly hash: string;
  readonly textHash: string;
  readonly before: Fingerprint | undefined;
}

export type Prepared = { readonly kind: 'done'; readonly outcome: FileOutcome } | { readonly kind: 'analyse'; readonly job: AnalysisJob };

export type AnalysisResult = { readonly ok: true; readonly article: AnalysedArticle } | { readonly ok: false; readonly error: unknown };

/**
 * Everything about one file up to analysis: unchanged, skipped and duplicate files are
 * finished here; a file to analyse comes back as a job, and its text is claimed at once so
 * later files in the run see it as the original of any exact copy.
 */
export async function prepareFile(file: ArticleFile, root: string, stated: StatedMeta, context: FileContext, state: RunState): Promise<Prepared> {
  const { report } = state;
  const done = (outcome: FileOutcome): Prepared => ({ kind: 'done', outcome });
  const takenBy = state.claimed.get(file.id);
  if (takenBy !== undefined) {
    report.skipped.push({ path: file.path, id: file.id, reason: `id "${file.id}" already ingested from ${takenBy} in this run` });
    return done('conflict');
  }
  state.claimed.set(file.id, file.path);

  const read = readArticleBytes(file.path);
  if (!read.ok) return done(skip(file, read.reason, context, state));
  const hash = fileFingerprint(read.bytes, stated, ANALYSIS_VERSION);
  const before = state.fingerprints.get(file.id);
  if (before && (await isUnchanged(before, hash, root, state))) {
    report.unchanged.push(file.id);
    return done('unchanged');
  }

  const raw = toRawArticle(read.bytes, file, stated);
  if (!raw.ok) return done(skip(file, raw.reason, context, state));
  for (const message of raw.warnings) report.warnings.push({ path: file.path, message });
  const textHash = textFingerprint(raw.decoded, stated);
  const original = await state.byText.get(textHash);
  if (original !== undefined && original !== file.id) {
    const entry = { id: file.id, path: file.path, root, hash, textHash, duplicateOf: original, at: context.clock.now().toISOString() };
    if (state.linking.remaining > 0) await context.store.putDuplicate(entry, nextWrite(state));
    else {
      state.duplicates.push(entry);
      if (state.duplicates.length >= WRITE_BATCH) await writeDuplicates(context, state);
    }
    await forgetText(state, before);
    state.fingerprints.set(file.id, { id: file.id, path: file.path, hash, textHash, root, status: 'duplicate', duplicateOf: original });
    report.duplicates.push({ id: file.id, of: original });
    context.log.debug({ id: file.id, of: original }, 'duplicate');
    return done('duplicate');
  }
  await forgetText(state, before);
  state.byText.set(textHash, file.id);
  return { kind: 'analyse', job: { file, root, raw: raw.article, hash, textHash, before } };
}

/** A job with what analysing it gave. */
export interface Analysed {
  readonly job: AnalysisJob;
  readonly result: AnalysisResult;
}

/**
 * Writes the analysed articles of `batch` in one transaction (all or none), and reports each
 * one that could not be analysed; the outcomes come back in the batch's order.
 */
export async function commitFiles(batch: readonly Analysed[], context: FileContext, state: RunState): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  const written: { job: AnalysisJob; article: AnalysedArticle }[] = [];
  for (const { job, result } of batch) {
    if (result.ok) {
      written.push({ job, article: result.article });
      outcomes.push('written');
      continue;
    }
    const { file, textHash } = job;
    await state.byText.release(textHash, file.id);
    context.log.error({ err: result.error, id: file.id }, 'analysis failed');
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    outcomes.push(skip(file, `analysis failed: ${message}`, context, state));
  }
  if (written.length === 0) return outcomes;
  const at = context.clock.now().toISOString();
  await context.store.putArticles(
    written.map(({ job, article }) => ({ article, origin: { root: job.root, textHash: job.textHash, analysisVersion: ANALYSIS_VERSION, at } })),
    nextWrite(state, written.length),
  );
  for (const { job, article } of written) {
    const { file, root, hash, textHash, before } = job;
    state.fingerprints.set(file.id, { id: file.id, path: file.path, hash, textHash, root, status: 'current', duplicateOf: null });
    (before && before.status !== 'removed' ? state.report.updated : state.report.added).push(file.id);
    context.log.debug({ id: file.id, sentences: article.analysis.sentences.length, quotes: article.analysis.quotes.length }, 'indexed');
  }
  return outcomes;
}

/** Writes the duplicates waiting in the run, in one transaction. */
export async function writeDuplicates(context: FileContext, state: RunState): Promise<void> {
  const entries = state.duplicates.splice(0);
  if (entries.length > 0) await context.store.putDuplicates(entries, nextWrite(state, entries.length));
}

function skip(file: ArticleFile, reason: string, context: FileContext, state: RunState): FileOutcome {
  state.report.skipped.push({ path: file.path, id: file.id, reason });
  // Info, not warn: the report names every skipped file; the log need not say it twice.
  context.log.info({ id: file.id, reason }, 'skipped');
  return 'skipped';
}

/** The id no longer holds the text it had: a later copy of that text is not its duplicate. */
async function forgetText(state: RunState, before: Fingerprint | undefined): Promise<void> {
  if (before) await state.byText.release(before.textHash, before.id);
}

/**
 * Nothing to do: same bytes, facts and analysis version from the same place, and for a
 * duplicate, its original still current with the same text.
 */
async function isUnchanged(before: Fingerprint, hash: string, root: string, state: RunState): Promise<boolean> {
  if (before.hash !== hash || before.root !== root) return false;
  if (before.status === 'current') return true;
  return before.status === 'duplicate' && (await state.byText.get(before.textHash)) === before.duplicateOf;
}
