/**
 * Story entities built by hand for the store contract, in the shape `linkStoryEntities`
 * returns.
 */
import type { Entity } from '../../../src/core/article.ts';
import { StoryLinks, type StoryEntities } from '../../../src/core/analyse/entity-linking.ts';

export interface FixtureStoryEntity {
  readonly id: string;
  /** Name, kind, aliases and roles come from this entity. */
  readonly entity: Entity;
  /** [article id, entity key] of each article entity linked to it. */
  readonly members: readonly (readonly [string, string])[];
}

export function storyOf(items: readonly FixtureStoryEntity[]): StoryEntities {
  const links = new StoryLinks();
  for (const { id, members } of items) for (const [article, key] of members) links.add(article, key, id);
  return {
    entities: items.map(({ id, entity, members }) => ({
      id,
      name: entity.name,
      kind: entity.kind,
      aliases: entity.aliases,
      roles: entity.roles,
      articles: [...new Set(members.map(([article]) => article))],
    })),
    links,
  };
}
