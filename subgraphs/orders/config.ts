import { envReader, readJdCacheNamespace, readRedisUrl, type Env } from '../../config';
import { readJdConfig, type JdConfig } from '../../jd/client';
import { readSubgraphEnv, type SubgraphEnv } from '../kit';

/** Everything the orders process reads from the environment, validated once at start-up. */
export interface OrdersConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
  /** Prefix of the JD cache's keys (JD_CACHE_NAMESPACE). */
  cacheNamespace: string;
}

/** Reads ORDERS_PORT (default 4001), HOST, SUBGRAPH_SIGNING_SECRET, JD_*, REDIS_URL and JD_CACHE_NAMESPACE; throws a ConfigError naming every bad value. */
export function loadOrdersConfig(env: Env): OrdersConfig {
  const read = envReader(env, 'subgraph orders');
  const config = {
    subgraph: readSubgraphEnv(read, { port: 4001, name: 'orders' }),
    jd: readJdConfig(read),
    redisUrl: readRedisUrl(read),
    cacheNamespace: readJdCacheNamespace(read),
  };
  read.finish();
  return config;
}
