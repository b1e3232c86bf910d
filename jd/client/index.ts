export type { JdClient, JdCallOptions } from './types';
export { createJdClient, type JdClientConfig, type JdClientDeps, type JdCallObservation } from './jd-client';
export type { JdBreakerState } from './policies/breaker';
export { loadJdConfig, readJdConfig, JD_CONFIG_DEFAULTS, type JdConfig } from './config';
export {
  JdApiError, JD_CLIENT_ERROR_CODES, isTransientUpstreamFailure, type JdApiErrorKind, type JdApiErrorInit,
  systemError, businessError, httpError, networkError, timeoutError, circuitOpenError, rateLimitedError,
} from './errors';
export { signJdParams, canonicalString } from './sign';
export { buildJdRequest, type JdCredentials, type JdHttpRequest } from './request';
export { parseJdResponse } from './envelope';
export { RateLimiter, type RateLimiterOptions } from './policies/rate-limiter';
