/**
 * A store that counts what its reads hand back: the rows of each method (a list's length, a
 * map's size, one for a single value), and each call with its arguments. Tests count reads with
 * it, never time.
 */
import type { Store } from '../../src/core/ports/store.ts';

export interface CountedReads {
  /** Rows handed back, by method. */
  readonly rows: Map<string, number>;
  /** Each call: its method, arguments and rows. */
  readonly calls: { method: string; args: readonly unknown[]; rows: number }[];
}

export function countingStore(store: Store): { store: Store; reads: CountedReads } {
  const reads: CountedReads = { rows: new Map(), calls: [] };
  const sizeOf = (value: unknown): number =>
    value instanceof Map ? value.size : Array.isArray(value) ? value.length : value === null || value === undefined ? 0 : 1;
  const wrapped = new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result: unknown = await (value as (...a: unknown[]) => unknown).apply(target, args);
        const rows = sizeOf(result);
        reads.rows.set(String(property), (reads.rows.get(String(property)) ?? 0) + rows);
        reads.calls.push({ method: String(property), args, rows });
        return result;
      };
    },
  });
  return { store: wrapped, reads };
}
