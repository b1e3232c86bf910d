/**
 * The caller is told when an answer holds stale JD data: past a cached answer's TTL and within its
 * grace, the gateway's response carries `extensions.staleness.oldestAgeMs`, an `Age` header and a
 * cache-control that lets no cache keep it; a fresh answer carries none of them. The clock of the
 * whole in-process stack is moved by hand (cache ages, tokens, signatures alike).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueCustomerToken } from '../../gateway/auth';
import { DEFAULT_JD_GRACE_MS, DEFAULT_JD_TTL_MS } from '../../jd/loaders';
import { JD_METHODS } from '../../jd/protocol';
import type { RunningStack } from '../../stack';
import { DEMO_PINS, startTestStack } from './helpers';

const DASHBOARD = readFileSync(join(__dirname, '../../gateway/explorer/examples/customer/01-dashboard.graphql'), 'utf8');
const realNow = Date.now.bind(Date);
let skew = 0;

let stack: RunningStack;
beforeAll(async () => {
  jest.spyOn(Date, 'now').mockImplementation(() => realNow() + skew);
  stack = await startTestStack();
});
afterAll(async () => {
  await stack.stop();
  jest.restoreAllMocks();
});

async function dashboard(): Promise<{
  status: number;
  headers: Headers;
  body: { data?: unknown; errors?: unknown[]; extensions?: { staleness?: { oldestAgeMs: number } } };
}> {
  const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
  const res = await fetch(stack.urls.gateway, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: DASHBOARD, variables: { first: 5 } }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as never };
}

it('labels an answer with stale JD data (oldest age, Age header, not cacheable) and a fresh one not at all', async () => {
  const fresh = await dashboard();
  expect(fresh.body.errors).toBeUndefined();
  expect(fresh.body.extensions?.staleness).toBeUndefined();
  expect(fresh.headers.get('age')).toBeNull();

  // Past the price TTL and within its grace: prices come from the cache, labelled stale.
  const past = DEFAULT_JD_TTL_MS[JD_METHODS.priceGet] + 1_000;
  expect(past).toBeLessThan(DEFAULT_JD_TTL_MS[JD_METHODS.priceGet] + DEFAULT_JD_GRACE_MS[JD_METHODS.priceGet]);
  skew += past;
  const stale = await dashboard();
  expect(stale.body.errors).toBeUndefined();
  expect(stale.body.data).toEqual(fresh.body.data);
  expect(stale.body.extensions?.staleness?.oldestAgeMs).toBeGreaterThanOrEqual(past);
  expect(Number(stale.headers.get('age'))).toBeGreaterThanOrEqual(Math.floor(past / 1000));
  expect(stale.headers.get('cache-control')).toMatch(/no-store|max-age=0/);
});
