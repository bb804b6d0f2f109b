/**
 * The bench's questions: general news questions, so the same set serves the seeds and the
 * BBC-derived corpora. The answer latency and the FTS5 anchor ask the same ones.
 */
export const ASK_QUESTIONS: readonly string[] = [
  'What did the minister say about the economy?',
  'Who founded the company?',
  'How much did the deal cost?',
  'Why did the government ban the firm?',
  'When did the company start operating in the UK?',
  'What did the chairman say?',
  'Which countries have restricted the company?',
  'What is the capital of France?',
];

/** Inputs per command, timed warm by scripts/bench/latency.ts. */
export const QUERIES: Readonly<Record<string, readonly string[]>> = {
  ask: ASK_QUESTIONS,
  brief: ['', 'security concerns', 'the economy and jobs'],
  quote: ['', 'the minister', 'security'],
};

/** `who` requests of the serving-memory row (scripts/bench/scale.ts): a role, a surname, a company. */
export const WHO_REQUESTS: readonly string[] = ['the minister', 'the chairman', 'Brown', 'the company'];
