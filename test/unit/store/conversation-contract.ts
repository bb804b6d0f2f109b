/**
 * The ConversationStore contract (recent turns per conversation, platform messages linked to
 * one): every Store engine must pass it. Call `conversationStoreContract('engine', factory)`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Turn } from '../../../src/core/conversation/turns.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import type { StoreFactory } from './contract.ts';

const AT = '2026-03-05T09:00:00.000Z';
const LATER = '2026-03-05T09:20:00.000Z';

function turn(text: string, at = AT): Turn {
  return {
    at,
    text,
    command: 'ask',
    options: { question: text },
    subject: text,
    concepts: [{ label: 'Joan Smith', kind: 'person' }],
    entities: [{ id: 'person:joan smith', name: 'Joan Smith', kind: 'person', gender: 'female' }],
    quoted: [{ speaker: 'person:joan smith', article: 'uk/001', quote: 'Prices will rise,' }],
    sources: [
      {
        n: 1,
        article: 'uk/001',
        sentence: 2,
        text: '“Prices will rise,” Ms Smith said.',
        texts: ['“Prices will rise,” Ms Smith said.'],
        outlet: 'Daily Courier',
        title: 'Prices',
        published: '2026-03-01',
        url: null,
      },
    ],
    shown: ['uk/001\u0000“Prices will rise,” Ms Smith said.'],
  };
}

export function conversationStoreContract(engine: string, factory: StoreFactory): void {
  describe(`the ${engine} store's conversations`, () => {
    let store: Store;
    beforeEach(async () => {
      store = await factory();
    });
    afterEach(async () => {
      await store.close();
    });

    it('has no conversation under a key never used', async () => {
      expect(await store.conversations.conversation('slack:T1:C1:1.0')).toBeNull();
    });

    it('gives back the turns saved under a key, with the time of the last save', async () => {
      await store.conversations.saveConversation('slack:T1:C1:1.0', [turn('What did Smith say?')], AT);
      await store.conversations.saveConversation('slack:T1:C1:1.0', [turn('What did Smith say?'), turn('why?', LATER)], LATER);
      const record = await store.conversations.conversation('slack:T1:C1:1.0');
      expect(record?.updatedAt).toBe(LATER);
      expect(record?.turns.map((t) => t.text)).toEqual(['What did Smith say?', 'why?']);
      expect(record?.turns[0]).toEqual(turn('What did Smith say?'));
      expect(await store.conversations.conversation('slack:T1:C1:2.0')).toBeNull();
    });

    it('finds the conversation a platform message was linked to', async () => {
      await store.conversations.linkMessage('m-100', 'discord:G1:C1:m-99', AT);
      expect(await store.conversations.conversationOfMessage('m-100')).toBe('discord:G1:C1:m-99');
      expect(await store.conversations.conversationOfMessage('m-101')).toBeNull();
    });

    it('forgets conversations and message links last used before a time, and keeps later ones', async () => {
      await store.conversations.saveConversation('old', [turn('a')], AT);
      await store.conversations.saveConversation('new', [turn('b', LATER)], LATER);
      await store.conversations.linkMessage('m-1', 'old', AT);
      expect(await store.conversations.prune('2026-03-05T09:10:00.000Z')).toBe(1);
      expect(await store.conversations.conversation('old')).toBeNull();
      expect(await store.conversations.conversation('new')).not.toBeNull();
      expect(await store.conversations.conversationOfMessage('m-1')).toBeNull();
    });
  });
}
