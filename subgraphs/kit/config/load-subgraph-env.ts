import {
  envReader,
  readShutdownSettings,
  readSubgraphSigningSecret,
  type EnvReader,
  type Env,
  type ShutdownSettings,
} from '../../../config';
import {
  DEFAULT_SIGNATURE_CLOCK_SKEW_MS,
  DEFAULT_SIGNATURE_MAX_AGE_MS,
  MAX_SIGNATURE_CLOCK_SKEW_MS,
  MAX_SIGNATURE_MAX_AGE_MS,
} from '../identity/identity';

/** A subgraph's validated start-up configuration. */
export interface SubgraphEnv {
  port: number;
  host: string;
  signingSecret: string;
  signatureMaxAgeMs: number;
  signatureClockSkewMs: number;
  /** Deployment mode production (NODE_ENV=production or real JD data): masks uncoded errors, requires a real signing secret. */
  production: boolean;
  /** SIGTERM: SHUTDOWN_READINESS_DELAY_MS and SHUTDOWN_DRAIN_MS. */
  shutdown: ShutdownSettings;
}

/** `ORDERS`, `AFTER_SALES` from 'orders', 'after-sales'. */
const envPrefix = (name: string) => name.toUpperCase().replace(/[^A-Z0-9]+/g, '_');

/**
 * Reads what every subgraph needs into `read` (the subgraph's own reader, so its other settings are
 * reported together). The port comes from `<NAME>_PORT` when `name` is given (several subgraphs share
 * one process under `npm start`), else `PORT`.
 */
export function readSubgraphEnv(read: EnvReader, defaults: { port: number; name?: string }): SubgraphEnv {
  return {
    port: read.port(defaults.name ? `${envPrefix(defaults.name)}_PORT` : 'PORT', defaults.port),
    host: read.text('HOST', '127.0.0.1'),
    signingSecret: readSubgraphSigningSecret(read),
    signatureMaxAgeMs: read.int('SUBGRAPH_SIGNATURE_MAX_AGE_MS', {
      min: 1_000,
      max: MAX_SIGNATURE_MAX_AGE_MS,
      default: DEFAULT_SIGNATURE_MAX_AGE_MS,
      unit: 'milliseconds',
      why: { max: 'a captured signature must not stay usable for longer than a minute' },
    }),
    signatureClockSkewMs: read.int('SUBGRAPH_SIGNATURE_CLOCK_SKEW_MS', {
      min: 0,
      max: MAX_SIGNATURE_CLOCK_SKEW_MS,
      default: DEFAULT_SIGNATURE_CLOCK_SKEW_MS,
      unit: 'milliseconds',
      why: { max: 'keep the gateway and subgraph clocks in sync (NTP) rather than widen this' },
    }),
    production: read.mode.production,
    shutdown: readShutdownSettings(read),
  };
}

/** Reads a subgraph's settings once at start-up; throws a ConfigError naming every bad value. */
export function loadSubgraphEnv(env: Env, defaults: { port: number; name?: string }): SubgraphEnv {
  const read = envReader(env, defaults.name ? `subgraph ${defaults.name}` : 'subgraph');
  const subgraph = readSubgraphEnv(read, defaults);
  read.finish();
  return subgraph;
}
