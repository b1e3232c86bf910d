import { readFileSync } from 'node:fs';
import {
  envReader,
  MIN_SECRET_CHARS,
  productionReason,
  readRedisUrl,
  readShutdownSettings,
  readSubgraphSigningSecret,
  SANDBOX_JWT_AUDIENCE,
  SANDBOX_JWT_HS256_SECRET,
  SANDBOX_JWT_ISSUER,
  SANDBOX_PARTNER_KEY,
  type DeploymentMode,
  type EnvReader,
  type Env,
  type ShutdownSettings,
} from '../config';
import { partnerKeysSchema, type PartnerKey } from './auth';
import { DEFAULT_OPERATION_LIMITS, type OperationLimits } from './limits';
import { readDemandControl, type DemandControlConfig } from './demand-control';

export type SafelistMode = 'off' | 'log-unknown' | 'enforce';

/**
 * Requests per minute when the *_RATE_LIMIT_PER_MINUTE variables are unset. Partners get a small
 * trial budget on sandbox data and a contract-sized one on real data; a customer's app and an
 * anonymous page rarely need more than a few requests a second, and a NAT shares one address.
 */
export const RATE_LIMIT_DEFAULTS = {
  sandboxPartner: 60,
  partner: 600,
  customer: 300,
  anonymous: 300,
} as const;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

export interface JwtConfig {
  issuer: string;
  audience: string;
  /** Exactly one key source is set. */
  hs256Secret?: string;
  jwksUrl?: string;
  jwksFile?: string;
}

export interface GatewayConfig {
  /**
   * Sandbox or real JD data (JD_API_URL), and production (NODE_ENV=production or real JD data).
   * Data decides the defaults of introspection, explorer and partner rate limit and the
   * x-jd-sandbox label; production refuses the public sandbox defaults and ERROR_DETAILS.
   */
  deployment: DeploymentMode;
  port: number;
  host: string;
  /** GATEWAY_WORKERS: gateway processes on the port (node:cluster); 1 = this process serves alone. */
  workers: number;
  supergraphPath: string;
  subgraphSigningSecret: string;
  /** SUBGRAPH_URL_<NAME> overrides, keyed by the normalised subgraph name (AFTER_SALES). */
  subgraphUrlOverrides: Record<string, string>;
  jwt: JwtConfig;
  partnerKeys: PartnerKey[];
  redisUrl?: string;
  /** A Redis command of the rate limits or the response cache slower than this falls back to memory (REDIS_OPERATION_TIMEOUT_MS); so does an APQ lookup. */
  redisOperationTimeoutMs: number;
  apq: boolean;
  /** The whole-response cache for public data (RESPONSE_CACHE, RESPONSE_CACHE_MAX_ENTRIES); shared through redisUrl. */
  responseCache: { enabled: boolean; maxEntries: number };
  /** OPERATION_SHARING: identical queries of one caller in flight at once run once (operation-sharing/). */
  operationSharing: boolean;
  safelist: { mode: SafelistMode; manifestPath: string; clientNames: string[] };
  corsOrigins: string[];
  introspection: boolean;
  /** The self-hosted explorer at /explorer (EXPLORER; on with sandbox data, off with real JD data). */
  explorer: { enabled: boolean };
  /** Apollo's embedded Sandbox at GET /graphql (APOLLO_SANDBOX_LANDING_PAGE; loads from Apollo's CDN, so off by default). */
  apolloSandboxLandingPage: boolean;
  /**
   * Requests per minute per partner key, customer pin and anonymous client address (0: no limit),
   * counted in Redis under RATE_LIMIT_NAMESPACE when REDIS_URL is set.
   */
  rateLimit: { perMinute: Record<'partner' | 'customer' | 'anonymous', number>; namespace: string };
  /** Proxies in front of the gateway whose X-Forwarded-For is believed when finding the client address. */
  trustedProxyHops: number;
  /** Operation pricing and per-caller budgets (DEMAND_CONTROL_*). */
  demandControl: DemandControlConfig;
  logLevel: (typeof LOG_LEVELS)[number];
  /** Deadlines: each request's, and each subgraph fetch's within it. */
  timeouts: GatewayTimeouts;
  /** MAX_OPERATION_* and MAX_BATCH_OPERATIONS; 0 turns one off. */
  operationLimits: OperationLimits;
  /**
   * Where Prometheus scrapes /metrics: its own listener on METRICS_PORT (on GATEWAY_HOST), and/or the
   * API port behind METRICS_TOKEN. Neither set: no /metrics at all, so the API port never shows it.
   */
  metrics: { port?: number; token?: string };
  /** ERROR_DETAILS: stack traces and internal messages in responses, for local debugging; never in production. */
  errorDetails: boolean;
  /** SIGTERM: how long to report not-ready before closing the listener, and how long requests in flight may take. */
  shutdown: ShutdownSettings;
}

