/**
 * The store a bench step measures: a SQLite file, or, for `--engine postgres`, a PostgreSQL
 * schema of its own named in the connection string (`?options=-c search_path=…`), created
 * before and dropped after the run by bench.ts.
 */
import { statSync } from 'node:fs';
import pg from 'pg';
import type { Store } from '../../src/core/ports/store.ts';
import { openStore } from '../../src/store/open-store.ts';

export const isPostgres = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

/** Opens the store at `target`: a file path, or a PostgreSQL URL. */
export function openBenchStore(target: string): Promise<Store> {
  return openStore(isPostgres(target) ? { db: '', databaseUrl: target } : { db: target });
}

/** The database's size on disk in MB: the file and its log, or the schema's tables and indexes. */
export async function databaseMb(target: string): Promise<number> {
  if (!isPostgres(target)) {
    const size = (file: string) => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    return (size(target) + size(`${target}-wal`)) / 1024 / 1024;
  }
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string | null }>(`SELECT sum(pg_total_relation_size(c.oid)) AS bytes
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')`);
    return Number(rows[0]?.bytes ?? 0) / 1024 / 1024;
  } finally {
    await client.end();
  }
}

/** A connection string for `url` working in `schema`. */
export function inSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

/** Creates or drops a bench schema. */
export async function benchSchema(url: string, schema: string, action: 'create' | 'drop'): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(action === 'create' ? `CREATE SCHEMA ${schema}` : `DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}
