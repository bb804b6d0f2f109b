/** Story entities and a small in-memory corpus written for these tests (an invented story). */
import { buildEntityIndex, type KnownEntity } from '../../../src/core/retrieve/entity-index.ts';

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
