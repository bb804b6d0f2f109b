/** Story entities and a small in-memory corpus written for these tests (an invented story). */
import type { EntityKind } from '../../../src/core/article.ts';
import type { Store } from '../../../src/core/ports/store.ts';
import { buildEntityIndex, type KnownEntity, lookupKeysOf } from '../../../src/core/retrieve/entity-index.ts';

export function entity(partial: Partial<KnownEntity> & Pick<KnownEntity, 'id' | 'name' | 'kind'>): KnownEntity {
  return { aliases: [], roles: [], articleCount: 1, quoteCount: 0, ...partial };
}

export const harbourStory = buildEntityIndex([
  entity({ id: 'org:portco', name: 'PortCo', kind: 'organisation', aliases: ['PortCo Ltd', 'the firm'], articleCount: 4, quoteCount: 2 }),
  entity({
    id: 'person:maria-lopez',
    name: 'Maria Lopez',
    kind: 'person',
    aliases: ['Ms Lopez', 'Lopez'],
    roles: ['transport minister'],
    articleCount: 3,
    quoteCount: 4,
  }),
  entity({ id: 'person:tom-reed', name: 'Tom Reed', kind: 'person', aliases: ['Mr Reed', 'Reed'], roles: ['chief executive'], articleCount: 2, quoteCount: 2 }),
  entity({ id: 'group:union-leaders', name: 'union leaders', kind: 'group', aliases: [], articleCount: 1, quoteCount: 1 }),
]);

/** A fake store's entity lookups over `entities`, answering as the engines do (the store contract holds them to it). */
export function entityLookupsOver(entities: readonly KnownEntity[]): Pick<Store, 'storyEntitiesByKey' | 'roleHolders' | 'prominentEntities'> {
  return {
    storyEntitiesByKey: async ({ names = [], roleStems = [], ids = [] }) =>
      entities.filter((e) => {
        const keys = lookupKeysOf(e);
        return keys.names.some((key) => names.includes(key)) || keys.roleStems.some((key) => roleStems.includes(key)) || ids.includes(e.id);
      }),
    roleHolders: async (roleStems) =>
      [...new Set(roleStems)]
        .sort()
        .flatMap((stem) =>
          entities
            .filter((e) => e.kind === 'person' && lookupKeysOf(e).roleStems.includes(stem))
            .map((e) => ({ stem, id: e.id, kind: 'person' as const, roles: e.roles, articleCount: e.articleCount, quoteCount: e.quoteCount })),
        ),
    prominentEntities: async (kind: EntityKind, minArticles: number) => {
      const ofKind = entities.filter((e) => e.kind === kind);
      return { top: Math.max(0, ...ofKind.map((e) => e.articleCount * 3 + e.quoteCount)), entities: ofKind.filter((e) => e.articleCount >= minArticles) };
    },
  };
}
