/**
 * The PostgreSQL half of the store tests: where the test database is, and a factory that gives
 * each store its own fresh schema (`t_<random>`, dropped when the store closes), so parallel
 * test files, and each test, start from an empty database without colliding.
 *
 * Without BRIEFBOT_TEST_DATABASE_URL the Postgres suites are not run, and say so; under CI
 * (`CI=true`) a missing variable is a failure: CI must test both engines.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe, it } from 'vitest';
import { openPostgresStore } from '../../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../../src/core/ports/store.ts';

export const TEST_DATABASE_URL = process.env.BRIEFBOT_TEST_DATABASE_URL;

/** A fresh schema's name. */
export function freshSchema(): string {
  return `t_${randomBytes(6).toString('hex')}`;
}

/** Drops a test schema and everything in it. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

/** Opens a store in a new schema; closing the store drops the schema. */
export async function freshPostgresStore(url: string): Promise<Store> {
  const schema = freshSchema();
  let store: Store;
  try {
    store = await openPostgresStore(url, { schema, max: 4 });
  } catch (error) {
    await dropSchema(url, schema);
    throw error;
  }
  return {
    ...store,
    close: async () => {
      await store.close();
      await dropSchema(url, schema);
    },
  };
}

/**
 * Runs `suites` with the test database's URL when there is one; otherwise a describe that
 * states why nothing ran, and fails under CI.
 */
export function withTestDatabase(suites: (url: string) => void): void {
  if (TEST_DATABASE_URL) {
    suites(TEST_DATABASE_URL);
    return;
  }
  const reason = 'BRIEFBOT_TEST_DATABASE_URL is not set (e.g. postgres://postgres@127.0.0.1:5432/test)';
  if (process.env.CI === 'true') {
    describe('the PostgreSQL engine', () => {
      it('runs in CI, which must set BRIEFBOT_TEST_DATABASE_URL', () => {
        throw new Error(`${reason}: CI must run the PostgreSQL half of the store contract`);
      });
    });
    return;
  }
  describe(`the PostgreSQL engine: skipped, ${reason}`, () => {
    it.todo(`runs the store contract on PostgreSQL once ${reason.replace(' is not set', '')} is set`);
  });
}
