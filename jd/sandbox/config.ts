/** The sandbox process's configuration, read once from the environment and validated. */
import { z } from 'zod';
import { faultConfigSchema } from './control/fault-spec';
import { DEFAULT_SCALE, MIN_SKUS } from './data/generate';
import { SANDBOX_DEFAULT_CREDENTIALS, SANDBOX_DEFAULT_SEED, type SandboxOptions } from './create-sandbox';

const intFrom = (name: string, min: number, max: number, fallback: number) =>
  z.string().optional().transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      ctx.addIssue({ code: 'custom', message: `${name} must be an integer in ${min}..${max}, got ${JSON.stringify(v)}` });
      return z.NEVER;
    }
    return n;
  });

const nonEmpty = (fallback: string) => z.string().optional().transform((v) => (v === undefined || v === '' ? fallback : v));

const envSchema = z.object({
  JD_SANDBOX_PORT: intFrom('JD_SANDBOX_PORT', 0, 65535, 4010),
  JD_SANDBOX_HOST: nonEmpty('127.0.0.1'),
  JD_SANDBOX_SEED: nonEmpty(SANDBOX_DEFAULT_SEED),
  JD_SANDBOX_CUSTOMERS: intFrom('JD_SANDBOX_CUSTOMERS', 0, 1_000_000, DEFAULT_SCALE.customers),
  JD_SANDBOX_ORDERS_PER_CUSTOMER: intFrom('JD_SANDBOX_ORDERS_PER_CUSTOMER', 0, 1000, DEFAULT_SCALE.ordersPerCustomer),
  JD_SANDBOX_SKUS: intFrom('JD_SANDBOX_SKUS', MIN_SKUS, 1_000_000, DEFAULT_SCALE.skus),
  JD_SANDBOX_APP_KEY: nonEmpty(SANDBOX_DEFAULT_CREDENTIALS.appKey),
  JD_SANDBOX_APP_SECRET: nonEmpty(SANDBOX_DEFAULT_CREDENTIALS.appSecret),
  JD_SANDBOX_ACCESS_TOKEN: nonEmpty(SANDBOX_DEFAULT_CREDENTIALS.accessToken),
  JD_SANDBOX_FAULTS: z.string().optional().transform((v, ctx) => {
    if (v === undefined || v.trim() === '') return {};
    let json: unknown;
    try {
      json = JSON.parse(v);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'JD_SANDBOX_FAULTS must be JSON, e.g. {"*":{"latencyMs":50}}' });
      return z.NEVER;
    }
    const parsed = faultConfigSchema.safeParse(json);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `JD_SANDBOX_FAULTS is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}` });
      return z.NEVER;
    }
    return parsed.data;
  }),
});

/** Thrown with every problem listed, so start-up can stop with one clear message. */
export class SandboxConfigError extends Error {}

/** Reads JD_SANDBOX_* from `env` into createSandbox options; throws SandboxConfigError on bad values. */
export function loadSandboxConfig(env: Record<string, string | undefined>): Required<Pick<SandboxOptions, 'port' | 'host' | 'seed' | 'scale' | 'credentials' | 'faults'>> {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    throw new SandboxConfigError(`Invalid sandbox configuration:\n${parsed.error.issues.map((i) => `  - ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.JD_SANDBOX_PORT,
    host: e.JD_SANDBOX_HOST,
    seed: e.JD_SANDBOX_SEED,
    scale: { customers: e.JD_SANDBOX_CUSTOMERS, ordersPerCustomer: e.JD_SANDBOX_ORDERS_PER_CUSTOMER, skus: e.JD_SANDBOX_SKUS },
    credentials: { appKey: e.JD_SANDBOX_APP_KEY, appSecret: e.JD_SANDBOX_APP_SECRET, accessToken: e.JD_SANDBOX_ACCESS_TOKEN },
    faults: e.JD_SANDBOX_FAULTS,
  };
}
