import { z } from 'zod';
import { loadJdConfig, type JdConfig } from '../../jd/client';
import { loadSubgraphEnv, type SubgraphEnv } from '../kit';

/** Everything the orders process reads from the environment, validated once at start-up. */
export interface OrdersConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
}

const RedisUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
    message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS); unset it to cache in memory',
  });

/** Reads ORDERS_PORT (default 4001), HOST, SUBGRAPH_SIGNING_SECRET, JD_* and REDIS_URL; throws naming what to fix. */
export function loadOrdersConfig(env: NodeJS.ProcessEnv): OrdersConfig {
  const redis = RedisUrl.safeParse(env.REDIS_URL);
  if (!redis.success) throw new Error(`Invalid configuration for subgraph orders:\n  - ${redis.error.issues[0].message}`);
  return {
    subgraph: loadSubgraphEnv(env, { port: 4001, name: 'orders' }),
    jd: loadJdConfig(env),
    redisUrl: redis.data,
  };
}
