/**
 * The PostgreSQL side of the AnswerStore port. A vote is one `INSERT … ON CONFLICT DO NOTHING`
 * on (answer, platform, user), so two clicks, or two replicas handling one click, store it once.
 */
import type pg from 'pg';
import { citationJson } from '../../core/compose/citations.ts';
import type { AnswerStore, Vote } from '../../core/ports/answer-store.ts';
import { inTransaction } from './transaction.ts';
import { type AnswerRow, type FeedbackRow, toFeedbackRecord, toStoredAnswer } from '../rows/answer-rows.ts';

export function createPostgresAnswerStore(pool: pg.Pool): AnswerStore {
  return {
    async saveAnswer(answer) {
      await pool.query(
        `INSERT INTO answers (id, platform, conversation, command, question, citations, reply, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET platform = excluded.platform, conversation = excluded.conversation, command = excluded.command,
           question = excluded.question, citations = excluded.citations, reply = excluded.reply, created_at = excluded.created_at`,
        [
          answer.id,
          answer.platform,
          answer.conversation,
          answer.command,
          answer.question,
          JSON.stringify(answer.reply.citations.map(citationJson)),
          JSON.stringify(answer.reply),
          answer.at,
        ],
      );
    },
    async answer(id) {
      const { rows } = await pool.query<AnswerRow>('SELECT * FROM answers WHERE id = $1', [id]);
      const row = rows[0];
      return row ? toStoredAnswer(row) : null;
    },
    vote: (entry) =>
      inTransaction(pool, async (client) => {
        const exists = await client.query('SELECT 1 FROM answers WHERE id = $1 FOR SHARE', [entry.answer]);
        if (!exists.rowCount) return 'unknown-answer' as const;
        const stored = await client.query(
          `INSERT INTO feedback (answer, platform, user_id, vote, reason, at) VALUES ($1, $2, $3, $4, NULL, $5)
           ON CONFLICT (answer, platform, user_id) DO NOTHING`,
          [entry.answer, entry.platform, entry.user, entry.vote, entry.at],
        );
        return stored.rowCount === 1 ? ('stored' as const) : ('already-voted' as const);
      }),
    addReason: (entry) =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{ vote: Vote; reason: string | null }>(
          'SELECT vote, reason FROM feedback WHERE answer = $1 AND platform = $2 AND user_id = $3 FOR UPDATE',
          [entry.answer, entry.platform, entry.user],
        );
        const row = rows[0];
        if (!row || row.vote !== 'down') return 'no-down-vote' as const;
        if (row.reason !== null) return 'already-given' as const;
        await client.query('UPDATE feedback SET reason = $4 WHERE answer = $1 AND platform = $2 AND user_id = $3', [
          entry.answer,
          entry.platform,
          entry.user,
          entry.reason,
        ]);
        return 'stored' as const;
      }),
    async feedback(limit) {
      const { rows } = await pool.query<FeedbackRow>(
        `SELECT f.answer, f.platform, f.user_id, f.vote, f.reason, f.at, a.command, a.question, a.citations
         FROM feedback f JOIN answers a ON a.id = f.answer ORDER BY f.at DESC, f.answer LIMIT $1`,
        [limit],
      );
      return rows.map(toFeedbackRecord);
    },
    pruneAnswers: async (before) => (await pool.query('DELETE FROM answers WHERE created_at < $1', [before])).rowCount ?? 0,
  };
}
