import type { GraphQLError } from 'graphql';
import { JdBudgetExhaustedError, UpstreamRejectedError, UpstreamUnavailableError } from './coded-errors';

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
const UNAVAILABLE_KINDS = new Set(['timeout', 'deadline', 'circuit-open', 'rate-limited']);

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

// Kinds whose descriptions are JD's own text (router error table, business result) rather than ours.
const JD_WORDED_KINDS = new Set(['system', 'business']);
const BUDGET_MESSAGE = {
  zh: '京东接口调用额度暂时用尽，请稍后再试',
  en: "JD's call budget is spent for this moment; please try again shortly",
} as const;
const UNAVAILABLE_MESSAGE = {
  zh: '京东服务暂时不可用，请稍后再试',
  en: 'JD is temporarily unavailable; please try again later',
} as const;

const normaliseKind = (kind: string) => kind.toLowerCase().replace(/[_\s]+/g, '-');

/** JdApiError -> JdBudgetExhaustedError (no budget slot in time), UpstreamUnavailableError or UpstreamRejectedError in `language`; anything else is rethrown as-is. */
export function translateJdError(err: unknown, language: 'zh' | 'en'): GraphQLError {
  if (!isJdApiError(err)) throw err;
  const jdMessage = (language === 'zh' ? err.zhDesc : err.enDesc) || err.enDesc || err.zhDesc || `JD error ${err.code}`;
  const kind = normaliseKind(err.kind);
  if (kind === 'rate-limited') return new JdBudgetExhaustedError(BUDGET_MESSAGE[language], { jdMethod: err.method });
  if (err.retryable || UNAVAILABLE_KINDS.has(kind)) {
    // Transport and local refusals describe our plumbing (hosts, timeouts); only JD's own words go out.
    const message = JD_WORDED_KINDS.has(kind) ? jdMessage : UNAVAILABLE_MESSAGE[language];
    return new UpstreamUnavailableError(message, { jdCode: err.code, jdMethod: err.method });
  }
  return new UpstreamRejectedError(jdMessage, err.code, err.method);
}
