import Keyv from 'keyv';
import { KeyvAdapter } from '@apollo/utils.keyvadapter';
import { GuardedRedisStore, TieredStore, type RedisConnection } from '../../shared-state';
import { TracedKeyvAdapter } from './apq-spans';

/** Registrations this process remembers itself: in memory only, or in front of Redis. */
const MEMORY_ENTRIES = 10_000;

export interface ApqCacheOptions {
  /** The gateway's guarded Redis connection (REDIS_URL), so replicas share registrations. */
  redis?: RedisConnection;
  /** Redis failed or timed out and memory answered alone. */
  onRedisFailure?(operation: 'get' | 'set' | 'delete'): void;
}

/**
 * APQ store: memory in front of Redis. A registration never changes once written, so any replica may
 * keep it in memory. Redis is an optimisation, never a dependency: each command is bounded by the
 * connection's timeout and refused at once while its breaker is open (GuardedRedisStore), and a
 * failure is a miss (TieredStore), so a hash-only request gets PERSISTED_QUERY_NOT_FOUND at once and
 * the client's re-registration succeeds in memory. Without Redis it is memory alone.
 */
export function createApqCache(options: ApqCacheOptions = {}, namespace = 'jd-gateway-apq'): KeyvAdapter<string> {
  const store = new TieredStore({
    maxMemoryEntries: MEMORY_ENTRIES,
    redis: options.redis ? new GuardedRedisStore(options.redis) : undefined,
    onRedisFailure: options.onRedisFailure,
  });
  // One key at a time: TieredStore has no getMany.
  const keyv = new Keyv<string>({ store, namespace });
  return options.redis ? new TracedKeyvAdapter(keyv, { disableBatchReads: true }) : new KeyvAdapter(keyv, { disableBatchReads: true });
}
