import { envReader, MIN_SECRET_CHARS, readJdCacheNamespace, readRedisUrl, SANDBOX_QUOTE_SECRET, type Env } from '../../config';
import { readJdConfig, type JdConfig } from '../../jd/client';
import { readSubgraphEnv, type SubgraphEnv } from '../kit';
import { DEFAULT_QUOTE_TTL_SECONDS, type QuoteSettings } from './quote/quote-settings';

/** Everything the exchange process reads from the environment, validated once at start-up. */
export interface ExchangeConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  quote: QuoteSettings & { secret: string };
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
  /** Prefix of the JD cache's keys (JD_CACHE_NAMESPACE). */
  cacheNamespace: string;
}

/**
 * Reads EXCHANGE_PORT (default 4003), EXCHANGE_QUOTE_TTL_SECONDS (default 900), EXCHANGE_QUOTE_SECRET
 * (required in production, ≥ 32 characters), HOST, SUBGRAPH_SIGNING_SECRET, JD_*, REDIS_URL and JD_CACHE_NAMESPACE;
 * throws a ConfigError naming every bad value.
 */
export function loadExchangeConfig(env: Env): ExchangeConfig {
  const read = envReader(env, 'subgraph exchange');
  const config = {
    subgraph: readSubgraphEnv(read, { port: 4003, name: 'exchange' }),
    jd: readJdConfig(read),
    quote: {
      ttlSeconds: read.int('EXCHANGE_QUOTE_TTL_SECONDS', {
        min: 30,
        max: 86_400,
        default: DEFAULT_QUOTE_TTL_SECONDS,
        unit: 'seconds',
        why: { min: 'a customer needs time to choose', max: 'one day; prices move' },
      }),
      secret: read.requiredInProduction('EXCHANGE_QUOTE_SECRET', {
        sandboxDefault: SANDBOX_QUOTE_SECRET,
        minLength: MIN_SECRET_CHARS,
        what: `a random secret of at least ${MIN_SECRET_CHARS} characters, the same on every exchange replica`,
      }),
    },
    redisUrl: readRedisUrl(read),
    cacheNamespace: readJdCacheNamespace(read),
  };
  read.finish();
  return config;
}
