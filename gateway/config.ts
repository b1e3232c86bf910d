import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { partnerKeysSchema, type PartnerKey } from './auth';

/** Sandbox-only defaults: public on purpose, refused whenever real JD data or NODE_ENV=production is in play. */
export const SANDBOX_SUBGRAPH_SIGNING_SECRET = 'sandbox-subgraph-signing-secret';
export const SANDBOX_JWT_HS256_SECRET = 'sandbox-jwt-hs256-secret-not-for-production';
export const SANDBOX_PARTNER_KEY = 'sandbox-partner-key';
export const SANDBOX_JWT_ISSUER = 'jd-support-graph-sandbox';
export const SANDBOX_JWT_AUDIENCE = 'jd-support-graph';

export type SafelistMode = 'off' | 'log-unknown' | 'enforce';

/** Where the data comes from: the built-in JD sandbox (simulated, the default) or real JD (JD_API_URL set). */
export type GatewayMode = 'sandbox' | 'jd';

/** Partner requests per minute per key when PARTNER_RATE_LIMIT_PER_MINUTE is unset in sandbox mode. */
export const SANDBOX_PARTNER_RATE_LIMIT_PER_MINUTE = 60;

export interface JwtConfig {
  issuer: string;
  audience: string;
  /** Exactly one key source is set. */
  hs256Secret?: string;
  jwksUrl?: string;
  jwksFile?: string;
}

export interface GatewayConfig {
  /** 'sandbox' unless JD_API_URL is set; decides the defaults of introspection, explorer and partner rate limit. */
  mode: GatewayMode;
  /** Sandbox data (no JD_API_URL): responses are labelled simulated, sandbox defaults allowed unless production. */
  sandbox: boolean;
  production: boolean;
  port: number;
  host: string;
  supergraphPath: string;
  subgraphSigningSecret: string;
  /** SUBGRAPH_URL_<NAME> overrides, keyed by the normalised subgraph name (AFTER_SALES). */
  subgraphUrlOverrides: Record<string, string>;
  jwt: JwtConfig;
  partnerKeys: PartnerKey[];
  redisUrl?: string;
  apq: boolean;
  safelist: { mode: SafelistMode; manifestPath: string; clientNames: string[] };
  corsOrigins: string[];
  introspection: boolean;
  /** The self-hosted explorer at /explorer (EXPLORER; on in sandbox mode, off with real JD data). */
  explorer: { enabled: boolean };
  /** Apollo's embedded Sandbox at GET /graphql (APOLLO_SANDBOX_LANDING_PAGE; loads from Apollo's CDN, so off by default). */
  apolloSandboxLandingPage: boolean;
  /** Per partner key (PARTNER_RATE_LIMIT_PER_MINUTE); 0 means no limit. */
  partnerRateLimit: { perMinute: number };
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const boolText = z.enum(['true', 'false', '1', '0', 'on', 'off']).transform((v) => ['true', '1', 'on'].includes(v));
const list = (v: string | undefined): string[] => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);

