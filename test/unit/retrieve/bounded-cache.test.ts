import { describe, expect, it } from 'vitest';
import { BoundedCache } from '../../../src/core/retrieve/bounded-cache.ts';

describe('a bounded cache', () => {
  const lists = (max: number) => new BoundedCache<string, number[]>(max, (value) => value.length);

  it('keeps what fits and drops the least recently used first', () => {
    const cache = lists(4);
    cache.set('a', [1, 2]);
    cache.set('b', [3, 4]);
    expect(cache.get('a')).toEqual([1, 2]);
    cache.set('c', [5]);
    // 'b' was used longest ago: it goes, 'a' (read since) stays.
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual([1, 2]);
    expect(cache.get('c')).toEqual([5]);
  });

  it('never holds more than its bound, and keeps nothing heavier than the bound', () => {
    const cache = lists(3);
    cache.set('big', [1, 2, 3, 4]);
    expect(cache.get('big')).toBeUndefined();
    cache.set('a', [1, 2]);
    cache.set('b', [1, 2]);
    expect([cache.get('a'), cache.get('b')].filter(Boolean)).toHaveLength(1);
  });

  it('counts an empty list as one, replaces a key in place and forgets everything when cleared', () => {
    const cache = lists(2);
    cache.set('none', []);
    cache.set('x', [1]);
    cache.set('x', [2]);
    expect(cache.get('none')).toEqual([]);
    expect(cache.get('x')).toEqual([2]);
    cache.clear();
    expect(cache.get('none')).toBeUndefined();
    expect(cache.get('x')).toBeUndefined();
  });
});
