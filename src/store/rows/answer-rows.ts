/**
 * Answers and the feedback on them as both engines' tables return them, and their mapping to
 * the port's records: the columns are the same in SQLite and PostgreSQL, so the shapes are
 * written once. Citations and the reply are kept as JSON text.
 */
import type { CitationJson } from '../../core/compose/citations.ts';
import type { FeedbackRecord, StoredAnswer, Vote } from '../../core/ports/answer-store.ts';
import type { Reply } from '../../core/reply.ts';

export interface AnswerRow {
  id: string;
  platform: string;
  conversation: string | null;
  command: string;
  question: string | null;
  citations: string;
  reply: string;
  created_at: string;
}

export interface FeedbackRow {
  answer: string;
  platform: string;
  user_id: string;
  vote: Vote;
  reason: string | null;
  at: string;
  command: string;
  question: string | null;
  citations: string;
}

export function toStoredAnswer(row: AnswerRow): StoredAnswer {
  return {
    id: row.id,
    platform: row.platform,
    conversation: row.conversation,
    command: row.command,
    question: row.question,
    citations: JSON.parse(row.citations) as CitationJson[],
    reply: JSON.parse(row.reply) as Reply,
    at: row.created_at,
  };
}

export function toFeedbackRecord(row: FeedbackRow): FeedbackRecord {
  return {
    answer: row.answer,
    platform: row.platform,
    user: row.user_id,
    vote: row.vote,
    reason: row.reason,
    at: row.at,
    command: row.command,
    question: row.question,
    citations: JSON.parse(row.citations) as CitationJson[],
  };
}
