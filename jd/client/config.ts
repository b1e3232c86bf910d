import { z } from 'zod';
import { JD_SIGN_METHODS, type JdSignMethod } from '../protocol/system-params';

/** SANDBOX-ONLY credentials: the embedded sandbox accepts them; they are not secrets and never reach JD. */
export const JD_SANDBOX_CREDENTIALS = {
  appKey: 'sandbox-app-key',
  appSecret: 'sandbox-app-secret',
  accessToken: 'sandbox-access-token',
} as const;

export const JD_SANDBOX_DEFAULT_PORT = 4010;

/** Everything the JD client needs, read once at start-up. */
export interface JdConfig {
  /** Router URL (`https://api.jd.com/routerjson`, or the embedded sandbox's). */
  apiUrl: string;
  appKey: string;
  appSecret: string;
  accessToken: string;
  signMethod: JdSignMethod;
  /** True when no JD_API_URL was given and the embedded sandbox is used. */
  sandbox: boolean;
  sandboxPort: number;
  /** Per HTTP attempt. */
  timeoutMs: number;
  /** Retries of a read after its first attempt (writes are never retried blindly). */
  retryMax: number;
  retryBaseDelayMs: number;
  retryMaxDelayMs: number;
  /** Client-side calls per second for this app key. */
  rateLimitPerSecond: number;
  /** Longest a caller waits for a rate-limit slot before failing with kind 'rate-limited'. */
  rateLimitMaxWaitMs: number;
  breakerThreshold: number;
  breakerHalfOpenAfterMs: number;
  /** Sends of one after-sales create at most (each after checking whether the previous one landed). */
  createMaxAttempts: number;
}

/** Policy numbers used when the environment does not set them. */
export const JD_CONFIG_DEFAULTS = {
  signMethod: 'md5',
  timeoutMs: 5000,
  retryMax: 2,
  retryBaseDelayMs: 100,
  retryMaxDelayMs: 2000,
  rateLimitPerSecond: 50,
  rateLimitMaxWaitMs: 2000,
  breakerThreshold: 5,
  breakerHalfOpenAfterMs: 10_000,
  createMaxAttempts: 3,
} as const satisfies Partial<JdConfig>;

const int = (name: string, min: number, fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return fallback;
      const n = /^\d+$/.test(value.trim()) ? Number(value.trim()) : NaN;
      if (!Number.isSafeInteger(n) || n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `${name} must be a whole number from ${min} to ${max === Number.MAX_SAFE_INTEGER ? 'any' : max}, got ${JSON.stringify(value)}` });
        return z.NEVER;
      }
      return n;
    });

const credential = (name: string, what: string) =>
  z
    .string()
    .optional()
    .refine((v) => v === undefined || /^\S+$/.test(v), { message: `${name} must be your ${what} without spaces or line breaks` });

const isHttpUrl = (value: string) => {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
};

