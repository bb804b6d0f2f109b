/**
 * Incremental, idempotent ingest of files and folders of articles into a Store.
 *
 * Per file: an unchanged fingerprint writes nothing; a changed one replaces the article and
 * its analysis in one transaction (with up to 63 others in a run that relinks whole); text that exactly repeats another id's is recorded as a
 * duplicate and indexed once; a file that cannot be read as an article is reported with the
 * reason and skipped. Per folder ingested again: ids whose files are gone are marked
 * removed. Each change links its article into the story's entities in its own transaction
 * (incremental linking); a run of many changes, or a story left unlinked by a stopped run,
 * relinks the whole story at the end instead.
 */
import { performance } from 'node:perf_hooks';
import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { StatedMeta } from '../core/article.ts';
import type { Store } from '../core/ports/store.ts';
import type { linkStoryEntities } from '../core/analyse/entity-linking.ts';
import { storyLinkerInPasses } from '../core/analyse/story-passes.ts';
import { analyseRawArticle, type Analyser } from './analyse-raw.ts';
import { assignIds, fingerprintQuery } from './article-ids.ts';
import { createAnalysisPool, type AnalysisPool } from './analysis-pool.ts';
import { boundHeapGrowth } from './heap-growth.ts';
import {
  commitFiles,
  prepareFile,
  WRITE_BATCH,
  writeDuplicates,
  type Analysed,
  type AnalysisJob,
  type AnalysisResult,
  type FileContext,
  type RunState,
} from './ingest-file.ts';
import { changedArticles, emptyReport, type IngestReport, type ReportBuilder } from './report.ts';
import { scanPath, type ArticleFile, type ScanResult } from './scan.ts';
import { readSourcesFile, SOURCES_FILE, type SourcesFile } from './sources-file.ts';
import { TextHolders } from './text-holders.ts';

export interface IngestDeps {
  readonly store: Store;
  readonly clock: Clock;
  readonly log: Logger;
  /** Raw article → analysed article, on this thread; tests pass one that fails on purpose. */
  readonly analyse?: Analyser;
  /**
   * Analyse on this many worker threads instead (the default analyser only), once a run has
   * enough files to repay starting them. 0 or absent: analyse on this thread.
   */
  readonly workers?: number;
  readonly linkStory?: typeof linkStoryEntities;
  /**
   * Up to this many articles written, changed or removed in a run are linked into the story
   * one at a time, each in its own transaction (default 200); a larger run relinks the whole
   * story once at the end. 0: always relink whole.
   */
  readonly incrementalLinking?: number;
}

/** Beyond this many changed articles in a run, one whole relink costs less than linking each. */
const INCREMENTAL_LINKING = 200;

/** Below this many files, starting workers (about half a second each) costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 200;

interface Planned {
  readonly file: ArticleFile;
  readonly root: string;
  readonly stated: StatedMeta;
}

/**
 * Ingests every article under `paths` (files or folders) and reports what it did.
 *
 * @example await ingestPaths(['seeds'], { store, clock, log })
 *   → { added: ['000_027e3a3643333b23', …], skipped: [], duplicates: [], … }
 */
export async function ingestPaths(paths: readonly string[], deps: IngestDeps): Promise<IngestReport> {
  const started = performance.now();
  const log = deps.log.child({ component: 'ingest' });
  boundHeapGrowth();
  // The run's state (every fingerprint, every file) is let go before the story is relinked,
  // which holds every article's entities: the two would otherwise add up at the peak.
  const { report, deferred } = await writeChanges(paths, deps, log);
  if ((changedArticles(report) && deferred) || (await deps.store.needsLinking())) await relinkStory(deps, report.warnings, log);
  const result: IngestReport = { ...report, articles: await deps.store.countArticles(), ms: Math.round(performance.now() - started) };
  log.info(
    {
      added: result.added.length,
      updated: result.updated.length,
      unchanged: result.unchanged.length,
      removed: result.removed.length,
      duplicates: result.duplicates.length,
      skipped: result.skipped.length,
      ms: result.ms,
    },
    'ingested',
  );
  return result;
}