// The variable of each operation limit.
const LIMIT_VARIABLES: Record<keyof OperationLimits, string> = {
  tokens: 'MAX_OPERATION_TOKENS',
  depth: 'MAX_OPERATION_DEPTH',
  aliases: 'MAX_OPERATION_ALIASES',
  rootFields: 'MAX_OPERATION_ROOT_FIELDS',
  directives: 'MAX_OPERATION_DIRECTIVES',
  batchSize: 'MAX_BATCH_OPERATIONS',
};

function operationLimits(read: EnvReader): OperationLimits {
  const entries = Object.entries(LIMIT_VARIABLES).map(([limit, variable]) => [
    limit,
    read.int(variable, {
      min: 0,
      default: DEFAULT_OPERATION_LIMITS[limit as keyof OperationLimits],
      why: { min: '0 turns the limit off' },
    }),
  ]);
  return Object.fromEntries(entries) as OperationLimits;
}

/** A scrape token shorter than this is guessable. */
const MIN_METRICS_TOKEN_CHARS = 16;

function metricsSettings(read: EnvReader): GatewayConfig['metrics'] {
  const port = read.int('METRICS_PORT', { min: 0, max: 65535 });
  const token = read.text('METRICS_TOKEN');
  if (token !== undefined && token.length < MIN_METRICS_TOKEN_CHARS)
    read.problem('METRICS_TOKEN', `must be at least ${MIN_METRICS_TOKEN_CHARS} characters (it has ${token.length})`);
  return { ...(port === undefined ? {} : { port }), ...(token === undefined ? {} : { token }) };
}

function errorDetails(read: EnvReader): boolean {
  const details = read.bool('ERROR_DETAILS', false);
  const reason = productionReason(read.mode);
  if (details && reason) read.problem('ERROR_DETAILS', `must not be true because ${reason}: error details are for local debugging only`);
  return details;
}

/** REQUEST_TIMEOUT_MS, SUBGRAPH_TIMEOUT_MS, SUBGRAPH_TIMEOUT_MS_<NAME> and the subgraph breaker's settings. */
export interface GatewayTimeouts {
  /** The longest a request may take; a client's `timeout` header may only shorten it. */
  requestMs: number;
  /** The longest one subgraph fetch may take, never longer than what is left of the request's. */
  subgraphMs: number;
  /** Per subgraph, keyed by the normalised name (AFTER_SALES). */
  subgraphOverridesMs: Record<string, number>;
  /** Each subgraph's circuit: failed fetches in a row that open it, and how long it stays open before a trial. */
  breaker: { threshold: number; halfOpenAfterMs: number };
}

/** Default REQUEST_TIMEOUT_MS: a JD read may need its 5 s attempt plus a retry before the subgraph answers. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 15_000;
/** Default SUBGRAPH_TIMEOUT_MS: two JD attempts (JD_TIMEOUT_MS 5000) with backoff fit inside it. */
export const DEFAULT_SUBGRAPH_TIMEOUT_MS = 10_000;
const TIMEOUT_RULE = { min: 50, max: 600_000, unit: 'milliseconds' } as const;

