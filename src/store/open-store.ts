/**
 * Chooses the Store engine for a configuration: PostgreSQL when a database URL is given (many
 * replicas share it), otherwise the embedded SQLite file.
 */
import type { Store } from '../core/ports/store.ts';
import { describeDatabaseUrl } from './postgres/database-url.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';

export interface StoreSettings {
  /** SQLite file path, or ':memory:'. */
  readonly db: string;
  /** A PostgreSQL connection string (DATABASE_URL); when set, `db` is not used. */
  readonly databaseUrl?: string | null;
}

/**
 * Opens the configured store; throws when the database cannot be opened, reached or migrated
 * (for PostgreSQL, with a message naming the host, never the password).
 */
export async function openStore(settings: StoreSettings): Promise<Store> {
  if (settings.databaseUrl) {
    // Loaded only when configured: the embedded default starts without the driver.
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore(settings.databaseUrl);
  }
  return openSqliteStore(settings.db);
}

/** Where the store lives, for messages: the SQLite file, or the PostgreSQL host (no password). */
export function storeLocation(settings: StoreSettings): string {
  return settings.databaseUrl ? `PostgreSQL at ${describeDatabaseUrl(settings.databaseUrl)}` : settings.db;
}