/** Writes what changed under `paths`; `deferred`: some write left the story to relink whole. */
async function writeChanges(paths: readonly string[], deps: IngestDeps, log: Logger): Promise<{ report: ReportBuilder; deferred: boolean }> {
  const report = emptyReport();
  const scanned = await Promise.all(paths.map((path) => scanPath(path)));
  // Only the fingerprints of these files and folders: the run never reads the whole story's.
  const fingerprints = new Map(await deps.store.fingerprintsOf(fingerprintQuery(scanned)));
  const state: RunState = {
    fingerprints,
    byText: new TextHolders(deps.store),
    claimed: new Map(),
    report,
    linking: { remaining: 0, deferred: false },
    duplicates: [],
  };
  const scans = assignIds(scanned, fingerprints);
  for (const scan of scans) {
    for (const problem of scan.problems) report.skipped.push({ path: problem.path, id: null, reason: problem.reason });
  }
  const planned = await plan(scans, report.warnings);
  // Link article by article unless the run brings more new ids than that pays for, or the
  // story already waits for a whole relink.
  const limit = deps.incrementalLinking ?? INCREMENTAL_LINKING;
  const fresh = planned.filter((p) => !fingerprints.has(p.file.id)).length;
  state.linking.remaining = fresh > limit || (await deps.store.needsLinking()) ? 0 : limit;
  await removeMissing(scans, deps, state, log);

  // Stored duplicates go last, so they are compared with their originals as they are now.
  const isStoredDuplicate = (p: Planned) => fingerprints.get(p.file.id)?.status === 'duplicate';
  const context: FileContext = { store: deps.store, clock: deps.clock, log };
  const useWorkers = !deps.analyse && (deps.workers ?? 0) > 0 && planned.length >= MIN_FILES_FOR_WORKERS;
  const pool = useWorkers ? createAnalysisPool(deps.workers!) : null;
  const unusable: string[] = [];
  try {
    const ordered = [...planned.filter((p) => !isStoredDuplicate(p)), ...planned.filter(isStoredDuplicate)];
    // A batch's worth more than the workers need in flight: writing a batch leaves them work.
    const window = pool ? 32 * deps.workers! + WRITE_BATCH : 1;
    await processInOrder(ordered, context, state, analyser(deps.analyse ?? analyseRawArticle, pool), window, (id) => unusable.push(id));
  } finally {
    await pool?.close();
  }
  // A stored article whose file is now empty, binary or unreadable is no longer current.
  await markRemoved(
    unusable.filter((id) => isLive(state, id)),
    deps,
    state,
  );

  return { report, deferred: state.linking.deferred };
}

type AnalyseAsync = (job: AnalysisJob) => Promise<AnalysisResult>;

function analyser(analyse: Analyser, pool: AnalysisPool | null): AnalyseAsync {
  return async (job) => {
    try {
      const article = pool ? await pool.analyse(job.raw, job.hash) : analyse(job.raw, job.hash);
      return { ok: true, article };
    } catch (error) {
      return { ok: false, error };
    }
  };
}

/**
 * Prepares files in order and writes them in the same order, with up to `window` analyses in
 * flight meanwhile (1 on this thread: analyse, write, next). Once the run no longer links article
 * by article, the oldest analysis and the next ones, up to `WRITE_BATCH`, are written together in
 * one transaction once each is analysed.
 */
async function processInOrder(
  items: readonly Planned[],
  context: FileContext,
  state: RunState,
  analyse: AnalyseAsync,
  window: number,
  onUnusable: (id: string) => void,
): Promise<void> {
  const inFlight: { job: AnalysisJob; result: Promise<AnalysisResult>; done?: AnalysisResult }[] = [];
  const batchSize = () => (state.linking.remaining > 0 ? 1 : WRITE_BATCH);
  const commitReady = async () => {
    const oldest = inFlight.shift()!;
    const batch: Analysed[] = [{ job: oldest.job, result: await oldest.result }];
    const size = batchSize();
    // Waits for the analyses still running rather than writing the few done: a commit writes
    // every page it touched (16 KB each) to the log again, so a commit per article, as one
    // worker's pace gave, wrote twice the bytes of a full batch's.
    while (batch.length < size && inFlight.length > 0) {
      const next = inFlight.shift()!;
      batch.push({ job: next.job, result: next.done ?? (await next.result) });
    }
    const outcomes = await commitFiles(batch, context, state);
    outcomes.forEach((outcome, i) => {
      if (outcome === 'skipped') onUnusable(batch[i]!.job.file.id);
    });
  };
  for (const item of items) {
    const prepared = await prepareFile(item.file, item.root, item.stated, context, state);
    if (prepared.kind === 'done') {
      if (prepared.outcome === 'skipped') onUnusable(item.file.id);
      continue;
    }
    const entry: (typeof inFlight)[number] = { job: prepared.job, result: analyse(prepared.job) };
    void entry.result.then((result) => {
      entry.done = result;
    });
    inFlight.push(entry);
    // Analysed on this thread, a batch is gathered before it is written.
    if (inFlight.length >= Math.max(window, batchSize())) await commitReady();
  }
  while (inFlight.length > 0) await commitReady();
  await writeDuplicates(context, state);
}

