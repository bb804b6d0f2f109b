/**
 * `npm run eval -- --writer llm`: the seed questions answered through the LLM writer against
 * whatever endpoint is configured, and the share of the sentences it wrote that passed the
 * checker. Measures the model (and the checker's strictness with it), not retrieval: each
 * question is answered as `ask` answers it, with the same passages.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../src/core/clock.ts';
import { answerWithMaterial } from '../../src/core/compose/answer.ts';
import { writeWithReport } from '../../src/core/compose/written.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { ProseWriter } from '../../src/core/ports/writer.ts';
import { createStoryView } from '../../src/core/retrieve/story-view.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { loadQuestions } from './question-suite.ts';

/** Retrieved sentences beyond the extractive answer's, as `ask` gives the writer. */
const MATERIAL = 8;

export interface WriterQuestionResult {
  readonly question: string;
  /** Sentences the model wrote and how many passed; 0 and 0 when the endpoint failed. */
  readonly written: number;
  readonly passed: number;
  /** 'llm' when the written answer would be posted, else 'extractive'. */
  readonly mode: 'llm' | 'extractive';
  /** Why the extractive answer would be posted instead, or null. */
  readonly fallback: string | null;
}

export interface WriterEvalResult {
  readonly writer: string;
  readonly questions: readonly WriterQuestionResult[];
  readonly written: number;
  readonly passed: number;
  /** passed / written, or null when nothing was written. */
  readonly share: number | null;
  /** Questions the endpoint could not answer at all (timeout, errors, budget). */
  readonly failed: number;
}

export interface WriterEvalOptions {
  readonly corpusDir: string;
  readonly goldDir: string;
  readonly writer: ProseWriter;
  readonly log: Logger;
}

/** Indexes `corpusDir` into a throwaway database and runs the seed questions through the writer. */
export async function runWriterEval(options: WriterEvalOptions): Promise<WriterEvalResult> {
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-eval-writer-'));
  const store = openSqliteStore(join(dir, 'eval.db'));
  try {
    await ingestPaths([options.corpusDir], { store, clock: systemClock, log: options.log });
    const view = createStoryView(store);
    const questions: WriterQuestionResult[] = [];
    let failed = 0;
    for (const { q } of loadQuestions(options.goldDir, 'seed-questions.json')) {
      const { reply, material } = await answerWithMaterial(q, view, MATERIAL);
      const report = await writeWithReport(reply, { task: { kind: 'answer', question: q }, material }, { writer: options.writer, view, log: options.log });
      const outcome = report.outcome;
      if (outcome && !outcome.ok) failed++;
      questions.push({
        question: q,
        written: outcome?.ok ? outcome.result.written : 0,
        passed: outcome?.ok ? outcome.result.passed : 0,
        mode: report.reply.mode === 'llm' ? 'llm' : 'extractive',
        fallback: report.fallback,
      });
    }
    const written = questions.reduce((n, r) => n + r.written, 0);
    const passed = questions.reduce((n, r) => n + r.passed, 0);
    return { writer: options.writer.label, questions, written, passed, share: written > 0 ? passed / written : null, failed };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The result as the eval prints it.
 * @example formatWriterEval(result) // 'Writer: gpt-4o-mini at …\n  3/3  llm  Who founded Huawei?\n…\nSentences that passed the checker: 25/28 (89%)'
 */
export function formatWriterEval(result: WriterEvalResult): string {
  const lines = [`Writer: ${result.writer}`, 'Passed/written  Mode  Question'];
  for (const r of result.questions) {
    const counts = `${r.passed}/${r.written}`.padEnd(14);
    lines.push(`  ${counts}  ${r.mode.padEnd(10)}  ${r.question}${r.fallback ? `  (fell back: ${r.fallback})` : ''}`);
  }
  const posted = result.questions.filter((r) => r.mode === 'llm').length;
  const share = result.share === null ? 'none written' : `${Math.round(result.share * 100)}%`;
  lines.push(
    '',
    `Sentences that passed the checker: ${result.passed}/${result.written} (${share})`,
    `Answers posted as written: ${posted}/${result.questions.length}`,
  );
  if (result.failed > 0) lines.push(`Questions the endpoint failed on: ${result.failed}/${result.questions.length} (the log on stderr says why)`);
  return lines.join('\n');
}
