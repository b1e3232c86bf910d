/** Shared by the end-to-end tests: the whole stack on free ports, clients per caller kind, sandbox look-ups. */
import { ClientError, GraphQLClient } from 'graphql-request';
import { issueCustomerToken } from '../../gateway/auth';
import { SANDBOX_PARTNER_KEY } from '../../config';
import { createLogger } from '../../gateway/logger';
import { DEMO_PINS } from '../../jd/sandbox';
import type { JdOrderInfo } from '../../jd/protocol';
import { startStack, type RunningStack, type StackOverrides } from '../../stack';

export { DEMO_PINS };

export const FREE_PORTS = { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } as const;

/** The whole graph in-process on free ports, sandbox defaults, silent logs; `env` adds or overrides variables. */
export function startTestStack(env: Record<string, string> = {}, overrides: StackOverrides = {}): Promise<RunningStack> {
  // A clean environment: a developer's shell (JD_API_URL, *_PORT, REDIS_URL) must not leak in.
  return startStack({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...env }, { ports: FREE_PORTS, logger: createLogger('silent'), ...overrides });
}

export interface Callers {
  anonymous: GraphQLClient;
  alice: GraphQLClient;
  bob: GraphQLClient;
  partner: GraphQLClient;
}

/** One graphql-request client per kind of caller, against `url`. */
export async function callers(stack: RunningStack, url = stack.urls.gateway): Promise<Callers> {
  const jwt = stack.config.gateway.jwt;
  const bearer = async (pin: string) => ({ authorization: `Bearer ${await issueCustomerToken(jwt, pin)}` });
  return {
    anonymous: new GraphQLClient(url),
    alice: new GraphQLClient(url, { headers: await bearer(DEMO_PINS.alice) }),
    bob: new GraphQLClient(url, { headers: await bearer(DEMO_PINS.bob) }),
    partner: new GraphQLClient(url, { headers: { 'x-api-key': SANDBOX_PARTNER_KEY } }),
  };
}

/** The error codes of a failed request (graphql-request throws ClientError on any `errors`). */
export async function errorCodes(request: Promise<unknown>): Promise<string[]> {
  const err = await request.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ClientError)) throw new Error(`expected GraphQL errors, got ${err === undefined ? 'data' : String(err)}`);
  return (err.response.errors ?? []).map((e) => String(e.extensions?.code));
}

/** A customer's orders as the sandbox holds them (the truth the graph must reflect). */
export function sandboxOrdersOf(stack: RunningStack, pin: string): JdOrderInfo[] {
  return [...stack.sandbox!.data.orders.values()].filter((o) => o.pin === pin);
}

/** Calls and batch sizes the sandbox saw for one JD method since the last `sandbox.stats.reset()`. */
export function jdCalls(stack: RunningStack, method: string): { calls: number; batchSizes: number[] } {
  const m = stack.sandbox!.stats.snapshot().methods[method];
  return { calls: m?.calls ?? 0, batchSizes: m?.batchSizes ?? [] };
}
