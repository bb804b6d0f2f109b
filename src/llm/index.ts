/**
 * The LLM writer's public surface, for the composition root and the commands: build a writer
 * from config, write an answer as a stream of checked sentences, and fall back to the
 * extractive answer on a `WriterError` or when too little survives the checker.
 */
export { createWriter, type BudgetStatus, type Writer, type WriteRequest, type WriterOptions } from './writer.ts';
export type { WriteRun } from './write-run.ts';
export { enoughSurvived, DEFAULT_SURVIVAL, type CheckedSentence, type DroppedSentence, type SurvivalPolicy, type TokenUsage, type WriteResult } from './write-result.ts';
export { isWriterError, WriterError, type WriterErrorCode, type YieldedSentence } from './writer-error.ts';
export type { WriteTask } from './prompt.ts';
export type { StoredText } from './evidence.ts';
export { checkSentence, createChecker, OVERLAP_THRESHOLD, type CheckFailure, type CheckFailureCode, type CheckResult, type SentenceChecker } from './checker.ts';
export { parseCitations } from './citation-markers.ts';
export { createMemoryLedger, utcDay, type TokenLedger } from './token-budget.ts';
