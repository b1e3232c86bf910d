/**
 * Configuration shared by every part: the deployment mode, the environment reader, the one
 * ConfigError, the public sandbox defaults, and the shutdown every process shares (its settings and
 * the HTTP drain).
 *
 * Layering: gateway/, subgraphs/, jd/ and stack/ may import config/; config/ imports only npm
 * packages, so it stays a leaf that none of them can pull GraphQL or each other in through.
 */
export { deploymentMode, productionReason, type DeploymentMode, type Env } from './deployment-mode';
export { envReader, MIN_SECRET_CHARS, type EnvReader } from './env-reader';
export { ConfigError, type ConfigProblem } from './config-error';
export {
  DEFAULT_JD_CACHE_NAMESPACE,
  DEFAULT_SHUTDOWN_DRAIN_MS,
  readJdCacheNamespace,
  readRedisUrl,
  readShutdownSettings,
  type ShutdownSettings,
  readSandboxPort,
  readSubgraphSigningSecret,
} from './shared-settings';
export * from './sandbox-defaults';
export { trackForDrain } from './http-drain';
export { stopOnSignals, SHUTDOWN_CLOSE_ROOM_MS } from './stop-on-signals';
