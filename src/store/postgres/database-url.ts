/**
 * Naming a PostgreSQL database in messages without loading the driver: the CLI and the bot say
 * where their store is on every start, and only a configured DATABASE_URL loads `pg`.
 */

/** Where a connection string points, for messages: host, port and database, never the password. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const database = parsed.pathname.replace(/^\//, '');
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${database ? `/${database}` : ''}`;
  } catch {
    return 'an unreadable DATABASE_URL';
  }
}
