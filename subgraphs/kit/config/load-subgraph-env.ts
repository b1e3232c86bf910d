import { z } from 'zod';
import { DEFAULT_SIGNATURE_MAX_AGE_MS } from '../identity/identity';

/** Only for local runs against the JD sandbox; never accepted once JD_API_URL points at JD. */
export const SANDBOX_SIGNING_SECRET = 'sandbox-subgraph-signing-secret';

/** A subgraph's validated start-up configuration. */
export interface SubgraphEnv {
  port: number;
  host: string;
  signingSecret: string;
  signatureMaxAgeMs: number;
  /** Masks uncoded errors and requires a real signing secret. */
  production: boolean;
  /** True when JD_API_URL is unset, i.e. the embedded JD sandbox is used. */
  sandbox: boolean;
}

const optionalString = z.string().trim().optional().transform((v) => (v === '' ? undefined : v));
const intIn = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));

/** `ORDERS`, `AFTER_SALES` from 'orders', 'after-sales'. */
const envPrefix = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Reads a subgraph's config once at start-up. The port comes from `<NAME>_PORT` when `name` is given
 * (several subgraphs share one process under `npm start`), else `PORT`. Throws, naming what to fix.
 */
export function loadSubgraphEnv(env: NodeJS.ProcessEnv, defaults: { port: number; name?: string }): SubgraphEnv {
  const portVar = defaults.name ? `${envPrefix(defaults.name)}_PORT` : 'PORT';
  const schema = z
    .object({
      [portVar]: intIn(0, 65535).optional(),
      HOST: optionalString,
      JD_API_URL: optionalString,
      NODE_ENV: optionalString,
      SUBGRAPH_SIGNING_SECRET: optionalString,
      SUBGRAPH_SIGNATURE_MAX_AGE_MS: intIn(1_000, 3_600_000).optional(),
    })
    .transform((raw, ctx) => {
      const sandbox = !raw.JD_API_URL;
      const production = raw.NODE_ENV === 'production' || !sandbox;
      const secret = raw.SUBGRAPH_SIGNING_SECRET as string | undefined;
      if (production && (!secret || secret.length < 32 || secret === SANDBOX_SIGNING_SECRET)) {
        ctx.addIssue({
          code: 'custom',
          path: ['SUBGRAPH_SIGNING_SECRET'],
          message: 'required outside the sandbox (JD_API_URL or NODE_ENV=production set): a random secret of at least 32 characters, the same one the gateway uses',
        });
        return z.NEVER;
      }
      return {
        port: (raw[portVar] as number | undefined) ?? defaults.port,
        host: (raw.HOST as string | undefined) ?? '127.0.0.1',
        signingSecret: secret ?? SANDBOX_SIGNING_SECRET,
        signatureMaxAgeMs: (raw.SUBGRAPH_SIGNATURE_MAX_AGE_MS as number | undefined) ?? DEFAULT_SIGNATURE_MAX_AGE_MS,
        production,
        sandbox,
      };
    });
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `  - ${i.path.join('.') || '(env)'}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration${defaults.name ? ` for subgraph ${defaults.name}` : ''}:\n${problems}`);
  }
  return result.data;
}