const EnvSchema = z.object({
  JD_API_URL: z.string().optional().refine((v) => v === undefined || isHttpUrl(v), {
    message: 'JD_API_URL must be an http(s) URL such as https://api.jd.com/routerjson (leave it unset to use the embedded sandbox)',
  }),
  JD_APP_KEY: credential('JD_APP_KEY', 'JD app key'),
  JD_APP_SECRET: credential('JD_APP_SECRET', 'JD app secret'),
  JD_ACCESS_TOKEN: credential('JD_ACCESS_TOKEN', 'JD access token'),
  JD_SIGN_METHOD: z.string().optional().transform((value, ctx) => {
    if (value === undefined) return JD_CONFIG_DEFAULTS.signMethod as JdSignMethod;
    if ((JD_SIGN_METHODS as readonly string[]).includes(value)) return value as JdSignMethod;
    ctx.addIssue({ code: 'custom', message: `JD_SIGN_METHOD must be one of ${JD_SIGN_METHODS.join(', ')}, got ${JSON.stringify(value)}` });
    return z.NEVER;
  }),
  JD_TIMEOUT_MS: int('JD_TIMEOUT_MS', 1, JD_CONFIG_DEFAULTS.timeoutMs),
  JD_RETRY_MAX: int('JD_RETRY_MAX', 0, JD_CONFIG_DEFAULTS.retryMax, 10),
  JD_RETRY_BASE_DELAY_MS: int('JD_RETRY_BASE_DELAY_MS', 0, JD_CONFIG_DEFAULTS.retryBaseDelayMs),
  JD_RETRY_MAX_DELAY_MS: int('JD_RETRY_MAX_DELAY_MS', 0, JD_CONFIG_DEFAULTS.retryMaxDelayMs),
  JD_RATE_LIMIT_PER_SECOND: int('JD_RATE_LIMIT_PER_SECOND', 1, JD_CONFIG_DEFAULTS.rateLimitPerSecond),
  JD_RATE_LIMIT_MAX_WAIT_MS: int('JD_RATE_LIMIT_MAX_WAIT_MS', 0, JD_CONFIG_DEFAULTS.rateLimitMaxWaitMs),
  JD_BREAKER_THRESHOLD: int('JD_BREAKER_THRESHOLD', 1, JD_CONFIG_DEFAULTS.breakerThreshold),
  JD_BREAKER_HALF_OPEN_AFTER_MS: int('JD_BREAKER_HALF_OPEN_AFTER_MS', 1, JD_CONFIG_DEFAULTS.breakerHalfOpenAfterMs),
  JD_CREATE_MAX_ATTEMPTS: int('JD_CREATE_MAX_ATTEMPTS', 1, JD_CONFIG_DEFAULTS.createMaxAttempts, 10),
  JD_SANDBOX_PORT: int('JD_SANDBOX_PORT', 1, JD_SANDBOX_DEFAULT_PORT, 65535),
});

const REQUIRED_WITH_REAL_JD = [
  ['JD_APP_KEY', 'your JD app key'],
  ['JD_APP_SECRET', 'your JD app secret'],
  ['JD_ACCESS_TOKEN', 'the access token JD issued for your app'],
] as const;

/**
 * Reads and validates the JD settings once. Without JD_API_URL the embedded sandbox is used with
 * sandbox-only credentials; with it, key, secret and token are required. Throws an Error naming every bad variable.
 */
export function loadJdConfig(env: NodeJS.ProcessEnv): JdConfig {
  // An empty variable counts as unset (`JD_API_URL=` in a .env file means "no real JD").
  const present = Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith('JD_') && value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
  const sandbox = present.JD_API_URL === undefined;
  if (!sandbox) {
    for (const [name, what] of REQUIRED_WITH_REAL_JD) {
      if (present[name] === undefined) problems.push(`${name} is missing: set it to ${what} (required when JD_API_URL is set; unset JD_API_URL to use the sandbox)`);
    }
  }
  if (!parsed.success || problems.length > 0) {
    throw new Error(`Invalid JD configuration:\n- ${problems.join('\n- ')}`);
  }
  const e = parsed.data;
  return {
    apiUrl: e.JD_API_URL ?? `http://127.0.0.1:${e.JD_SANDBOX_PORT}/routerjson`,
    appKey: e.JD_APP_KEY ?? JD_SANDBOX_CREDENTIALS.appKey,
    appSecret: e.JD_APP_SECRET ?? JD_SANDBOX_CREDENTIALS.appSecret,
    accessToken: e.JD_ACCESS_TOKEN ?? JD_SANDBOX_CREDENTIALS.accessToken,
    signMethod: e.JD_SIGN_METHOD,
    sandbox,
    sandboxPort: e.JD_SANDBOX_PORT,
    timeoutMs: e.JD_TIMEOUT_MS,
    retryMax: e.JD_RETRY_MAX,
    retryBaseDelayMs: e.JD_RETRY_BASE_DELAY_MS,
    retryMaxDelayMs: e.JD_RETRY_MAX_DELAY_MS,
    rateLimitPerSecond: e.JD_RATE_LIMIT_PER_SECOND,
    rateLimitMaxWaitMs: e.JD_RATE_LIMIT_MAX_WAIT_MS,
    breakerThreshold: e.JD_BREAKER_THRESHOLD,
    breakerHalfOpenAfterMs: e.JD_BREAKER_HALF_OPEN_AFTER_MS,
    createMaxAttempts: e.JD_CREATE_MAX_ATTEMPTS,
  };
}
