import { createJdCache } from '../../../jd/loaders';

describe('in-memory JD cache', () => {
  it('keeps at most maxMemoryEntries, dropping the least recently used first', async () => {
    const cache = createJdCache({ maxMemoryEntries: 3 });
    for (const key of ['a', 'b', 'c']) await cache.set(key, key.toUpperCase(), 60_000);
    expect(await cache.get('a')).toBe('A'); // touch: 'b' is now the least recently used
    await cache.set('d', 'D', 60_000);
    expect(await cache.getMany(['a', 'b', 'c', 'd'])).toEqual(['A', undefined, 'C', 'D']);
    await cache.close();
  });

  it('still honours TTLs and cached nulls', async () => {
    const cache = createJdCache({ maxMemoryEntries: 10 });
    await cache.set('gone', 1, 1);
    await cache.set('missing', null, 60_000);
    await new Promise((r) => setTimeout(r, 5));
    expect(await cache.get('gone')).toBeUndefined();
    expect(await cache.get('missing')).toBeNull();
    await cache.close();
  });
});
