/**
 * The PostgreSQL side of the ConversationStore port: one row per conversation with its turns
 * as JSON, one row per platform message linked to a conversation, as in SQLite.
 */
import type pg from 'pg';
import type { Turn } from '../../core/conversation/turns.ts';
import type { ConversationStore } from '../../core/ports/conversation-store.ts';
import { inTransaction } from './transaction.ts';

export function createPostgresConversationStore(pool: pg.Pool): ConversationStore {
  return {
    async conversation(key) {
      const { rows } = await pool.query<{ key: string; turns: string; updated_at: string }>('SELECT key, turns, updated_at FROM conversations WHERE key = $1', [
        key,
      ]);
      const row = rows[0];
      return row ? { key: row.key, turns: parseTurns(row.turns), updatedAt: row.updated_at } : null;
    },
    async saveConversation(key, turns, at) {
      await pool.query(
        `INSERT INTO conversations (key, turns, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET turns = excluded.turns, updated_at = excluded.updated_at`,
        [key, JSON.stringify(turns), at],
      );
    },
    async linkMessage(message, key, at) {
      await pool.query(
        `INSERT INTO conversation_messages (message, conversation, at) VALUES ($1, $2, $3)
         ON CONFLICT (message) DO UPDATE SET conversation = excluded.conversation, at = excluded.at`,
        [message, key, at],
      );
    },
    async conversationOfMessage(message) {
      const { rows } = await pool.query<{ conversation: string }>('SELECT conversation FROM conversation_messages WHERE message = $1', [message]);
      return rows[0]?.conversation ?? null;
    },
    prune: (before) =>
      inTransaction(pool, async (client) => {
        await client.query('DELETE FROM conversation_messages WHERE at < $1', [before]);
        return (await client.query('DELETE FROM conversations WHERE updated_at < $1', [before])).rowCount ?? 0;
      }),
  };
}

/** Turns as saved; a row that is not a list (written by hand, or damaged) reads as no turns. */
function parseTurns(json: string): Turn[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? (value as Turn[]) : [];
  } catch {
    return [];
  }
}