/** Reads and validates the gateway settings once; throws ConfigError listing every problem. */
export function loadGatewayConfig(env: Env = process.env): GatewayConfig {
  const read = envReader(env, 'gateway');
  const deployment = read.mode;
  const sandboxData = deployment.data === 'sandbox';
  const introspection = read.bool('INTROSPECTION', sandboxData);
  const apolloSandboxLandingPage = read.bool('APOLLO_SANDBOX_LANDING_PAGE', false);
  // Apollo's Sandbox builds its UI from introspection; without it the page would only show errors.
  if (apolloSandboxLandingPage && !introspection) {
    read.problem(
      'APOLLO_SANDBOX_LANDING_PAGE',
      'is true but needs introspection: set INTROSPECTION=true as well, or leave the landing page off',
    );
  }
  const config: GatewayConfig = {
    deployment,
    port: read.port('GATEWAY_PORT', 4000),
    host: read.text('GATEWAY_HOST', '127.0.0.1'),
    workers: read.int('GATEWAY_WORKERS', { min: 1, max: 64, default: 1, unit: 'processes' }),
    supergraphPath: read.text('SUPERGRAPH_PATH', 'schema/supergraph.graphql'),
    subgraphSigningSecret: readSubgraphSigningSecret(read),
    subgraphUrlOverrides: subgraphUrlOverrides(read),
    jwt: jwtConfig(read),
    partnerKeys: partnerKeys(read),
    redisUrl: readRedisUrl(read),
    redisOperationTimeoutMs: read.int('REDIS_OPERATION_TIMEOUT_MS', { min: 10, max: 10_000, default: 250, unit: 'milliseconds' }),
    apq: read.bool('APQ', true),
    responseCache: {
      enabled: read.bool('RESPONSE_CACHE', true),
      maxEntries: read.int('RESPONSE_CACHE_MAX_ENTRIES', { min: 1, default: 5000, unit: 'entries' }),
    },
    operationSharing: read.bool('OPERATION_SHARING', true),
    safelist: {
      mode: read.oneOf('SAFELIST_MODE', ['off', 'log-unknown', 'enforce'], 'off'),
      manifestPath: read.text('SAFELIST_MANIFEST', 'persisted-operations/manifest.json'),
      clientNames: read.list('SAFELIST_CLIENT_NAMES'),
    },
    corsOrigins: read.list('CORS_ORIGINS'),
    introspection,
    explorer: { enabled: read.bool('EXPLORER', sandboxData) },
    apolloSandboxLandingPage,
    rateLimit: rateLimitConfig(read, sandboxData),
    trustedProxyHops: read.int('TRUSTED_PROXY_HOPS', {
      min: 0,
      max: 10,
      default: 0,
      unit: 'proxies',
      why: { max: 'count only the proxies you run: load balancer, ingress' },
    }),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    timeouts: timeouts(read),
    operationLimits: operationLimits(read),
    metrics: metricsSettings(read),
    errorDetails: errorDetails(read),
    demandControl: readDemandControl(read),
    shutdown: readShutdownSettings(read),
  };
  read.finish();
  return config;
}

function rateLimitConfig(read: EnvReader, sandboxData: boolean): GatewayConfig['rateLimit'] {
  const perMinute = (name: string, fallback: number) =>
    read.int(name, { min: 0, default: fallback, unit: 'requests', why: { min: '0 means no limit' } });
  const namespace = read.text('RATE_LIMIT_NAMESPACE', 'default');
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(namespace)) {
    read.problem(
      'RATE_LIMIT_NAMESPACE',
      `must be 1 to 64 letters, digits, ".", "_" or "-", e.g. production; got ${JSON.stringify(namespace)}`,
    );
  }
  return {
    perMinute: {
      partner: perMinute('PARTNER_RATE_LIMIT_PER_MINUTE', sandboxData ? RATE_LIMIT_DEFAULTS.sandboxPartner : RATE_LIMIT_DEFAULTS.partner),
      customer: perMinute('CUSTOMER_RATE_LIMIT_PER_MINUTE', RATE_LIMIT_DEFAULTS.customer),
      anonymous: perMinute('ANONYMOUS_RATE_LIMIT_PER_MINUTE', RATE_LIMIT_DEFAULTS.anonymous),
    },
    namespace,
  };
}

