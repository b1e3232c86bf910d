import { JD_SYSTEM_ERRORS, JD_TRANSIENT_BUSINESS_CODES } from '../protocol';

/**
 * Where a failure came from. `system`: JD's router (`error_response`); `business`: a failure inside
 * the method's wrapper; `http`/`network`/`timeout`: the transport; `circuit-open`/`rate-limited`:
 * this client refused before sending anything; `deadline`: the caller's deadline passed (nothing more is sent).
 */
export type JdApiErrorKind = 'system' | 'business' | 'http' | 'network' | 'timeout' | 'deadline' | 'circuit-open' | 'rate-limited';

/** Codes for failures JD never numbered (JD's own codes are numeric strings). */
export const JD_CLIENT_ERROR_CODES = {
  network: 'NETWORK_ERROR',
  timeout: 'TIMEOUT',
  deadline: 'DEADLINE_EXCEEDED',
  circuitOpen: 'CIRCUIT_OPEN',
  rateLimited: 'RATE_LIMITED',
  invalidResponse: 'INVALID_RESPONSE',
} as const;

export interface JdApiErrorInit {
  kind: JdApiErrorKind;
  code: string;
  zhDesc: string;
  enDesc: string;
  method: string;
  /** True when the failure is transient: the same request may succeed later. */
  retryable: boolean;
  httpStatus?: number;
  cause?: unknown;
}

/** Every failure of a JD call: carries JD's code, both descriptions, the method and whether a retry is safe. */
export class JdApiError extends Error {
  readonly kind: JdApiErrorKind;
  readonly code: string;
  readonly zhDesc: string;
  readonly enDesc: string;
  readonly method: string;
  readonly retryable: boolean;
  readonly httpStatus?: number;

  constructor(init: JdApiErrorInit) {
    super(
      `${init.method}: JD ${init.kind} error ${init.code}: ${init.enDesc}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = 'JdApiError';
    this.kind = init.kind;
    this.code = init.code;
    this.zhDesc = init.zhDesc;
    this.enDesc = init.enDesc;
    this.method = init.method;
    this.retryable = init.retryable;
    if (init.httpStatus !== undefined) this.httpStatus = init.httpStatus;
  }
}

/**
 * The request reached (or may have reached) JD and failed transiently: a read may be retried,
 * a write's outcome is unknown. Local refusals (circuit open, rate limited) sent nothing.
 */
export function isTransientUpstreamFailure(error: unknown): error is JdApiError {
  return error instanceof JdApiError && error.retryable && error.kind !== 'circuit-open' && error.kind !== 'rate-limited';
}

/** JD answered for certain (a router or method refusal, a non-5xx status): it is up, whatever it said. */
export function isDefiniteJdAnswer(error: unknown): error is JdApiError {
  return error instanceof JdApiError && !error.retryable && (error.kind === 'system' || error.kind === 'business' || error.kind === 'http');
}

/** `error_response` -> JdApiError, with JD's table filling in descriptions the body left out. */
export function systemError(method: string, code: string, zhDesc?: string, enDesc?: string, httpStatus?: number): JdApiError {
  const known = (JD_SYSTEM_ERRORS as Record<string, { zh: string; en: string; transient: boolean } | undefined>)[code];
  return new JdApiError({
    kind: 'system',
    code,
    method,
    httpStatus,
    zhDesc: zhDesc || known?.zh || '未知错误',
    enDesc: enDesc || known?.en || `JD system error ${code}`,
    retryable: known?.transient ?? false,
  });
}

/** A failure reported inside the method's wrapper (after-sales resultCode, apiResult, queryResult, wrapper code). */
export function businessError(method: string, code: string, zhDesc: string, enDesc: string): JdApiError {
  return new JdApiError({ kind: 'business', code, method, zhDesc, enDesc, retryable: JD_TRANSIENT_BUSINESS_CODES.has(code) });
}

/** A response that is not a JD envelope (status or body); 5xx is transient. */
export function httpError(method: string, status: number, detail: string): JdApiError {
  return new JdApiError({
    kind: 'http',
    method,
    httpStatus: status,
    code: status >= 200 && status < 300 ? JD_CLIENT_ERROR_CODES.invalidResponse : `HTTP_${status}`,
    zhDesc: `HTTP ${status}: ${detail}`,
    enDesc: `HTTP ${status}: ${detail}`,
    retryable: status >= 500,
  });
}

/** The connection failed (DNS, refused, reset): transient. */
export function networkError(method: string, cause: unknown): JdApiError {
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new JdApiError({
    kind: 'network',
    code: JD_CLIENT_ERROR_CODES.network,
    method,
    cause,
    retryable: true,
    zhDesc: `网络错误: ${reason}`,
    enDesc: `Network error: ${reason}`,
  });
}

/** No answer within the per-call timeout: transient (and a write's outcome is unknown). */
export function timeoutError(method: string, timeoutMs: number): JdApiError {
  return new JdApiError({
    kind: 'timeout',
    code: JD_CLIENT_ERROR_CODES.timeout,
    method,
    retryable: true,
    zhDesc: `调用超时 (${timeoutMs} ms)`,
    enDesc: `No answer within ${timeoutMs} ms`,
  });
}

/**
 * The caller's deadline passed: the answer is no longer wanted. Not retryable and not an upstream failure,
 * so it neither repeats nor counts against the method's breaker (JD may be fine; the request ran out of time).
 */
export function deadlineError(method: string): JdApiError {
  return new JdApiError({
    kind: 'deadline',
    code: JD_CLIENT_ERROR_CODES.deadline,
    method,
    retryable: false,
    zhDesc: '请求已超过截止时间',
    enDesc: "The request's deadline passed before JD answered",
  });
}

/** Refused locally because the method's circuit is open; nothing was sent, so trying later is safe. */
export function circuitOpenError(method: string, retryInMs: number): JdApiError {
  return new JdApiError({
    kind: 'circuit-open',
    code: JD_CLIENT_ERROR_CODES.circuitOpen,
    method,
    retryable: true,
    zhDesc: `熔断中, ${retryInMs} ms 后重试`,
    enDesc: `Circuit open after repeated JD failures; next trial in ${retryInMs} ms`,
  });
}

/** Refused locally: no rate-limit slot within the bounded wait; nothing was sent. */
export function rateLimitedError(method: string, neededWaitMs: number, maxWaitMs: number): JdApiError {
  return new JdApiError({
    kind: 'rate-limited',
    code: JD_CLIENT_ERROR_CODES.rateLimited,
    method,
    retryable: true,
    zhDesc: `调用频率受限, 需等待 ${neededWaitMs} ms`,
    enDesc: `Client rate limit: next slot in ${neededWaitMs} ms exceeds the ${maxWaitMs} ms wait bound`,
  });
}
