import type { GraphQLError } from 'graphql';
import { UpstreamRejectedError, UpstreamUnavailableError } from './coded-errors';

/**
 * The fields of jd/client's JdApiError that the kit relies on. Matched structurally so the kit
 * does not depend on the client's class identity (and tests can build one without a client).
 */
export interface JdApiErrorShape {
  name: 'JdApiError';
  code: string;
  retryable: boolean;
  zhDesc: string;
  enDesc: string;
  method: string;
  kind: string;
}

// Failures that say "JD is not answering right now", whatever JD's code says.
const UNAVAILABLE_KINDS = new Set(['timeout', 'circuit-open', 'rate-limited']);

/** True when `err` looks like jd/client's JdApiError. */
export function isJdApiError(err: unknown): err is JdApiErrorShape {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as Record<string, unknown>;
  return (
    e.name === 'JdApiError' &&
    typeof e.code === 'string' &&
    typeof e.retryable === 'boolean' &&
    typeof e.method === 'string' &&
    typeof e.kind === 'string' &&
    typeof e.zhDesc === 'string' &&
    typeof e.enDesc === 'string'
  );
}

const normaliseKind = (kind: string) => kind.toLowerCase().replace(/[_\s]+/g, '-');

/** JdApiError -> UpstreamUnavailableError or UpstreamRejectedError in `language`; anything else is rethrown as-is. */
export function translateJdError(err: unknown, language: 'zh' | 'en'): GraphQLError {
  if (!isJdApiError(err)) throw err;
  const message = (language === 'zh' ? err.zhDesc : err.enDesc) || err.enDesc || err.zhDesc || `JD error ${err.code}`;
  if (err.retryable || UNAVAILABLE_KINDS.has(normaliseKind(err.kind))) {
    return new UpstreamUnavailableError(message, { jdMethod: err.method });
  }
  return new UpstreamRejectedError(message, err.code, err.method);
}
