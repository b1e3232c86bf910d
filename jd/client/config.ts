import { envReader, readSandboxPort, SANDBOX_JD_CREDENTIALS, type EnvReader, type Env } from '../../config';
import { JD_SIGN_METHODS, type JdSignMethod } from '../protocol';
// The file, not jd/loaders' index: the schema needs nothing of the loaders (no import cycle).
import { jdGraceOverridesSchema } from '../loaders/ttl';

/** Everything the JD client needs, read once at start-up. */
export interface JdConfig {
  /** Router URL (`https://api.jd.com/routerjson`, or the embedded sandbox's). */
  apiUrl: string;
  appKey: string;
  appSecret: string;
  accessToken: string;
  signMethod: JdSignMethod;
  /** True when no JD_API_URL was given (deployment mode `sandbox`): the sandbox is used, at JD_SANDBOX_URL or on this host. */
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
  /** Share of a second's budget one customer or partner may queue for while others spend it too, in % (100: no cap). */
  callerSharePercent: number;
  /** Processes spending this app key's budget (JD_PROCESSES); without Redis each takes rateLimitPerSecond / processes. */
  processes: number;
  /** A JD method's circuit opens when more than this % of its calls in the window failed transiently… */
  breakerFailurePercent: number;
  /** …once the window holds at least this many of its calls… */
  breakerMinCalls: number;
  /** …over this rolling window (ms). */
  breakerWindowMs: number;
  breakerHalfOpenAfterMs: number;
  /** Stale-while-revalidate grace overrides, ms per cached JD method (JD_CACHE_GRACE_MS); over DEFAULT_JD_GRACE_MS. */
  cacheGraceMs: Partial<Record<string, number>>;
  /** Sends of one after-sales create at most (each after checking whether the previous one landed). */
  createMaxAttempts: number;
  /** Cross-request batch window of price, stock and goods reads (ms, JD_BATCH_WINDOW_MS); 0: off. */
  batchWindowMs: number;
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
  breakerFailurePercent: 50,
  breakerMinCalls: 10,
  breakerWindowMs: 10_000,
  breakerHalfOpenAfterMs: 10_000,
  createMaxAttempts: 3,
  batchWindowMs: 2,
} as const satisfies Partial<JdConfig>;

/**
 * Reads and validates the JD settings once. Without JD_API_URL the embedded sandbox is used with
 * sandbox-only credentials; with it, key, secret and token are required. Throws a ConfigError naming every bad variable.
 */
export function loadJdConfig(env: Env): JdConfig {
  const read = envReader(env, 'JD client');
  const config = readJdConfig(read);
  read.finish();
  return config;
}

