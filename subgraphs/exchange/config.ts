import { z } from 'zod';
import { loadJdConfig, type JdConfig } from '../../jd/client';
import { loadSubgraphEnv, readRedisUrl, type SubgraphEnv } from '../kit';
import { DEFAULT_QUOTE_TTL_SECONDS, type QuoteSettings } from './quote/quote-settings';

/** SANDBOX-ONLY quote signing secret (not a secret): used only while JD_API_URL is unset and NODE_ENV is not production. */
export const SANDBOX_QUOTE_SECRET = 'sandbox-exchange-quote-secret';
export const MIN_QUOTE_SECRET_CHARS = 32;

/** Everything the exchange process reads from the environment, validated once at start-up. */
export interface ExchangeConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  quote: QuoteSettings & { secret: string };
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
}

const blankToUndefined = z.string().trim().optional().transform((v) => (v ? v : undefined));

const TtlSeconds = blankToUndefined.pipe(
  z.string()
    .regex(/^\d+$/, 'EXCHANGE_QUOTE_TTL_SECONDS must be a whole number of seconds, e.g. 900')
    .transform(Number)
    .pipe(z.number().int()
      .min(30, 'EXCHANGE_QUOTE_TTL_SECONDS must be at least 30 (a customer needs time to choose)')
      .max(86_400, 'EXCHANGE_QUOTE_TTL_SECONDS must be at most 86400 (one day); prices move'))
    .optional(),
);

/**
 * Reads EXCHANGE_PORT (default 4003), EXCHANGE_QUOTE_TTL_SECONDS (default 900), EXCHANGE_QUOTE_SECRET
 * (required outside the sandbox, ≥ 32 characters), HOST, SUBGRAPH_SIGNING_SECRET, JD_* and REDIS_URL; throws naming what to fix.
 */
export function loadExchangeConfig(env: NodeJS.ProcessEnv): ExchangeConfig {
  const problems: string[] = [];
  const subgraph = (() => {
    try {
      return loadSubgraphEnv(env, { port: 4003, name: 'exchange' });
    } catch (err) {
      problems.push(...String((err as Error).message).split('\n').slice(1).map((l) => l.replace(/^\s*-\s*/, '')));
      return null;
    }
  })();
  const ttl = TtlSeconds.safeParse(env.EXCHANGE_QUOTE_TTL_SECONDS);
  if (!ttl.success) problems.push(...ttl.error.issues.map((i) => i.message));
  const redis = readRedisUrl(env);
  problems.push(...redis.problems);

  const secret = env.EXCHANGE_QUOTE_SECRET?.trim() || undefined;
  const production = subgraph ? subgraph.production : true;
  if (production && (!secret || secret.length < MIN_QUOTE_SECRET_CHARS || secret === SANDBOX_QUOTE_SECRET)) {
    problems.push(`EXCHANGE_QUOTE_SECRET is required outside the sandbox (JD_API_URL or NODE_ENV=production set): a random secret of at least ${MIN_QUOTE_SECRET_CHARS} characters, the same on every exchange replica`);
  }
  if (problems.length || !subgraph) throw new Error(`Invalid configuration for subgraph exchange:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    subgraph,
    jd: loadJdConfig(env),
    quote: { ttlSeconds: ttl.data ?? DEFAULT_QUOTE_TTL_SECONDS, secret: secret ?? SANDBOX_QUOTE_SECRET },
    redisUrl: redis.redisUrl,
  };
}
