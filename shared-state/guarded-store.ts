import { EventEmitter } from 'node:events';
import KeyvRedis from '@keyv/redis';
import type { KeyvStoreAdapter, StoredData } from 'keyv';
import type { RedisConnection } from './redis-connection';

/**
 * A keyv store over the shared Redis connection in which every operation runs through
 * `connection.run`: bounded by the operation timeout and refused at once while Redis is down, so a
 * cache or APQ lookup never waits on a dead Redis. Failures reject (with RedisUnavailableError);
 * the store's user decides what a failure means (a cache miss, a memory fallback).
 */
export class GuardedRedisStore extends EventEmitter implements KeyvStoreAdapter {
  private readonly inner: KeyvRedis<unknown>;

  constructor(
    private readonly connection: RedisConnection,
    namespace?: string,
  ) {
    super();
    // throwOnErrors: keyv-redis would otherwise turn a failed command into "not found".
    this.inner = new KeyvRedis(connection.client, { namespace, throwOnErrors: true, throwOnConnectError: true });
    this.inner.on('error', () => undefined);
  }

  get opts() {
    return this.inner.opts;
  }

  get namespace(): string | undefined {
    return this.inner.namespace;
  }

  set namespace(value: string | undefined) {
    this.inner.namespace = value;
  }

  get<Value>(key: string): Promise<StoredData<Value> | undefined> {
    return this.connection.run(() => this.inner.get<StoredData<Value>>(key));
  }

  getMany<Value>(keys: string[]): Promise<Array<StoredData<Value | undefined>>> {
    return this.connection.run(() => this.inner.getMany<StoredData<Value | undefined>>(keys)) as Promise<
      Array<StoredData<Value | undefined>>
    >;
  }

  set(key: string, value: string, ttl?: number): Promise<void> {
    return this.connection.run(() => this.inner.set(key, value, ttl));
  }

  setMany(entries: Array<{ key: string; value: string; ttl?: number }>): Promise<void> {
    return this.connection.run(() => this.inner.setMany(entries));
  }

  delete(key: string): Promise<boolean> {
    return this.connection.run(() => this.inner.delete(key));
  }

  deleteMany(keys: string[]): Promise<boolean> {
    return this.connection.run(() => this.inner.deleteMany(keys));
  }

  has(key: string): Promise<boolean> {
    return this.connection.run(() => this.inner.has(key));
  }

  clear(): Promise<void> {
    return this.connection.run(() => this.inner.clear());
  }

  /** The connection is shared and closed by its owner, never by one of its stores. */
  async disconnect(): Promise<void> {}
}
