/**
 * Chooses the Store engine for a configuration: the embedded SQLite file for now; the
 * PostgreSQL engine joins here when it exists.
 */
import type { Store } from './store.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

export interface StoreSettings {
  /** SQLite file path, or ':memory:'. */
  readonly db: string;
}

/** Opens the configured store; throws when the database cannot be opened or migrated. */
export function openStore(settings: StoreSettings): Store {
  return openSqliteStore(settings.db);
}
