import { loadJdConfig, type JdConfig } from '../../jd/client';
import { loadSubgraphEnv, readRedisUrl, type SubgraphEnv } from '../kit';

/** Everything the orders process reads from the environment, validated once at start-up. */
export interface OrdersConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
}

/** Reads ORDERS_PORT (default 4001), HOST, SUBGRAPH_SIGNING_SECRET, JD_* and REDIS_URL; throws naming what to fix. */
export function loadOrdersConfig(env: NodeJS.ProcessEnv): OrdersConfig {
  const redis = readRedisUrl(env);
  if (redis.problems.length) throw new Error(`Invalid configuration for subgraph orders:\n  - ${redis.problems.join('\n  - ')}`);
  return {
    subgraph: loadSubgraphEnv(env, { port: 4001, name: 'orders' }),
    jd: loadJdConfig(env),
    redisUrl: redis.redisUrl,
  };
}