/** loadJdConfig's reading, into another part's reader: a subgraph that calls JD reports JD_* problems with its own. */
export function readJdConfig(read: EnvReader): JdConfig {
  const sandbox = read.mode.data === 'sandbox';
  const apiUrl = read.url('JD_API_URL', { example: 'https://api.jd.com/routerjson', note: 'leave it unset to use the embedded sandbox' });
  const credential = (name: string, what: string, sandboxValue: string) => {
    const value = read.text(name);
    if (value !== undefined && /\s/.test(value)) read.problem(name, `must be ${what} without spaces or line breaks`);
    if (value === undefined && !sandbox)
      read.problem(name, `required because JD_API_URL is set (real JD data): set it to ${what}, or unset JD_API_URL to use the sandbox`);
    return value ?? sandboxValue;
  };
  const ms = (name: string, min: number, fallback: number) => read.int(name, { min, default: fallback, unit: 'milliseconds' });
  const sandboxPort = readSandboxPort(read);
  // A sandbox in another container or pod (staging): the data stays simulated, so sandbox defaults still apply.
  const sandboxUrl = read.url('JD_SANDBOX_URL', { example: 'http://jd-sandbox:4010/routerjson' });
  if (sandboxUrl !== undefined && !sandbox) read.problem('JD_SANDBOX_URL', 'is only used without JD_API_URL: unset one of them');
  // Retired rather than ignored: an operator who tuned it must learn that it no longer does anything.
  if (read.text('JD_BREAKER_THRESHOLD') !== undefined)
    read.problem(
      'JD_BREAKER_THRESHOLD',
      'is no longer read: a JD circuit now opens on its failure rate; unset it and use JD_BREAKER_FAILURE_PERCENT and JD_BREAKER_MIN_CALLS',
    );
  return {
    apiUrl: apiUrl ?? sandboxUrl ?? `http://127.0.0.1:${sandboxPort}/routerjson`,
    appKey: credential('JD_APP_KEY', 'your JD app key', SANDBOX_JD_CREDENTIALS.appKey),
    appSecret: credential('JD_APP_SECRET', 'your JD app secret', SANDBOX_JD_CREDENTIALS.appSecret),
    accessToken: credential('JD_ACCESS_TOKEN', 'the access token JD issued for your app', SANDBOX_JD_CREDENTIALS.accessToken),
    signMethod: read.oneOf('JD_SIGN_METHOD', JD_SIGN_METHODS, JD_CONFIG_DEFAULTS.signMethod),
    sandbox,
    sandboxPort,
    timeoutMs: ms('JD_TIMEOUT_MS', 1, JD_CONFIG_DEFAULTS.timeoutMs),
    retryMax: read.int('JD_RETRY_MAX', { min: 0, max: 10, default: JD_CONFIG_DEFAULTS.retryMax }),
    retryBaseDelayMs: ms('JD_RETRY_BASE_DELAY_MS', 0, JD_CONFIG_DEFAULTS.retryBaseDelayMs),
    retryMaxDelayMs: ms('JD_RETRY_MAX_DELAY_MS', 0, JD_CONFIG_DEFAULTS.retryMaxDelayMs),
    rateLimitPerSecond: read.int('JD_RATE_LIMIT_PER_SECOND', { min: 1, default: JD_CONFIG_DEFAULTS.rateLimitPerSecond }),
    rateLimitMaxWaitMs: ms('JD_RATE_LIMIT_MAX_WAIT_MS', 0, JD_CONFIG_DEFAULTS.rateLimitMaxWaitMs),
    processes: read.int('JD_PROCESSES', { min: 1, max: 1000, default: 1 }),
    callerSharePercent: read.int('JD_CALLER_SHARE_PERCENT', { min: 1, max: 100, default: 100 }),
    breakerFailurePercent: read.int('JD_BREAKER_FAILURE_PERCENT', { min: 1, max: 99, default: JD_CONFIG_DEFAULTS.breakerFailurePercent }),
    breakerMinCalls: read.int('JD_BREAKER_MIN_CALLS', { min: 1, default: JD_CONFIG_DEFAULTS.breakerMinCalls }),
    breakerWindowMs: ms('JD_BREAKER_WINDOW_MS', 1000, JD_CONFIG_DEFAULTS.breakerWindowMs),
    breakerHalfOpenAfterMs: ms('JD_BREAKER_HALF_OPEN_AFTER_MS', 1, JD_CONFIG_DEFAULTS.breakerHalfOpenAfterMs),
    createMaxAttempts: read.int('JD_CREATE_MAX_ATTEMPTS', { min: 1, max: 10, default: JD_CONFIG_DEFAULTS.createMaxAttempts }),
    batchWindowMs: read.int('JD_BATCH_WINDOW_MS', {
      min: 0,
      max: 50,
      default: JD_CONFIG_DEFAULTS.batchWindowMs,
      unit: 'milliseconds',
      why: { max: "every cold price, stock or goods load waits up to this long for other requests' misses; 0 turns the window off" },
    }),
    cacheGraceMs:
      read.json('JD_CACHE_GRACE_MS', jdGraceOverridesSchema, 'must be JSON: ms per JD method name, e.g. {"jingdong.ware.price.get":0}') ??
      {},
  };
}
