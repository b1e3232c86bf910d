import { z } from 'zod';
import { loadJdConfig, type JdConfig } from '../../jd/client';
import { loadSubgraphEnv, readRedisUrl, type SubgraphEnv } from '../kit';
import { STANDARD_RETURN_DAYS, type ReturnWindowPolicy } from './eligibility/eligibility.rules';

/** Everything the after-sales process reads from the environment, validated once at start-up. */
export interface AfterSalesConfig {
  subgraph: SubgraphEnv;
  jd: JdConfig;
  policy: ReturnWindowPolicy;
  /** Shared JD cache in Redis when set; in-process memory otherwise. */
  redisUrl?: string;
}

/**
 * Assumption: JD publishes that Plus members get "extended return windows" (its support-contact page) but not how long;
 * 45 days is our default until configured.
 */
export const DEFAULT_PLUS_RETURN_DAYS = 45;

const PlusDays = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(
    z.string()
      .regex(/^\d+$/, 'AFTER_SALES_PLUS_RETURN_DAYS must be a whole number of days, e.g. 45')
      .transform(Number)
      .pipe(z.number().int()
        .min(STANDARD_RETURN_DAYS, `AFTER_SALES_PLUS_RETURN_DAYS must be at least ${STANDARD_RETURN_DAYS} (the standard window); JD Plus extends it`)
        .max(365, 'AFTER_SALES_PLUS_RETURN_DAYS must be at most 365'))
      .optional(),
  );

/** Reads AFTER_SALES_PORT (default 4002), AFTER_SALES_PLUS_RETURN_DAYS, HOST, SUBGRAPH_SIGNING_SECRET, JD_* and REDIS_URL; throws naming what to fix. */
export function loadAfterSalesConfig(env: NodeJS.ProcessEnv): AfterSalesConfig {
  const problems: string[] = [];
  const plus = PlusDays.safeParse(env.AFTER_SALES_PLUS_RETURN_DAYS);
  if (!plus.success) problems.push(...plus.error.issues.map((i) => i.message));
  const redis = readRedisUrl(env);
  problems.push(...redis.problems);
  if (problems.length) throw new Error(`Invalid configuration for subgraph after-sales:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  return {
    subgraph: loadSubgraphEnv(env, { port: 4002, name: 'after-sales' }),
    jd: loadJdConfig(env),
    policy: { standardDays: STANDARD_RETURN_DAYS, plusDays: plus.data ?? DEFAULT_PLUS_RETURN_DAYS },
    redisUrl: redis.redisUrl,
  };
}
