/**
 * The router's system-parameter checks, in the order this sandbox applies them (JD documents no
 * order; this one reports the most basic problem first): method 14/15, app_key 20/21,
 * access_token 18/19, timestamp 7/8, sign 11/12.
 */
import { JD_METHODS, type JdMethodName, parseShanghai, JD_TIMESTAMP_SKEW_MS } from '../../protocol';
import { JdRouterError } from './errors';
import { expectedSign, signMatches, type SandboxSignMethod } from './signature';

/** The one app the sandbox knows. Sandbox-only credentials, not secrets. */
export interface SandboxCredentials {
  appKey: string;
  appSecret: string;
  accessToken: string;
}

export interface CheckedRequest {
  method: JdMethodName;
  appKey: string;
  /** Raw `360buy_param_json`, not yet parsed. */
  paramJson: string | undefined;
}

const KNOWN_METHODS: ReadonlySet<string> = new Set(Object.values(JD_METHODS));
const SIGN_METHODS: ReadonlySet<string> = new Set(['md5', 'hmacmd5', 'hmacsha256']);
const TIMESTAMP_SHAPES = [/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}\+0800$/, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/];

/** Validates system params; throws JdRouterError with JD's code at the first problem. */
export function checkSystemParams(params: Record<string, string>, creds: SandboxCredentials, nowMs: number): CheckedRequest {
  const { method, app_key: appKey, access_token: token, timestamp, sign } = params;
  if (!method) throw new JdRouterError('14');
  if (!KNOWN_METHODS.has(method)) throw new JdRouterError('15', method);
  if (!appKey) throw new JdRouterError('20');
  if (appKey !== creds.appKey) throw new JdRouterError('21');
  if (!token) throw new JdRouterError('18');
  if (token !== creds.accessToken) throw new JdRouterError('19');
  if (!timestamp) throw new JdRouterError('7');
  const at = TIMESTAMP_SHAPES.some((re) => re.test(timestamp)) ? parseShanghai(timestamp) : null;
  if (!at) throw new JdRouterError('8', 'expected yyyy-MM-dd HH:mm:ss[.SSS+0800] in Asia/Shanghai');
  if (Math.abs(at.getTime() - nowMs) > JD_TIMESTAMP_SKEW_MS)
    throw new JdRouterError('8', 'timestamp is more than 6 minutes off the server clock');
  if (!sign) throw new JdRouterError('11');
  const signMethod = params.sign_method || 'md5';
  // An unknown sign_method cannot produce a valid signature, so JD's answer is "invalid signature".
  if (!SIGN_METHODS.has(signMethod)) throw new JdRouterError('12', `unknown sign_method ${signMethod}`);
  if (!signMatches(sign, expectedSign(params, creds.appSecret, signMethod as SandboxSignMethod))) throw new JdRouterError('12');
  return { method: method as JdMethodName, appKey, paramJson: params['360buy_param_json'] };
}

/** Parses `360buy_param_json` into an object; absent means `{}`, anything but a JSON object is 63. */
export function parseParamJson(raw: string | undefined): Record<string, unknown> {
  if (raw === undefined || raw === '') return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new JdRouterError('63');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new JdRouterError('63', '360buy_param_json must be a JSON object');
  return parsed as Record<string, unknown>;
}
