import { z } from 'zod';

const RedisUrl = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .refine((v) => v === undefined || /^rediss?:\/\/\S+$/.test(v), {
    message: 'REDIS_URL must look like redis://host:6379 (or rediss:// for TLS); unset it to cache in memory',
  });

/** REDIS_URL for the shared JD cache: undefined (memory) or a redis(s):// URL; else the problems found. */
export function readRedisUrl(env: NodeJS.ProcessEnv): { redisUrl?: string; problems: string[] } {
  const parsed = RedisUrl.safeParse(env.REDIS_URL);
  return parsed.success ? { redisUrl: parsed.data, problems: [] } : { problems: parsed.error.issues.map((i) => i.message) };
}
