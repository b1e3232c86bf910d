import { envReader, readJdCacheNamespace, readRedisUrl, type Env } from '../../config';
import { readJdConfig, type JdConfig } from '../../jd/client';
import { readSubgraphEnv, type SubgraphEnv } from '../kit';
import { STANDARD_RETURN_DAYS, type ReturnWindowPolicy } from './eligibility/eligibility.rules';

/** Everything the after-sales process reads from the environment, validated once at start-up. */
export interface AfterSalesConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  policy: ReturnWindowPolicy;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
  /** Prefix of the JD cache's keys (JD_CACHE_NAMESPACE). */
  cacheNamespace: string;
}

/**
 * Assumption: JD publishes that Plus members get "extended return windows" (its support-contact page) but not how long;
 * 45 days is our default until configured.
 */
export const DEFAULT_PLUS_RETURN_DAYS = 45;

/** Reads AFTER_SALES_PORT (default 4002), AFTER_SALES_PLUS_RETURN_DAYS, HOST, SUBGRAPH_SIGNING_SECRET, JD_*, REDIS_URL and JD_CACHE_NAMESPACE; throws a ConfigError naming every bad value. */
export function loadAfterSalesConfig(env: Env): AfterSalesConfig {
  const read = envReader(env, 'subgraph after-sales');
  const plusDays = read.int('AFTER_SALES_PLUS_RETURN_DAYS', {
    min: STANDARD_RETURN_DAYS,
    max: 365,
    default: DEFAULT_PLUS_RETURN_DAYS,
    unit: 'days',
    why: { min: 'the standard window; JD Plus extends it' },
  });
  const config = {
    subgraph: readSubgraphEnv(read, { port: 4002, name: 'after-sales' }),
    jd: readJdConfig(read),
    policy: { standardDays: STANDARD_RETURN_DAYS, plusDays },
    redisUrl: readRedisUrl(read),
    cacheNamespace: readJdCacheNamespace(read),
  };
  read.finish();
  return config;
}
