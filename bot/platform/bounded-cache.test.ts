import { describe, expect, it } from 'vitest';
import { BoundedCache } from './bounded-cache.js';

describe('BoundedCache', () => {
  it('never holds more than its bound, however many keys pass through it', () => {
    const cache = new BoundedCache<number, string>(100);
    for (let i = 0; i < 100_000; i++) cache.set(i, `v${i}`);
    expect(cache.size).toBe(100);
    expect(cache.get(99_999)).toBe('v99999');
    expect(cache.get(0)).toBeUndefined();
  });

  it('forgets the least recently used entry first', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1).set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
  });

  it('replaces a value without growing', () => {
    const cache = new BoundedCache<string, number>(2);
    cache.set('a', 1).set('a', 2);
    expect(cache.size).toBe(1);
    expect(cache.get('a')).toBe(2);
  });
});
