/**
 * Test-side JOS caller for the sandbox tests. It signs with its own small implementation of the
 * JD Open Platform's signature algorithm (not jd/client's, not the sandbox's), so the tests check the protocol.
 */
import { createHash, createHmac } from 'node:crypto';
import { formatShanghai } from '../../../jd/protocol';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../jd/sandbox';

export type SignMethod = 'md5' | 'hmacmd5' | 'hmacsha256';

/** Sign per JD: sorted non-empty params except sign, key+value joined, digested, upper-case hex. */
export function josSign(params: Record<string, string>, secret: string, signMethod: SignMethod = 'md5'): string {
  const text = Object.entries(params)
    .filter(([k, v]) => k !== 'sign' && k && v)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}${v}`)
    .join('');
  if (signMethod === 'md5') return createHash('md5').update(`${secret}${text}${secret}`).digest('hex').toUpperCase();
  return createHmac(signMethod === 'hmacmd5' ? 'md5' : 'sha256', secret)
    .update(text)
    .digest('hex')
    .toUpperCase();
}

export interface CallOptions {
  signMethod?: SignMethod;
  /** Where params travel: all in the query, all in the form body, or system params in the query (Java SDK). */
  transport?: 'query' | 'body' | 'split';
  /** Replace (or with undefined, drop) system params after signing. */
  after?: Record<string, string | undefined>;
  /** Replace system params before signing. */
  before?: Record<string, string | undefined>;
  /** Raw 360buy_param_json instead of JSON.stringify(business). */
  rawJson?: string;
}

export interface CallResult {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: Record<string, any>;
}

/** Builds the signed system + business params for one call. */
export function signedParams(sandbox: Sandbox, method: string, business: object, opts: CallOptions = {}): Record<string, string> {
  const params: Record<string, string | undefined> = {
    method,
    app_key: sandbox.credentials.appKey,
    access_token: sandbox.credentials.accessToken,
    timestamp: formatShanghai(new Date(), true),
    v: '2.0',
    '360buy_param_json': opts.rawJson ?? JSON.stringify(business),
    ...(opts.signMethod && opts.signMethod !== 'md5' ? { sign_method: opts.signMethod } : {}),
    ...opts.before,
  };
  const clean = Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined));
  const signed: Record<string, string | undefined> = {
    ...clean,
    sign: josSign(clean, sandbox.credentials.appSecret, opts.signMethod),
    ...opts.after,
  };
  return Object.fromEntries(Object.entries(signed).filter((e): e is [string, string] => e[1] !== undefined));
}

/** POSTs one router call and returns the HTTP status and parsed JSON body. */
export async function jos(sandbox: Sandbox, method: string, business: object = {}, opts: CallOptions = {}): Promise<CallResult> {
  const params = signedParams(sandbox, method, business, opts);
  return postParams(sandbox, params, opts.transport ?? 'split');
}

/** POSTs already-built params with the chosen transport. */
export async function postParams(
  sandbox: Sandbox,
  params: Record<string, string>,
  transport: 'query' | 'body' | 'split',
): Promise<CallResult> {
  const inQuery =
    transport === 'query'
      ? params
      : transport === 'split'
        ? Object.fromEntries(Object.entries(params).filter(([k]) => k !== '360buy_param_json'))
        : {};
  const inBody = transport === 'body' ? params : transport === 'split' ? { '360buy_param_json': params['360buy_param_json'] ?? '' } : {};
  const url = `${sandbox.routerUrl}?${new URLSearchParams(inQuery)}`;
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded;charset=UTF-8' },
    body: new URLSearchParams(inBody).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** The object inside `<method>_responce`, failing the test with the body otherwise. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function unwrap(result: CallResult, method: string): Record<string, any> {
  const key = `${method.replace(/\./g, '_')}_responce`;
  if (!(key in result.body)) throw new Error(`expected ${key}, got ${JSON.stringify(result.body).slice(0, 300)}`);
  return result.body[key];
}

/** A fixed data clock, so "a few days ago" is stable across runs. */
export const TEST_NOW = new Date('2026-06-15T04:00:00.000Z');
export const TEST_SCALE = { customers: 20, ordersPerCustomer: 5, skus: 240 };

/** A sandbox on a free port with the test clock and a small scale. */
export function startTestSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ seed: 'test-seed', now: TEST_NOW, scale: TEST_SCALE, ...options });
}
