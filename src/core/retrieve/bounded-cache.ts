/**
 * A least-recently-used cache bounded by the total weight of what it holds (for lists, their
 * length): however large the story, it keeps at most `maxWeight` worth, dropping what was
 * used longest ago. A value heavier than the bound alone is not kept.
 *
 * @example const cache = new BoundedCache<string, number[]>(3, (v) => v.length);
 *   cache.set('a', [1, 2]); cache.set('b', [3, 4]); cache.get('a') → undefined (evicted for 'b')
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, { value: V; weight: number }>();
  private weight = 0;

  constructor(
    private readonly maxWeight: number,
    private readonly weigh: (value: V) => number,
  ) {}

  /** The value under `key`, now the most recently used; undefined when absent. */
  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` under `key`, dropping the least recently used entries to stay within the bound. */
  set(key: K, value: V): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.weight -= old.weight;
    }
    const weight = Math.max(1, this.weigh(value));
    if (weight > this.maxWeight) return;
    this.entries.set(key, { value, weight });
    this.weight += weight;
    for (const [oldest, entry] of this.entries) {
      if (this.weight <= this.maxWeight) break;
      this.entries.delete(oldest);
      this.weight -= entry.weight;
    }
  }

  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
