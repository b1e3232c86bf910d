/**
 * Configuration shared by every part: the deployment mode, the environment reader, the one
 * ConfigError, and the public sandbox defaults.
 *
 * Layering: gateway/, subgraphs/, jd/ and stack/ may import config/; config/ imports only npm
 * packages, so it stays a leaf that none of them can pull GraphQL or each other in through.
 */
export { deploymentMode, productionReason, type DeploymentMode, type Env } from './deployment-mode';
export { envReader, MIN_SECRET_CHARS, type EnvReader } from './env-reader';
export { ConfigError, type ConfigProblem } from './config-error';
export {
  DEFAULT_JD_CACHE_NAMESPACE,
  readJdCacheNamespace,
  readRedisUrl,
  readSandboxPort,
  readSubgraphSigningSecret,
} from './shared-settings';
export * from './sandbox-defaults';
