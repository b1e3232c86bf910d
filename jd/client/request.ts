import { formatShanghai, JD_API_VERSION, JD_PARAM_JSON, type JdSignMethod, type JdSystemParams } from '../protocol';
import { signJdParams } from './sign';

export interface JdCredentials {
  apiUrl: string;
  appKey: string;
  appSecret: string;
  accessToken: string;
  signMethod: JdSignMethod;
}

export interface JdHttpRequest {
  url: string;
  init: { method: 'POST'; headers: Record<string, string>; body: string };
}

/**
 * Builds one router call the way JD's Java SDK does: system params and `sign` in the query string,
 * `360buy_param_json` in an x-www-form-urlencoded body.
 */
export function buildJdRequest(credentials: JdCredentials, method: string, params: object, now: Date): JdHttpRequest {
  const system: JdSystemParams = {
    method,
    app_key: credentials.appKey,
    access_token: credentials.accessToken,
    timestamp: formatShanghai(now, true),
    v: JD_API_VERSION,
  };
  // md5 is JD's default; the Java SDK names the method only when it is something else.
  if (credentials.signMethod !== 'md5') system.sign_method = credentials.signMethod;
  const paramJson = JSON.stringify(params);
  const sign = signJdParams({ ...system, [JD_PARAM_JSON]: paramJson }, credentials.appSecret, credentials.signMethod);

  const url = new URL(credentials.apiUrl);
  for (const [key, value] of Object.entries({ ...system, sign })) if (value !== undefined) url.searchParams.set(key, value);
  return {
    url: url.toString(),
    init: {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8', accept: 'application/json' },
      body: new URLSearchParams({ [JD_PARAM_JSON]: paramJson }).toString(),
    },
  };
}
