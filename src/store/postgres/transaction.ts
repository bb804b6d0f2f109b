/**
 * Transactions on one client from the pool. A transaction PostgreSQL aborts to break a
 * deadlock or a serialization conflict between replicas is run again, from the start, a few
 * times: the write was not applied, so repeating it is safe.
 */
import type pg from 'pg';
import { isConnectionError } from './unavailable.ts';

/** Deadlock detected, serialization failure: the transaction was rolled back and may be retried. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 4;

/** True for an error that ends the transaction but may succeed when it is run again. */
export function isRetryable(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' && RETRYABLE.has(code);
}

/** Runs `work` between BEGIN and COMMIT on one client; ROLLBACK and rethrow on any error. */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // A client whose connection failed is destroyed on release rather than handed out again.
      if (isConnectionError(error)) broken = error as Error;
      else await client.query('ROLLBACK').catch(() => undefined);
      if (attempt >= ATTEMPTS || !isRetryable(error)) throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** A query runner: the pool itself, or one client inside a transaction. */
export type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;
