/**
 * The LLM writer's public surface. The composition root needs only `createProseWriter` (the
 * core's `ProseWriter` port, or undefined when no endpoint is set), given
 * `ledgerFile: ledgerPathFor(config.db)` for a budget that holds across restarts. The rest is for tests and
 * the eval: write an answer as a stream of checked sentences, and the checker itself.
 */
export { createWriter, type BudgetStatus, type Writer, type WriteRequest, type WriterOptions } from './writer.ts';
export type { WriteRun } from './write-run.ts';
export {
  enoughSurvived,
  DEFAULT_SURVIVAL,
  type CheckedSentence,
  type DroppedSentence,
  type SurvivalPolicy,
  type TokenUsage,
  type WriteResult,
} from './write-result.ts';
export { isWriterError, WriterError, type WriterErrorCode, type YieldedSentence } from './writer-error.ts';
export type { WriteTask } from './prompt.ts';
export type { StoredText } from './evidence.ts';
export {
  checkSentence,
  createChecker,
  OVERLAP_THRESHOLD,
  type CheckFailure,
  type CheckFailureCode,
  type CheckResult,
  type SentenceChecker,
} from './checker.ts';
export { parseCitations } from './citation-markers.ts';
export { createMemoryLedger, utcDay, type TokenLedger } from './token-budget.ts';
export { createProseWriter, proseWriterFrom, writerFromConfig, type ProseWriterOptions, type WriterDeps } from './prose-writer.ts';
export { createFileLedger, ledgerPathFor } from './file-ledger.ts';
