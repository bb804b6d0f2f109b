/**
 * The story's canonical entities and the links from each article's entities to them, saved
 * whole after every relink (the linking is a function of all current articles, so a partial
 * update could only be wrong).
 */
import type Database from 'better-sqlite3';
import type { EntityKind } from '../../core/article.ts';
import type { StoryEntities } from '../../core/analyse/entity-linking.ts';
import type { StoryEntityRecord } from '../store.ts';
import { nameKey } from '../name-key.ts';

export interface StoryEntityStatements {
  /** Replaces everything; the caller wraps it in a transaction. */
  save(story: StoryEntities): void;
  list(): StoryEntityRecord[];
  anyUnlinked(): boolean;
}

interface StoryEntityRow {
  id: string;
  name: string;
  kind: string;
  aliases: string;
  roles: string;
  articles: number;
  quotes: number;
}

/** Prepares every statement once. */
export function prepareStoryEntities(db: Database.Database): StoryEntityStatements {
  const clearLinks = db.prepare('DELETE FROM entity_links');
  const clearNames = db.prepare('DELETE FROM story_entity_names');
  const clearEntities = db.prepare('DELETE FROM story_entities');
  const insertEntity = db.prepare('INSERT INTO story_entities VALUES (?, ?, ?, ?, ?)');
  const insertName = db.prepare('INSERT OR IGNORE INTO story_entity_names VALUES (?, ?)');
  // Links only to entities of current articles: linking may lag a removal by a moment.
  const insertLink = db.prepare(`INSERT OR REPLACE INTO entity_links
    SELECT @article, @key, @story
    WHERE EXISTS (SELECT 1 FROM entities WHERE article = @article AND key = @key)`);
  const list = db.prepare(`
    SELECT se.*,
      (SELECT count(DISTINCT l.article) FROM entity_links l WHERE l.story_entity = se.id) AS articles,
      (SELECT count(*) FROM entity_links l JOIN quotes q ON q.article = l.article AND q.speaker = l.entity_key
        WHERE l.story_entity = se.id) AS quotes
    FROM story_entities se
    ORDER BY quotes DESC, articles DESC, se.name`);
  const unlinked = db
    .prepare(`SELECT EXISTS (SELECT 1 FROM entities e WHERE NOT EXISTS
    (SELECT 1 FROM entity_links l WHERE l.article = e.article AND l.entity_key = e.key))`)
    .pluck();

  return {
    save(story) {
      clearLinks.run();
      clearNames.run();
      clearEntities.run();
      for (const entity of story.entities) {
        insertEntity.run(entity.id, entity.name, entity.kind, JSON.stringify(entity.aliases), JSON.stringify(entity.roles));
        for (const name of [entity.name, ...entity.aliases]) insertName.run(entity.id, nameKey(name));
      }
      for (const [key, storyEntity] of story.links) {
        const [article, entityKey] = key.split('\u0000');
        if (article === undefined || entityKey === undefined) continue;
        insertLink.run({ article, key: entityKey, story: storyEntity });
      }
    },

    anyUnlinked() {
      return unlinked.get() === 1;
    },

    list() {
      return (list.all() as StoryEntityRow[]).map((row) => ({
        id: row.id,
        name: row.name,
        kind: row.kind as EntityKind,
        aliases: JSON.parse(row.aliases) as string[],
        roles: JSON.parse(row.roles) as string[],
        articleCount: row.articles,
        quoteCount: row.quotes,
      }));
    },
  };
}
