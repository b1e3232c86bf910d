import { EventEmitter } from 'node:events';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import { LruMap } from './lru-map';
import type { GuardedRedisStore } from './guarded-store';

export interface TieredStoreOptions {
  /** Entries kept in this process's memory tier. */
  maxMemoryEntries: number;
  /** The shared tier; absent = memory only. */
  redis?: GuardedRedisStore;
  /** Called when the shared tier failed and the memory tier answered alone. */
  onRedisFailure?(operation: 'get' | 'set' | 'delete'): void;
}

/**
 * Memory in front of Redis, for entries that never change once written (APQ registrations) or may
 * be served by any replica until they expire (public responses). Reads try memory, then Redis;
 * writes go to both. While Redis is down the memory tier carries on alone, so a client that
 * re-registers an APQ hash succeeds. keyv keeps the expiry inside each value, so an entry copied
 * from Redis into memory still expires when it would have in Redis.
 * Not for data that a write must evict on every replica (the JD cache): memory would keep it.
 */
export class TieredStore extends EventEmitter implements KeyvStoreAdapter {
  private readonly memory: LruMap<string, unknown>;
  namespace?: string;
  readonly opts = {};

  constructor(private readonly options: TieredStoreOptions) {
    super();
    this.memory = new LruMap(options.maxMemoryEntries);
  }

  async get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    const local = this.memory.get(key);
    if (local !== undefined || !this.options.redis) return local as StoredData<Value> | undefined;
    try {
      const shared = await this.options.redis.get<Value>(key);
      if (shared !== undefined && shared !== null) this.memory.set(key, shared);
      return shared ?? undefined;
    } catch {
      this.options.onRedisFailure?.('get');
      return undefined;
    }
  }

  async set(key: string, value: string, ttl?: number): Promise<void> {
    this.memory.set(key, value);
    await this.shared('set', (redis) => redis.set(key, value, ttl));
  }

  async delete(key: string): Promise<boolean> {
    const had = this.memory.delete(key);
    await this.shared('delete', (redis) => redis.delete(key));
    return had;
  }

  async clear(): Promise<void> {
    this.memory.clear();
    await this.shared('delete', (redis) => redis.clear());
  }

  private async shared(operation: 'set' | 'delete', work: (redis: GuardedRedisStore) => Promise<unknown>): Promise<void> {
    if (!this.options.redis) return;
    try {
      await work(this.options.redis);
    } catch {
      this.options.onRedisFailure?.(operation);
    }
  }
}