function jwtConfig(read: EnvReader): JwtConfig {
  const jwksFile = read.text('JWT_JWKS_FILE');
  const jwksUrlSet = read.text('JWT_JWKS_URL') !== undefined;
  if (['JWT_HS256_SECRET', 'JWT_JWKS_URL', 'JWT_JWKS_FILE'].filter((name) => read.text(name) !== undefined).length > 1) {
    read.problem('JWT_HS256_SECRET, JWT_JWKS_URL, JWT_JWKS_FILE', 'set only one key source');
  }
  const base = {
    issuer: read.requiredInProduction('JWT_ISSUER', {
      sandboxDefault: SANDBOX_JWT_ISSUER,
      what: 'the issuer (iss) your identity provider puts in customer tokens',
    }),
    audience: read.requiredInProduction('JWT_AUDIENCE', {
      sandboxDefault: SANDBOX_JWT_AUDIENCE,
      what: 'the audience (aud) customer tokens are issued for',
    }),
  };
  // A bad URL is reported by read.url; '' is never used because finish() then throws.
  if (jwksUrlSet) return { ...base, jwksUrl: read.url('JWT_JWKS_URL') ?? '' };
  if (jwksFile) return { ...base, jwksFile };
  const hs256Secret = read.requiredInProduction('JWT_HS256_SECRET', {
    sandboxDefault: SANDBOX_JWT_HS256_SECRET,
    minLength: MIN_SECRET_CHARS,
    what: `a random secret of at least ${MIN_SECRET_CHARS} characters, or use JWT_JWKS_URL or JWT_JWKS_FILE instead`,
  });
  // A short HS256 key is guessable on sandbox data too (production is checked above).
  if (!read.mode.production && hs256Secret.length < MIN_SECRET_CHARS) {
    read.problem('JWT_HS256_SECRET', `must be at least ${MIN_SECRET_CHARS} characters (it has ${hs256Secret.length})`);
  }
  return { ...base, hs256Secret };
}

function partnerKeys(read: EnvReader): PartnerKey[] {
  // Only on simulated data and outside production does the public demo key let partners try the graph.
  const demo = read.mode.production ? [] : [{ key: SANDBOX_PARTNER_KEY, partnerId: 'sandbox-demo-partner', scopes: ['directory:read'] }];
  const fromJsonOrFile = (raw: string) => (raw.startsWith('[') ? raw : readFileSync(raw, 'utf8'));
  return (
    read.json('PARTNER_API_KEYS', partnerKeysSchema, 'must be a JSON array, or the path of a readable JSON file', fromJsonOrFile) ?? demo
  );
}

/** SUBGRAPH_URL_AFTER_SALES=http://… overrides the url the supergraph gives subgraph "after-sales". */
export function subgraphEnvName(subgraphName: string): string {
  return subgraphName.toUpperCase().replace(/[^A-Z0-9]/g, '_');
}

function timeouts(read: EnvReader): GatewayTimeouts {
  const subgraphOverridesMs: Record<string, number> = {};
  for (const name of read.namesStartingWith('SUBGRAPH_TIMEOUT_MS_')) {
    const ms = read.int(name, TIMEOUT_RULE);
    if (ms !== undefined) subgraphOverridesMs[name.slice('SUBGRAPH_TIMEOUT_MS_'.length)] = ms;
  }
  return {
    requestMs: read.int('REQUEST_TIMEOUT_MS', { ...TIMEOUT_RULE, default: DEFAULT_REQUEST_TIMEOUT_MS }),
    subgraphMs: read.int('SUBGRAPH_TIMEOUT_MS', { ...TIMEOUT_RULE, default: DEFAULT_SUBGRAPH_TIMEOUT_MS }),
    subgraphOverridesMs,
    breaker: {
      threshold: read.int('SUBGRAPH_BREAKER_THRESHOLD', { min: 1, max: 1000, default: 5, unit: 'failed fetches' }),
      halfOpenAfterMs: read.int('SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS', { min: 100, max: 600_000, default: 5000, unit: 'milliseconds' }),
    },
  };
}

/** A subgraph's fetch timeout: its SUBGRAPH_TIMEOUT_MS_<NAME>, else SUBGRAPH_TIMEOUT_MS. */
export function subgraphTimeoutMs(timeouts: GatewayTimeouts, subgraphName: string): number {
  return timeouts.subgraphOverridesMs[subgraphEnvName(subgraphName)] ?? timeouts.subgraphMs;
}

function subgraphUrlOverrides(read: EnvReader): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of read.namesStartingWith('SUBGRAPH_URL_')) {
    const url = read.url(name);
    if (url) out[name.slice('SUBGRAPH_URL_'.length)] = url;
  }
  return out;
}
