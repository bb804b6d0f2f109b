/**
 * `npm run eval -- --engines`: the same questions asked of the SQLite and the PostgreSQL engine
 * over the same corpus, and whether `ask` cites the same sentences in the same order from both.
 * The seeds with the seed questions, and the shared BBC News corpus with its questions when it
 * is beside the project. PostgreSQL is DATABASE_URL; the run works in a schema of its own,
 * dropped afterwards. Only the questions are read from the gold files, never their answers.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { systemClock } from '../../src/core/clock.ts';
import { answerQuestion } from '../../src/core/compose/answer.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { Store } from '../../src/core/ports/store.ts';
import { createStoryView } from '../../src/core/retrieve/story-view.ts';
import { ingestPaths } from '../../src/ingest/ingest.ts';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

export interface ParitySet {
  readonly name: string;
  readonly corpusDir: string;
  readonly questionsFile: string;
}

export interface ParityResult {
  readonly name: string;
  readonly questions: number;
  readonly same: number;
  /** Questions whose citations differ, with both lists. */
  readonly differing: readonly { readonly question: string; readonly sqlite: string[]; readonly postgres: string[] }[];
  readonly ingestSeconds: { readonly sqlite: number; readonly postgres: number };
}

/** The citations of `ask`'s answer as article#sentence, in order. */
async function citations(store: Store, question: string): Promise<string[]> {
  const reply = await answerQuestion(question, createStoryView(store));
  return reply.citations.map((c) => `${c.article}#${c.sentence ?? c.text}`);
}

async function timedIngest(store: Store, corpusDir: string, log: Logger): Promise<number> {
  const started = performance.now();
  await ingestPaths([corpusDir], { store, clock: systemClock, log });
  return Math.round((performance.now() - started) / 100) / 10;
}

/** Ingests each set into both engines and compares `ask`'s citations question by question. */
export async function runEngineParity(sets: readonly ParitySet[], databaseUrl: string, log: Logger): Promise<ParityResult[]> {
  const results: ParityResult[] = [];
  for (const set of sets) {
    const questions = (JSON.parse(readFileSync(set.questionsFile, 'utf8')) as { questions: { q: string }[] }).questions.map((q) => q.q);
    const dir = mkdtempSync(join(tmpdir(), 'briefbot-parity-'));
    const schema = `parity_${randomBytes(5).toString('hex')}`;
    const sqlite = openSqliteStore(join(dir, 'parity.db'));
    let postgres: Store | undefined;
    try {
      postgres = await openPostgresStore(databaseUrl, { schema });
      const ingestSeconds = { sqlite: await timedIngest(sqlite, set.corpusDir, log), postgres: await timedIngest(postgres, set.corpusDir, log) };
      const differing: { question: string; sqlite: string[]; postgres: string[] }[] = [];
      for (const question of questions) {
        const [a, b] = [await citations(sqlite, question), await citations(postgres, question)];
        if (JSON.stringify(a) !== JSON.stringify(b)) differing.push({ question, sqlite: a, postgres: b });
      }
      results.push({ name: set.name, questions: questions.length, same: questions.length - differing.length, differing, ingestSeconds });
    } finally {
      await sqlite.close();
      await postgres?.close();
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return results;
}

/** The results as the eval prints them. */
export function formatEngineParity(results: readonly ParityResult[]): string {
  const lines = ['Same citations in the same order from SQLite and PostgreSQL:'];
  for (const r of results) {
    lines.push(`  ${r.name}: ${r.same}/${r.questions} (ingest ${r.ingestSeconds.sqlite} s on SQLite, ${r.ingestSeconds.postgres} s on PostgreSQL)`);
    for (const d of r.differing) lines.push(`    differs: ${d.question}\n      sqlite:   ${d.sqlite.join(' ')}\n      postgres: ${d.postgres.join(' ')}`);
  }
  return lines.join('\n');
}
