/**
 * The conversation sections of `npm run eval`: on the seeds always (scripted follow-ups, and
 * the seed questions and paraphrases asked one after another), and with `--conversations` on
 * the BBC News corpus too (its scripted follow-ups, and its 55 questions one after another),
 * indexed into a temporary database.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../../src/config.ts';
import { systemClock } from '../../src/core/clock.ts';
import { silentLogger } from '../../src/core/logger.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { loadConversations, scoreConversations } from './conversation-suite.ts';
import { loadQuestions, UNRELATED_QUESTIONS } from './question-suite.ts';

const SCRIPTS = resolve(PROJECT_ROOT, 'scripts/eval/conversations');

/** The seeds' section, on the eval's store of the seeds. */
export async function seedConversations(store: Store, goldDir: string) {
  const questions = [...loadQuestions(goldDir, 'seed-questions.json'), ...loadQuestions(goldDir, 'seed-paraphrases.json')].map((q) => q.q);
  const score = await scoreConversations(store, 'seeds', loadConversations(join(SCRIPTS, 'seeds.json')), [...questions, ...UNRELATED_QUESTIONS], {
    followUps: 1,
  });
  return { name: 'Conversations (seeds)', ...score };
}

/** The BBC section: null when the corpus or its questions are not there. */
export async function bbcConversations(corpus: string, questionsFile: string) {
  if (!existsSync(corpus) || !existsSync(questionsFile)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'briefbot-eval-bbc-'));
  const store = openSqliteStore(join(dir, 'bbc.db'));
  try {
    await ingestPaths([corpus], { store, clock: systemClock, log: silentLogger });
    const questions = loadQuestions(join(questionsFile, '..'), questionsFile.split('/').pop()!).map((q) => q.q);
    const score = await scoreConversations(store, 'BBC', loadConversations(join(SCRIPTS, 'bbc.json')), questions, { followUps: 0.8 });
    return { name: 'Conversations (BBC News)', ...score };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
