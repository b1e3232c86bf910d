/**
 * A Map that keeps at most `max` entries and forgets the least recently used first: the memory
 * store behind keyv when there is no Redis (or while it is down). keyv keeps each entry's expiry
 * inside the stored value and enforces it on read; this only bounds memory.
 */
export class LruMap<K, V> extends Map<K, V> {
  constructor(private readonly max: number) {
    super();
  }

  override get(key: K): V | undefined {
    if (!super.has(key)) return undefined;
    const value = super.get(key) as V;
    // Re-insert so iteration order (oldest first) tracks recency.
    super.delete(key);
    super.set(key, value);
    return value;
  }

  override set(key: K, value: V): this {
    super.delete(key);
    super.set(key, value);
    while (this.size > this.max) super.delete(this.keys().next().value as K);
    return this;
  }
}
