/**
 * The SQLite side of the AnswerStore port. A vote is one `INSERT … ON CONFLICT DO NOTHING`
 * on (answer, platform, user), so two clicks, or two replicas handling one click, store it once.
 */
import type Database from 'better-sqlite3';
import { citationJson, type CitationJson } from '../../core/compose/citations.ts';
import type { Reply } from '../../core/reply.ts';
import type { AnswerStore, Vote } from '../../core/ports/answer-store.ts';
import { type AnswerRow, type FeedbackRow, toFeedbackRecord, toStoredAnswer } from '../rows/answer-rows.ts';

/** The citations a reply carries, in the `--json` contract's shape. */
function citationsOf(reply: Reply): CitationJson[] {
  return reply.citations.map(citationJson);
}

/** Prepares the statements once. */
export function createSqliteAnswerStore(db: Database.Database): AnswerStore {
  const insert = db.prepare(`INSERT OR REPLACE INTO answers (id, platform, conversation, command, question, citations, reply, created_at)
    VALUES (@id, @platform, @conversation, @command, @question, @citations, @reply, @at)`);
  const get = db.prepare('SELECT * FROM answers WHERE id = ?');
  const exists = db.prepare('SELECT 1 FROM answers WHERE id = ?').pluck();
  const vote = db.prepare(`INSERT INTO feedback (answer, platform, user_id, vote, reason, at) VALUES (@answer, @platform, @user, @vote, NULL, @at)
    ON CONFLICT (answer, platform, user_id) DO NOTHING`);
  const own = db.prepare('SELECT vote, reason FROM feedback WHERE answer = ? AND platform = ? AND user_id = ?');
  const reason = db.prepare(
    `UPDATE feedback SET reason = @reason WHERE answer = @answer AND platform = @platform AND user_id = @user AND vote = 'down' AND reason IS NULL`,
  );
  const list = db.prepare(`SELECT f.answer, f.platform, f.user_id, f.vote, f.reason, f.at, a.command, a.question, a.citations
    FROM feedback f JOIN answers a ON a.id = f.answer ORDER BY f.at DESC, f.answer LIMIT ?`);
  const prune = db.prepare('DELETE FROM answers WHERE created_at < ?');
  const addVote = db.transaction((entry: Parameters<AnswerStore['vote']>[0]) => {
    if (!exists.get(entry.answer)) return 'unknown-answer' as const;
    return vote.run(entry).changes === 1 ? ('stored' as const) : ('already-voted' as const);
  });
  const addReason = db.transaction((entry: Parameters<AnswerStore['addReason']>[0]) => {
    const row = own.get(entry.answer, entry.platform, entry.user) as { vote: Vote; reason: string | null } | undefined;
    if (!row || row.vote !== 'down') return 'no-down-vote' as const;
    if (row.reason !== null) return 'already-given' as const;
    reason.run(entry);
    return 'stored' as const;
  });
  return {
    async saveAnswer(answer) {
      insert.run({ ...answer, citations: JSON.stringify(citationsOf(answer.reply)), reply: JSON.stringify(answer.reply) });
    },
    async answer(id) {
      const row = get.get(id) as AnswerRow | undefined;
      return row ? toStoredAnswer(row) : null;
    },
    vote: async (entry) => addVote.immediate(entry),
    addReason: async (entry) => addReason.immediate(entry),
    async feedback(limit) {
      return (list.all(limit) as FeedbackRow[]).map(toFeedbackRecord);
    },
    pruneAnswers: async (before) => prune.run(before).changes,
  };
}
