/** A bench's own Redis namespace: unique per run, and every key under it deleted afterwards. */
import { randomUUID } from 'node:crypto';
import { createClient } from '@keyv/redis';

export interface BenchRedis {
  url: string;
  /** Unique per call: `jd-bench-<label>-<uuid>`. */
  namespace(label: string): string;
  /** Keys under the namespaces handed out so far (createJdCache prefixes keys with `<namespace>::`). */
  countKeys(): Promise<number>;
  /** Deletes every key under `namespace`, or under every handed-out namespace; returns how many. */
  cleanUp(namespace?: string): Promise<number>;
  close(): void;
}

/** Connects to REDIS_URL (default redis://127.0.0.1:6379); resolves to the reason string when no Redis answers. */
export async function connectBenchRedis(): Promise<BenchRedis | string> {
  const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const admin = createClient({ url, socket: { reconnectStrategy: false, connectTimeout: 2000 } });
  admin.on('error', () => undefined);
  try {
    await admin.connect();
  } catch (err) {
    return `no Redis at ${url}: ${err instanceof Error ? err.message : String(err)}`;
  }
  const namespaces: string[] = [];
  const keysOf = async (only?: string) => {
    const keys: string[] = [];
    for (const ns of only ? [only] : namespaces) {
      for await (const batch of admin.scanIterator({ MATCH: `${ns}::*`, COUNT: 1000 })) keys.push(...batch);
    }
    return keys;
  };
  return {
    url,
    namespace(label) {
      const ns = `jd-bench-${label}-${randomUUID()}`;
      namespaces.push(ns);
      return ns;
    },
    countKeys: async () => (await keysOf()).length,
    async cleanUp(namespace) {
      const keys = await keysOf(namespace);
      if (keys.length > 0) await admin.del(keys);
      return keys.length;
    },
    close: () => admin.destroy(),
  };
}
