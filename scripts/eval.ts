/**
 * `npm run eval`: indexes the project's seeds/ into a fresh temporary database and scores
 * the result against test/gold/, printing a table per suite and what was missed; when the
 * shared BBC corpus and its questions are beside the project, also the BBC questions (on a
 * cached database, see eval/cached-corpus.ts) with plain BM25 beside them. Exits 1 when a
 * metric misses its acceptance target, so CI can run it as a check.
 *
 * With BBC_SUMMARY_REPO set to the BBC News Summary data set, it also scores `brief --article`
 * with ROUGE against the data set's reference summaries, beside Lead-3 and TextRank.
 *
 * `npm run eval -- --writer llm` instead runs the seed questions through the LLM writer
 * against the configured endpoint (OPENAI_BASE_URL / OPENAI_API_KEY, BRIEFBOT_LLM_MODEL) and
 * prints the share of written sentences that passed the checker. With no endpoint configured
 * it says so and exits 0; it exits 1 only when the endpoint failed on every question.
 *
 * `npm run eval -- --only polnear` runs only the PolNeAR section (POLNEAR_REPO, POLNEAR_SPLIT),
 * about half a minute on dev; `--misses N` adds up to N quotations whose speaker was not right.
 *
 * `npm run eval -- --engines` asks the seed and BBC questions of SQLite and of PostgreSQL
 * (DATABASE_URL) over the same corpus and checks `ask` cites the same sentences in the same order.
 *
 * `npm run eval -- --feedback` prints the 👍 / 👎 votes stored in the bot's database;
 * `npm run eval -- --conversations` adds scripted conversations on the BBC News corpus.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT, type Config } from '../src/config.ts';
import { summariseReport } from '../src/ingest/report.ts';
import { formatTable } from './eval/metrics.ts';
import { runEval } from './eval/run-eval.ts';
import { summarySection } from './eval/summary-report.ts';
import { runPolnearSection } from './eval/polnear-suite.ts';

const corpusDir = resolve(PROJECT_ROOT, 'seeds');
const goldDir = resolve(PROJECT_ROOT, 'test/gold');
// The BBC questions need the shared corpus beside the project; a fresh clone skips them.
const bbcQuestions = resolve(PROJECT_ROOT, '../shared/gold/bbc-questions.json');
const bbcCorpus = resolve(PROJECT_ROOT, '../shared/corpus/bbc-news');
const bbc =
  existsSync(bbcQuestions) && existsSync(bbcCorpus)
    ? { corpusDir: bbcCorpus, questionsFile: bbcQuestions, cacheDir: resolve(PROJECT_ROOT, 'data/eval-cache') }
    : undefined;

/** The value of `--writer`, or null. */
function writerFlag(argv: readonly string[]): string | null {
  const at = argv.findIndex((arg) => arg === '--writer' || arg.startsWith('--writer='));
  if (at < 0) return null;
  const arg = argv[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? '');
}

async function evalWriter(kind: string): Promise<number> {
  if (kind !== 'llm') {
    process.stderr.write(`eval: unknown writer "${kind}"; use --writer llm\n`);
    return 2;
  }
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    return 2;
  }
  if (!config.llm) {
    process.stdout.write(
      'No LLM endpoint is configured (set OPENAI_BASE_URL or OPENAI_API_KEY, and BRIEFBOT_LLM_MODEL); nothing to evaluate for --writer llm.\n',
    );
    return 0;
  }
  const { createLogger } = await import('../src/log.ts');
  const { createProseWriter } = await import('../src/llm/index.ts');
  const { formatWriterEval, runWriterEval } = await import('./eval/writer-suite.ts');
  const log = createLogger({ level: config.logLevel ?? 'warn', base: { app: 'briefbot-eval' } });
  // The eval keeps its own token count in memory: it does not spend the bot's daily budget file.
  const writer = createProseWriter(config.llm, { log })!;
  const result = await runWriterEval({ corpusDir, goldDir, writer, log });
  process.stdout.write(`${formatWriterEval(result)}\n`);
  return result.failed === result.questions.length && result.questions.length > 0 ? 1 : 0;
}

/**
 * The settings the eval sections read (EXTRACTION_BENCH_REPO, BBC_SUMMARY_REPO, POLNEAR_REPO),
 * read once; a bad setting of some other variable is said and skips only those sections.
 */
function evalSettings(): Pick<Config, 'extractionBench' | 'bbcSummaryRepo' | 'polnear'> {
  try {
    const { extractionBench, bbcSummaryRepo, polnear } = loadConfig(process.env);
    return { extractionBench, bbcSummaryRepo, polnear };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`eval: ${error.message}; the sections that need settings are skipped\n`);
    return { extractionBench: null, bbcSummaryRepo: null, polnear: null };
  }
}

