/**
 * The eval run: ingest a corpus into a fresh temporary database, read back what users would
 * see, and score it with each suite. `npm run eval` prints it; a test asserts its thresholds.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import type { IngestReport } from '../../src/ingest/report.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { collectSystemOutput, readSourceLines } from './collect.ts';
import { loadGold } from './gold.ts';
import type { Metric } from './metrics.ts';
import { scoreSeedIndex } from './seed-index-suite.ts';
import { loadQuestions, scoreQuestions } from './question-suite.ts';
import { scoreBrief } from './brief-suite.ts';
import { createStoryView } from '../../src/core/retrieve/story-view.ts';
import { loadExtractionBench } from './extraction-bench.ts';
import { scoreExtraction } from './extraction-suite.ts';
import { runBbcSuite, type BbcSuiteOptions } from './bbc-questions-suite.ts';
import { seedConversations } from './conversation-run.ts';

export interface SuiteResult {
  readonly name: string;
  readonly metrics: readonly Metric[];
  readonly misses: readonly string[];
}

export interface EvalResult {
  readonly ingest: IngestReport;
  readonly suites: readonly SuiteResult[];
  readonly pass: boolean;
}

export interface EvalOptions {
  readonly corpusDir: string;
  readonly goldDir: string;
  readonly log?: Logger;
  /** ScrapingHub's article-extraction benchmark (EXTRACTION_BENCH_REPO): scored when given. */
  readonly extractionBench?: string;
  /** Also score the BBC questions (npm run eval does when the corpus is there). */
  readonly bbc?: BbcSuiteOptions;
}

/** Ingests `corpusDir` into a throwaway database and scores it against `goldDir`. */
export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-eval-'));
  const store = openSqliteStore(join(dir, 'eval.db'));
  try {
    const ingest = await ingestPaths([options.corpusDir], { store, clock: systemClock, log: options.log ?? silentLogger });
    const gold = await loadGold(options.goldDir);
    const output = await collectSystemOutput(store);
    const sources = await readSourceLines(options.corpusDir, Object.keys(gold.structure.articles));
    const seedIndex = scoreSeedIndex(gold, output.quotes, output.articles, sources);
    const view = createStoryView(store);
    const brief = await scoreBrief(view, gold);
    const questions = await scoreQuestions(view, [
      { name: 'Seed questions', questions: loadQuestions(options.goldDir, 'seed-questions.json'), minRight: 10 },
      { name: 'Paraphrases', questions: loadQuestions(options.goldDir, 'seed-paraphrases.json'), minRight: 3 },
    ]);
    const suites: SuiteResult[] = [
      { name: 'Story index (seeds)', metrics: seedIndex.metrics, misses: seedIndex.misses },
      { name: 'Questions (seeds, extractive answers)', metrics: questions.metrics, misses: questions.misses },
      { name: 'Brief of the story (seeds)', metrics: brief.metrics, misses: brief.misses },
      await seedConversations(store, options.goldDir),
      ...(options.extractionBench ? [scoreExtraction(loadExtractionBench(options.extractionBench))] : []),
    ];
    if (options.bbc) suites.push(await runBbcSuite(options.bbc));
    return { ingest, suites, pass: suites.every((suite) => suite.metrics.every((m) => m.pass)) };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
