/**
 * The rows a question reads story entities by: each entity's name keys (`story_entity_names`)
 * and the stems of its roles' words (`story_entity_roles`, migration 11), written beside its
 * row by both ways of saving the story (whole, and one article at a time).
 */
import type Database from 'better-sqlite3';
import { lookupKeysOf } from '../../core/retrieve/entity-index.ts';

export interface EntityLookupRows {
  /** Writes an entity's lookup rows; `replacing` drops those it had first. */
  write(
    entity: { readonly id: string; readonly name: string; readonly aliases: readonly string[]; readonly roles: readonly string[] },
    replacing: boolean,
  ): void;
}

/** Prepares the statements once. */
export function prepareEntityLookupRows(db: Database.Database): EntityLookupRows {
  const deleteNames = db.prepare('DELETE FROM story_entity_names WHERE story_entity = ?');
  const insertName = db.prepare('INSERT OR IGNORE INTO story_entity_names VALUES (?, ?)');
  const deleteRoles = db.prepare('DELETE FROM story_entity_roles WHERE story_entity = ?');
  const insertRole = db.prepare('INSERT OR IGNORE INTO story_entity_roles (role_stem, story_entity) VALUES (?, ?)');
  return {
    write(entity, replacing) {
      if (replacing) {
        deleteNames.run(entity.id);
        deleteRoles.run(entity.id);
      }
      const keys = lookupKeysOf(entity);
      for (const name of keys.names) insertName.run(entity.id, name);
      for (const roleStem of keys.roleStems) insertRole.run(roleStem, entity.id);
    },
  };
}

/** Fills `story_entity_roles` for a database from before migration 11. */
export function backfillRoleStems(db: Database.Database): void {
  const insert = db.prepare('INSERT OR IGNORE INTO story_entity_roles (role_stem, story_entity) VALUES (?, ?)');
  for (const row of db.prepare("SELECT id, roles FROM story_entities WHERE roles != '[]'").all() as { id: string; roles: string }[]) {
    for (const roleStem of lookupKeysOf({ name: '', aliases: [], roles: JSON.parse(row.roles) as string[] }).roleStems) insert.run(roleStem, row.id);
  }
}
