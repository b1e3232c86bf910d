/** Settings that more than one part reads: one rule each, so the parts cannot disagree. */
import { MIN_SECRET_CHARS, type EnvReader } from './env-reader';
import { SANDBOX_JD_PORT, SANDBOX_SUBGRAPH_SIGNING_SECRET } from './sandbox-defaults';

/** SUBGRAPH_SIGNING_SECRET: the gateway signs the caller's identity with it, every subgraph verifies it. */
export function readSubgraphSigningSecret(read: EnvReader): string {
  return read.requiredInProduction('SUBGRAPH_SIGNING_SECRET', {
    sandboxDefault: SANDBOX_SUBGRAPH_SIGNING_SECRET,
    minLength: MIN_SECRET_CHARS,
    what: `a random secret of at least ${MIN_SECRET_CHARS} characters, the same for the gateway and every subgraph`,
  });
}

/** JD_SANDBOX_PORT: where the sandbox listens (0 picks a free port) and where a JD client without JD_API_URL calls it. */
export function readSandboxPort(read: EnvReader): number {
  return read.port('JD_SANDBOX_PORT', SANDBOX_JD_PORT);
}

/** REDIS_URL: the shared JD cache and the gateway's APQ store; undefined keeps them in memory. */
export function readRedisUrl(read: EnvReader): string | undefined {
  const url = read.text('REDIS_URL');
  if (url === undefined || /^rediss?:\/\/\S+$/.test(url)) return url;
  read.problem('REDIS_URL', 'must look like redis://host:6379 (or rediss:// for TLS); unset it to keep caches in memory');
  return undefined;
}

/** The JD cache's key prefix when JD_CACHE_NAMESPACE is unset. */
export const DEFAULT_JD_CACHE_NAMESPACE = 'jd';

/**
 * JD_CACHE_NAMESPACE: the prefix of every JD cache key, so two deployments sharing one Redis (staging
 * and production, two teams) never read each other's entries. Every replica of one deployment uses the same.
 */
export function readJdCacheNamespace(read: EnvReader): string {
  const namespace = read.text('JD_CACHE_NAMESPACE', DEFAULT_JD_CACHE_NAMESPACE);
  // No ":" (the separator between the namespace and the key) and nothing a shell or URL would mangle.
  if (/^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/.test(namespace)) return namespace;
  read.problem(
    'JD_CACHE_NAMESPACE',
    `must be 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit, e.g. jd-staging; got ${JSON.stringify(namespace)}`,
  );
  return DEFAULT_JD_CACHE_NAMESPACE;
}

/** What every process does on SIGTERM, in order: report not-ready, wait, stop accepting, drain, end the rest. */
export interface ShutdownSettings {
  /** SHUTDOWN_READINESS_DELAY_MS: how long /health/ready says 503 before the listener closes, so load balancers stop sending. */
  readinessDelayMs: number;
  /** SHUTDOWN_DRAIN_MS: how long requests in flight may take to finish; what is left then is ended with an error. */
  drainMs: number;
}

/** SHUTDOWN_DRAIN_MS when unset: longer than JD's default attempt timeout (JD_TIMEOUT_MS, 5 s), with room for a retry. */
export const DEFAULT_SHUTDOWN_DRAIN_MS = 15_000;

/**
 * SHUTDOWN_READINESS_DELAY_MS (default 0: nothing routes by readiness under `npm start`; Kubernetes
 * needs a few seconds to take the pod out of its endpoints) and SHUTDOWN_DRAIN_MS.
 */
export function readShutdownSettings(read: EnvReader): ShutdownSettings {
  return {
    readinessDelayMs: read.int('SHUTDOWN_READINESS_DELAY_MS', { min: 0, max: 120_000, default: 0, unit: 'milliseconds' }),
    drainMs: read.int('SHUTDOWN_DRAIN_MS', { min: 0, max: 600_000, default: DEFAULT_SHUTDOWN_DRAIN_MS, unit: 'milliseconds' }),
  };
}