/** Ids from a folder ingested before whose files are no longer in it. */
async function removeMissing(scans: readonly ScanResult[], deps: IngestDeps, state: RunState, log: Logger): Promise<void> {
  const gone: string[] = [];
  for (const scan of scans) {
    if (scan.kind !== 'folder') continue;
    if (scan.incomplete) {
      log.warn({ root: scan.root }, 'part of the folder was unreadable: no article is marked removed');
      continue;
    }
    const present = new Set(scan.files.map((f) => f.id));
    for (const fingerprint of state.fingerprints.values()) {
      if (fingerprint.root === scan.root && fingerprint.status !== 'removed' && !present.has(fingerprint.id)) {
        gone.push(fingerprint.id);
      }
    }
  }
  await markRemoved(gone, deps, state);
}

async function markRemoved(ids: readonly string[], deps: IngestDeps, state: RunState): Promise<void> {
  if (ids.length === 0) return;
  // One write removes them all, linked if the budget covers every one of them.
  const link = ids.length <= state.linking.remaining;
  if (link) state.linking.remaining -= ids.length;
  else state.linking.deferred = true;
  await deps.store.markRemoved(ids, deps.clock.now().toISOString(), { link });
  for (const id of ids) {
    const before = state.fingerprints.get(id);
    if (!before) continue;
    await state.byText.release(before.textHash, id);
    state.fingerprints.set(id, { ...before, status: 'removed' });
    state.report.removed.push(id);
  }
}

function isLive(state: RunState, id: string): boolean {
  const status = state.fingerprints.get(id)?.status;
  return status === 'current' || status === 'duplicate';
}

/** Every file to ingest with the facts its folder's sources.json states about it. */
async function plan(scans: readonly ScanResult[], warnings: ReportBuilderWarnings): Promise<Planned[]> {
  const sourcesByDir = new Map<string, Promise<SourcesFile>>();
  const planned: Planned[] = [];
  for (const scan of scans) {
    for (const file of scan.files) {
      let sources = sourcesByDir.get(file.dir);
      if (!sources) {
        sources = readSourcesFile(file.dir);
        sourcesByDir.set(file.dir, sources);
        const { problem } = await sources;
        if (problem) warnings.push({ path: `${file.dir}/${SOURCES_FILE}`, message: problem });
      }
      planned.push({ file, root: scan.root, stated: (await sources).byName.get(file.name) ?? {} });
    }
  }
  return planned;
}

type ReportBuilderWarnings = ReturnType<typeof emptyReport>['warnings'];

/**
 * Links entities across all current articles and saves the story's canonical entities; a
 * failure leaves the articles stored and adds a warning. Every source of articles (folders,
 * feeds, pages) calls it after a run that changed anything.
 */
export async function relinkStory(deps: Pick<IngestDeps, 'store' | 'linkStory'>, warnings: ReportBuilderWarnings, log: Logger): Promise<void> {
  const started = performance.now();
  boundHeapGrowth();
  try {
    let articles: number;
    if (deps.linkStory) {
      const all = await deps.store.listArticleEntities();
      await deps.store.saveStoryEntities(deps.linkStory(all));
      articles = all.length;
    } else {
      // Two reads of the story: the first decides its entities, keeping each distinct way a
      // member is written, not the members; the store's save reads it again to write each
      // article's links as it goes. Holding every article's entities and links at once was the
      // peak of a first ingest of 100,000 articles.
      const linker = storyLinkerInPasses();
      articles = 0;
      for await (const article of deps.store.eachArticleEntities()) {
        linker.add(article);
        articles += 1;
      }
      await deps.store.saveLinkedStory(linker.finish());
    }
    log.debug({ articles, ms: Math.round(performance.now() - started) }, 'story entities relinked');
  } catch (error) {
    // The articles are stored; only cross-article names are stale until the next change.
    log.error({ err: error }, 'story entity linking failed');
    warnings.push({ path: '(story)', message: `entities were not linked across articles: ${(error as Error).message}` });
  }
}
