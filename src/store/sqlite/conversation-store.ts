/**
 * The SQLite side of the ConversationStore port: one row per conversation with its turns as
 * JSON, and one row per platform message linked to a conversation.
 */
import type Database from 'better-sqlite3';
import type { Turn } from '../../core/conversation/turns.ts';
import type { ConversationStore } from '../../core/ports/conversation-store.ts';

interface ConversationRow {
  key: string;
  turns: string;
  updated_at: string;
}

/** Prepares the statements once. */
export function createSqliteConversationStore(db: Database.Database): ConversationStore {
  const get = db.prepare('SELECT key, turns, updated_at FROM conversations WHERE key = ?');
  const put = db.prepare(`INSERT INTO conversations (key, turns, updated_at) VALUES (@key, @turns, @at)
    ON CONFLICT (key) DO UPDATE SET turns = excluded.turns, updated_at = excluded.updated_at`);
  const link = db.prepare(`INSERT INTO conversation_messages (message, conversation, at) VALUES (?, ?, ?)
    ON CONFLICT (message) DO UPDATE SET conversation = excluded.conversation, at = excluded.at`);
  const linked = db.prepare('SELECT conversation FROM conversation_messages WHERE message = ?').pluck();
  const pruneConversations = db.prepare('DELETE FROM conversations WHERE updated_at < ?');
  const pruneMessages = db.prepare('DELETE FROM conversation_messages WHERE at < ?');
  const prune = db.transaction((before: string) => {
    pruneMessages.run(before);
    return pruneConversations.run(before).changes;
  });
  return {
    async conversation(key) {
      const row = get.get(key) as ConversationRow | undefined;
      if (!row) return null;
      return { key: row.key, turns: parseTurns(row.turns), updatedAt: row.updated_at };
    },
    async saveConversation(key, turns, at) {
      put.run({ key, turns: JSON.stringify(turns), at });
    },
    async linkMessage(message, key, at) {
      link.run(message, key, at);
    },
    async conversationOfMessage(message) {
      return (linked.get(message) as string | undefined) ?? null;
    },
    prune: async (before) => prune(before),
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
