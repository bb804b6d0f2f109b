/**
 * What the store keeps for conversations: each thread's, reply chain's, direct message's or
 * terminal session's recent turns (core/conversation/turns.ts), under a key the adapter makes
 * (`slack:T1:C1:1700000000.000100`), and the platform messages that belong to one, so a
 * Discord reply to the bot's answer finds its conversation on any replica.
 *
 * Whether a conversation has gone idle for too long is the caller's to decide from
 * `updatedAt`; the store keeps a record until `prune` removes it, so "that conversation
 * expired" can be told apart from "there was none". Times are ISO 8601 strings in UTC.
 */
import type { ConversationRecord, Turn } from '../conversation/turns.ts';

export interface ConversationStore {
  /** The conversation under `key`, or null when there is none. */
  conversation(key: string): Promise<ConversationRecord | null>;
  /** Replaces the conversation's turns, stamped `at`. */
  saveConversation(key: string, turns: readonly Turn[], at: string): Promise<void>;
  /** Records that a platform message (the bot's answer, a user's reply) belongs to a conversation. */
  linkMessage(message: string, key: string, at: string): Promise<void>;
  /** The conversation a platform message belongs to, or null. */
  conversationOfMessage(message: string): Promise<string | null>;
  /** Forgets conversations, and message links, last used before `before`; returns how many conversations went. */
  prune(before: string): Promise<number>;
}