/** The value of a `--name value` or `--name=value` flag, or null. */
function flagValue(argv: readonly string[], name: string): string | null {
  const at = argv.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return null;
  const arg = argv[at]!;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (argv[at + 1] ?? '');
}

/** `--only polnear`: the PolNeAR section alone, with its misses when `--misses N` asks. */
function evalPolnearOnly(argv: readonly string[]): number {
  const misses = Number.parseInt(flagValue(argv, '--misses') ?? '0', 10);
  const section = runPolnearSection(evalSettings().polnear, Number.isFinite(misses) && misses > 0 ? misses : 0);
  const out = [section.name, section.metrics.length > 0 ? formatTable(section.metrics) : (section.note ?? '')];
  if (section.misses.length > 0) out.push('', 'Speaker not right:', ...section.misses.map((line) => `  ${line}`));
  process.stdout.write(`${out.join('\n')}\n`);
  return section.metrics.length > 0 && section.metrics.every((metric) => metric.pass) ? 0 : 1;
}

/** `--engines`: the seed and BBC questions asked of SQLite and of PostgreSQL (DATABASE_URL); 1 when any citation differs. */
async function evalEngines(): Promise<number> {
  let databaseUrl: string | null = null;
  try {
    databaseUrl = loadConfig(process.env).databaseUrl;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`eval: ${error.message}\n`);
    return 2;
  }
  if (!databaseUrl) {
    process.stderr.write('eval: --engines compares SQLite with PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)\n');
    return 2;
  }
  const { createLogger } = await import('../src/log.ts');
  const { formatEngineParity, runEngineParity } = await import('./eval/engine-parity.ts');
  const sets = [
    { name: 'Seed questions', corpusDir, questionsFile: resolve(goldDir, 'seed-questions.json') },
    ...(bbc ? [{ name: 'BBC questions', corpusDir: bbcCorpus, questionsFile: bbcQuestions }] : []),
  ];
  const results = await runEngineParity(sets, databaseUrl, createLogger({ level: 'warn', base: { app: 'briefbot-eval' } }));
  process.stdout.write(`${formatEngineParity(results)}\n`);
  return results.every((r) => r.same === r.questions) ? 0 : 1;
}

const writer = writerFlag(process.argv.slice(2));
const only = flagValue(process.argv.slice(2), '--only');
if (only !== null && only !== 'polnear') {
  process.stderr.write(`eval: --only knows one section, polnear (got "${only}")\n`);
  process.exitCode = 2;
} else if (only === 'polnear') {
  process.exitCode = evalPolnearOnly(process.argv.slice(2));
} else if (process.argv.includes('--engines')) {
  process.exitCode = await evalEngines();
} else if (process.argv.includes('--feedback')) {
  const { printFeedback } = await import('./eval/feedback-run.ts');
  process.exitCode = await printFeedback();
} else if (writer !== null) {
  process.exitCode = await evalWriter(writer);
} else {
  const settings = evalSettings();
  const extractionBench = settings.extractionBench;
  const evaluated = await runEval({ corpusDir, goldDir, ...(extractionBench ? { extractionBench } : {}), ...(bbc ? { bbc } : {}) });
  const { bbcConversations } = await import('./eval/conversation-run.ts');
  const conversations = process.argv.includes('--conversations') && bbc ? await bbcConversations(bbcCorpus, bbcQuestions) : null;
  const suites = [...evaluated.suites, ...(conversations ? [conversations] : [])];
  const out: string[] = [`Ingest: ${summariseReport(evaluated.ingest)}`];
  if (!bbc) out.push(`BBC questions skipped: ${bbcCorpus} or ${bbcQuestions} is absent.`);
  for (const skipped of evaluated.ingest.skipped) out.push(`  skipped ${skipped.path}: ${skipped.reason}`);
  for (const suite of suites) {
    out.push('', suite.name, formatTable(suite.metrics));
    if (suite.misses.length > 0) out.push('', 'Missed:', ...suite.misses.map((line) => `  ${line}`));
  }
  const summaries = await summarySection(settings.bbcSummaryRepo);
  out.push('', ...summaries.lines);
  const polnear = runPolnearSection(settings.polnear);
  out.push('', polnear.name, polnear.metrics.length > 0 ? formatTable(polnear.metrics) : (polnear.note ?? ''));
  const pass = suites.every((suite) => suite.metrics.every((m) => m.pass)) && summaries.pass && polnear.metrics.every((metric) => metric.pass);
  out.push('', pass ? 'All targets met.' : 'Some targets were missed.');
  process.stdout.write(`${out.join('\n')}\n`);
  process.exitCode = pass ? 0 : 1;
}
