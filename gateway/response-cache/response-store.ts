import Keyv from 'keyv';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { GuardedRedisStore, TieredStore, type RedisConnection } from '../../shared-state';

interface ResponseStoreOptions {
  /** Entries kept in this process's memory (least recently used go first). */
  maxMemoryEntries: number;
  /** The shared tier (REDIS_URL); absent = this process's memory only. */
  redis?: RedisConnection;
  /** The shared tier failed and memory answered alone (a miss, or a write kept in memory only). */
  onRedisFailure?(operation: 'get' | 'set' | 'delete'): void;
}

/**
 * Where whole public responses live: memory in front of Redis, so replicas share what one of them
 * fetched and a Redis outage is a miss, never an error (TieredStore swallows the shared tier's
 * failures; GuardedRedisStore bounds each command and refuses at once while Redis is down).
 * Entries never change once written and may be served by any replica until their maxAge runs out,
 * which is what TieredStore is for.
 */
export function createResponseStore(options: ResponseStoreOptions, namespace = 'jd-gateway-response'): KeyvAdapter<string> {
  const store = new TieredStore({
    maxMemoryEntries: options.maxMemoryEntries,
    redis: options.redis ? new GuardedRedisStore(options.redis) : undefined,
    onRedisFailure: options.onRedisFailure,
  });
  // One key at a time: TieredStore has no getMany, and batching reads of different requests would only add a tick.
  return new KeyvAdapter(new Keyv<string>({ store, namespace }), { disableBatchReads: true });
}
