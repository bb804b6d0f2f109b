/**
 * Just enough of a Store for the terminal chat's banner and completion: a few articles and
 * story entities about an invented harbour story, and conversations kept in memory. Anything
 * else fails loudly.
 */
import type { ConversationRecord } from '../../../src/core/conversation/turns.ts';
import type { ConversationStore } from '../../../src/core/ports/conversation-store.ts';
import type { ArticleSummary, Store, StoryEntityRecord } from '../../../src/core/ports/store.ts';
import { entityLookupsOver } from '../retrieve/fixtures.ts';

function article(id: string, outlet: string | null, published: string | null): ArticleSummary {
  return {
    id,
    path: `${id}.txt`,
    meta: { title: `Title of ${id}`, outlet, url: null, published, updated: null, byline: null },
    titleMade: false,
    sentences: 10,
    quotes: 2,
    firstSeen: '2024-01-01T00:00:00Z',
    changedAt: '2024-01-01T00:00:00Z',
  };
}

export const harbourArticles: readonly ArticleSummary[] = [
  article('courier-0412', 'Calderbay Courier', '2021-03-09'),
  article('ledger-7781', 'Northern Ledger', '2019-05'),
  article('ledger-7790', 'Northern Ledger', '2022-11-30'),
  article('pasted-0003', null, null),
];

const entity = (id: string, name: string, quoteCount: number): StoryEntityRecord => ({
  id,
  name,
  kind: 'person',
  aliases: [],
  roles: [],
  articleCount: 1,
  quoteCount,
});

export const harbourEntities: readonly StoryEntityRecord[] = [
  entity('person:ines-kowalczyk', 'Ines Kowalczyk', 4),
  entity('person:ian-kerr', 'Ian Kerr', 1),
  entity('person:silent-observer', 'Silent Observer', 0),
];

export function fakeStore(articles: readonly ArticleSummary[] = harbourArticles): Store {
  const known: Partial<Store> = {
    listArticles: async () => articles,
    countArticles: async () => articles.length,
    storyEntities: async () => harbourEntities,
    ...entityLookupsOver(harbourEntities),
    revision: async () => 'fixed',
    conversations: memoryConversations(),
    close: async () => {},
  };
  return new Proxy(known as Store, {
    get(target, property) {
      if (property in target) return target[property as keyof Store];
      if (property === 'then') return undefined;
      throw new Error(`the fake store has no ${String(property)}`);
    },
  });
}

/** Conversations in a map: what the chat keeps between lines. */
function memoryConversations(): ConversationStore {
  const records = new Map<string, ConversationRecord>();
  return {
    conversation: async (key) => records.get(key) ?? null,
    saveConversation: async (key, turns, at) => {
      records.set(key, { key, turns, updatedAt: at });
    },
    linkMessage: async () => {},
    conversationOfMessage: async () => null,
    prune: async () => 0,
  };
}