const envSchema = z.object({
  NODE_ENV: z.string().optional(),
  JD_API_URL: z.url().optional(),
  GATEWAY_PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  GATEWAY_HOST: z.string().min(1).default('127.0.0.1'),
  SUPERGRAPH_PATH: z.string().min(1).default('schema/supergraph.graphql'),
  SUBGRAPH_SIGNING_SECRET: z.string().optional(),
  JWT_ISSUER: z.string().min(1).optional(),
  JWT_AUDIENCE: z.string().min(1).optional(),
  JWT_HS256_SECRET: z.string().optional(),
  JWT_JWKS_URL: z.url().optional(),
  JWT_JWKS_FILE: z.string().min(1).optional(),
  PARTNER_API_KEYS: z.string().optional(),
  REDIS_URL: z.url().optional(),
  APQ: boolText.default(true),
  SAFELIST_MODE: z.enum(['off', 'log-unknown', 'enforce']).default('off'),
  SAFELIST_MANIFEST: z.string().min(1).default('persisted-operations/manifest.json'),
  SAFELIST_CLIENT_NAMES: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  INTROSPECTION: boolText.optional(),
  EXPLORER: boolText.optional(),
  APOLLO_SANDBOX_LANDING_PAGE: boolText.default(false),
  PARTNER_RATE_LIMIT_PER_MINUTE: z.coerce.number().int('must be a whole number of requests').min(0, 'must be 0 (no limit) or more').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

type Env = Record<string, string | undefined>;

/** Reads and validates the gateway settings once; throws ConfigError listing every problem. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(`Invalid gateway configuration:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`);
  }
  const e = parsed.data;
  const problems: string[] = [];
  const sandbox = e.JD_API_URL === undefined;
  const production = e.NODE_ENV === 'production';
  // Public sandbox defaults must never guard real data or a production deployment.
  const defaultsAllowed = sandbox && !production;
  const why = sandbox ? 'NODE_ENV=production' : 'JD_API_URL is set (real JD data)';

  const subgraphSigningSecret = e.SUBGRAPH_SIGNING_SECRET ?? (defaultsAllowed ? SANDBOX_SUBGRAPH_SIGNING_SECRET : undefined);
  if (subgraphSigningSecret === undefined) problems.push(`SUBGRAPH_SIGNING_SECRET: required because ${why}`);
  else if (!defaultsAllowed && subgraphSigningSecret.length < 32) problems.push('SUBGRAPH_SIGNING_SECRET: must be at least 32 characters');

  const jwt = jwtConfig(e, defaultsAllowed, why, problems);
  const partnerKeys = partnerKeysFrom(e.PARTNER_API_KEYS, defaultsAllowed, problems);
  if (e.SAFELIST_MODE === 'enforce' || e.SAFELIST_MODE === 'log-unknown') {
    // The manifest itself is loaded by the safelist; here we only insist that it was thought about.
    if (!e.SAFELIST_MANIFEST) problems.push('SAFELIST_MANIFEST: required when SAFELIST_MODE is not off');
  }
  const introspection = e.INTROSPECTION ?? sandbox;
  // Apollo's Sandbox builds its UI from introspection; without it the page would only show errors.
  if (e.APOLLO_SANDBOX_LANDING_PAGE && !introspection) problems.push('APOLLO_SANDBOX_LANDING_PAGE=true needs introspection: set INTROSPECTION=true as well, or leave the landing page off');
  if (problems.length > 0) throw new ConfigError(`Invalid gateway configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);

  return {
    mode: sandbox ? 'sandbox' : 'jd',
    sandbox,
    production,
    port: e.GATEWAY_PORT,
    host: e.GATEWAY_HOST,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphSigningSecret: subgraphSigningSecret as string,
    subgraphUrlOverrides: subgraphUrlOverrides(env),
    jwt,
    partnerKeys,
    redisUrl: e.REDIS_URL,
    apq: e.APQ,
    safelist: { mode: e.SAFELIST_MODE, manifestPath: e.SAFELIST_MANIFEST, clientNames: list(e.SAFELIST_CLIENT_NAMES) },
    corsOrigins: list(e.CORS_ORIGINS),
    introspection,
    explorer: { enabled: e.EXPLORER ?? sandbox },
    apolloSandboxLandingPage: e.APOLLO_SANDBOX_LANDING_PAGE,
    partnerRateLimit: { perMinute: e.PARTNER_RATE_LIMIT_PER_MINUTE ?? (sandbox ? SANDBOX_PARTNER_RATE_LIMIT_PER_MINUTE : 0) },
    logLevel: e.LOG_LEVEL,
  };
}

function jwtConfig(e: z.infer<typeof envSchema>, defaultsAllowed: boolean, why: string, problems: string[]): JwtConfig {
  const sources = [e.JWT_HS256_SECRET, e.JWT_JWKS_URL, e.JWT_JWKS_FILE].filter((s) => s !== undefined).length;
  if (sources > 1) problems.push('JWT_HS256_SECRET, JWT_JWKS_URL, JWT_JWKS_FILE: set only one key source');
  const issuer = e.JWT_ISSUER ?? (defaultsAllowed ? SANDBOX_JWT_ISSUER : undefined);
  const audience = e.JWT_AUDIENCE ?? (defaultsAllowed ? SANDBOX_JWT_AUDIENCE : undefined);
  if (!issuer) problems.push(`JWT_ISSUER: required because ${why}`);
  if (!audience) problems.push(`JWT_AUDIENCE: required because ${why}`);
  const base = { issuer: issuer ?? '', audience: audience ?? '' };
  if (e.JWT_JWKS_URL) return { ...base, jwksUrl: e.JWT_JWKS_URL };
  if (e.JWT_JWKS_FILE) return { ...base, jwksFile: e.JWT_JWKS_FILE };
  const hs256Secret = e.JWT_HS256_SECRET ?? (defaultsAllowed ? SANDBOX_JWT_HS256_SECRET : undefined);
  if (hs256Secret === undefined) problems.push(`JWT_HS256_SECRET or JWT_JWKS_URL or JWT_JWKS_FILE: required because ${why}`);
  else if (hs256Secret.length < 32) problems.push('JWT_HS256_SECRET: must be at least 32 characters');
  return { ...base, hs256Secret };
}

function partnerKeysFrom(raw: string | undefined, defaultsAllowed: boolean, problems: string[]): PartnerKey[] {
  if (raw === undefined) {
    return defaultsAllowed ? [{ key: SANDBOX_PARTNER_KEY, partnerId: 'sandbox-demo-partner', scopes: ['directory:read'] }] : [];
  }
  let json: unknown;
  try {
    json = JSON.parse(raw.trimStart().startsWith('[') ? raw : readFileSync(raw, 'utf8'));
  } catch (err) {
    problems.push(`PARTNER_API_KEYS: not a JSON array nor a readable JSON file (${(err as Error).message})`);
    return [];
  }
  const keys = partnerKeysSchema.safeParse(json);
  if (!keys.success) {
    problems.push(...keys.error.issues.map((i) => `PARTNER_API_KEYS[${i.path.join('.')}]: ${i.message}`));
    return [];
  }
  return keys.data;
}

/** SUBGRAPH_URL_AFTER_SALES=http://… overrides the url the supergraph gives subgraph "after-sales". */
export function subgraphEnvName(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

function subgraphUrlOverrides(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (name.startsWith('SUBGRAPH_URL_') && value) {
      if (!z.url().safeParse(value).success) throw new ConfigError(`Invalid gateway configuration:\n  - ${name}: not a URL`);
      out[name.slice('SUBGRAPH_URL_'.length)] = value;
    }
  }
  return out;
}
