/**
 * The peers bench's four workloads and how each target is asked. Requests are built right before each
 * use, so the identity headers the bench signs for the direct-subgraph workload carry a fresh timestamp.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExample } from '../graph/queries';
import type { FieldPath } from './answers';
import { ANONYMOUS_IDENTITY, signedIdentityHeaders } from './identity-contract';
import { OURS, type TargetId, type WorkloadId } from './options';
import { MANIFEST_PATH, type RunningTarget } from './targets';
import type { BenchRequest } from './wrk';

const ROOT = join(__dirname, '..', '..');
export const DIRECTORY_QUERY = '{ supportOffices { id city phone openNow } }';
const PERSISTED_OPERATION = 'MobileNearestSupportOffice';

export interface Workload {
  id: WorkloadId;
  label: string;
  /** The targets this workload runs on, in the bench's order. */
  targets: TargetId[];
  /** Fields that differ on every call by design (masked in the answer check). */
  volatile: FieldPath[];
  /** How a target is asked, for the report. */
  how(target: TargetId): string;
  request(target: RunningTarget): BenchRequest;
  /** One-time set-up on a target before the answer check (registering an APQ hash). */
  prepare?(target: RunningTarget): Promise<void>;
}

export interface WorkloadContext {
  /** Customer bearer token (sandbox JWT settings). */
  token: string;
  pin: string;
  signingSecret: string;
  /** orderId and skuId of one of the customer's order lines, for the exchange quote. */
  exchangeLine: { orderId: string; skuId: string };
}

const GATEWAYS: TargetId[] = [...OURS, 'hive', 'hive-rust'];
const JSON_HEADERS = { 'content-type': 'application/json' };

function post(url: string, body: unknown, headers: Record<string, string> = {}): BenchRequest {
  return { method: 'POST', url, headers: { ...JSON_HEADERS, ...headers }, body: JSON.stringify(body) };
}

/** The dashboard's order lines as (orderId, skuId), in answer order: candidates for the exchange quote. */
export function orderLinesOf(dashboardBody: string): { orderId: string; skuId: string }[] {
  const json = JSON.parse(dashboardBody) as {
    data?: { orders?: { edges?: { node: { id: string; items: { product: { skuId: string } }[] } }[] } };
  };
  return (json.data?.orders?.edges ?? []).flatMap(({ node }) =>
    node.items.map((item) => ({ orderId: node.id, skuId: item.product.skuId })),
  );
}

export function dashboardRequest(url: string, token: string): BenchRequest {
  const op = readExample('customer/01-dashboard.graphql');
  return post(url, { operationName: op.operationName, query: op.query, variables: op.variables }, { authorization: `Bearer ${token}` });
}

export function exchangeQuoteRequest(url: string, token: string, line: { orderId: string; skuId: string }): BenchRequest {
  const op = readExample('customer/02-exchange-quote.graphql');
  // The example leaves orderId and skuId blank for the reader to fill in; `first` comes from the example.
  return post(
    url,
    { operationName: op.operationName, query: op.query, variables: { ...op.variables, ...line } },
    { authorization: `Bearer ${token}` },
  );
}

function persistedOperation(): { id: string; body: string; variables: Record<string, unknown> } {
  const manifest = JSON.parse(readFileSync(MANIFEST_PATH, 'utf8')) as { operations: { id: string; name: string; body: string }[] };
  const op = manifest.operations.find((o) => o.name === PERSISTED_OPERATION);
  if (!op) throw new Error(`${MANIFEST_PATH}: no ${PERSISTED_OPERATION}`);
  if (createHash('sha256').update(op.body).digest('hex') !== op.id)
    throw new Error(`${MANIFEST_PATH}: ${PERSISTED_OPERATION}'s id is not the sha256 of its body; run npm run persisted:manifest`);
  const variables = (
    JSON.parse(readFileSync(join(ROOT, 'gateway', 'explorer', 'examples', 'mobile-variables.json'), 'utf8')) as Record<
      string,
      Record<string, unknown>
    >
  )[PERSISTED_OPERATION];
  return { id: op.id, body: op.body, variables: variables ?? {} };
}

/** Builds the workloads; `exchangeLine` must be a line of the customer's orders. */
export function buildWorkloads(ctx: WorkloadContext): Workload[] {
  const persisted = persistedOperation();
  const apqExtensions = { persistedQuery: { version: 1, sha256Hash: persisted.id } };
  const persistedGetUrl = (url: string) => {
    const u = new URL(url);
    u.searchParams.set('operationName', PERSISTED_OPERATION);
    u.searchParams.set('variables', JSON.stringify(persisted.variables));
    u.searchParams.set('extensions', JSON.stringify(apqExtensions));
    return u.toString();
  };
  return [
    {
      id: 'dashboard',
      label: `customer dashboard (\`gateway/explorer/examples/customer/01-dashboard.graphql\`, bearer token for ${ctx.pin}, POST)`,
      targets: GATEWAYS,
      volatile: [],
      how: () => 'POST, bearer token',
      request: (t) => dashboardRequest(t.url, ctx.token),
    },
    {
      id: 'directory',
      label: `directory (\`${DIRECTORY_QUERY}\`, anonymous POST)`,
      targets: [...GATEWAYS, 'direct'],
      volatile: [],
      how: (t) =>
        t === 'direct'
          ? 'POST to the offices subgraph with anonymous identity headers signed by the bench (bench/peers/identity-contract.ts)'
          : 'POST, anonymous',
      request: (t) => {
        const body = { query: DIRECTORY_QUERY };
        if (t.id !== 'direct') return post(t.url, body);
        // Signed once per run: wrk repeats the same headers, so a run is capped well inside the 60 s window the bench sets.
        return post(
          t.url,
          body,
          signedIdentityHeaders(ctx.signingSecret, { identity: ANONYMOUS_IDENTITY, subgraph: 'offices', body: JSON.stringify(body) }),
        );
      },
    },
    {
      id: 'exchange-quote',
      label: `exchange quote (\`gateway/explorer/examples/customer/02-exchange-quote.graphql\`, order ${ctx.exchangeLine.orderId} sku ${ctx.exchangeLine.skuId}, bearer token, POST)`,
      targets: GATEWAYS,
      // The quote's signed id and its timestamps are new on every call.
      volatile: [
        ['data', 'exchangeQuote', 'id'],
        ['data', 'exchangeQuote', 'quotedAt'],
        ['data', 'exchangeQuote', 'expiresAt'],
      ],
      how: () => 'POST, bearer token',
      request: (t) => exchangeQuoteRequest(t.url, ctx.token, ctx.exchangeLine),
    },
    {
      id: 'persisted-get',
      label: `mobile persisted operation ${PERSISTED_OPERATION} (\`persisted-operations/nearest-office.graphql\`, variables ${JSON.stringify(persisted.variables)}), anonymous GET by sha256 hash`,
      targets: GATEWAYS,
      volatile: [],
      how: (t) =>
        OURS.includes(t)
          ? 'GET by APQ hash (registered once by POST before the check)'
          : 'the same GET; Hive Gateway has no APQ registration, so it resolves the hash from persisted-operations/manifest.json (its persistedDocuments option)',
      // apollo-require-preflight satisfies our gateway's CSRF prevention for GET; Hive ignores it.
      request: (t) => ({ method: 'GET', url: persistedGetUrl(t.url), headers: { 'apollo-require-preflight': 'true' } }),
      prepare: async (t) => {
        if (!OURS.includes(t.id)) return;
        const res = await fetch(t.url, {
          method: 'POST',
          headers: JSON_HEADERS,
          body: JSON.stringify({
            operationName: PERSISTED_OPERATION,
            query: persisted.body,
            variables: persisted.variables,
            extensions: apqExtensions,
          }),
        });
        const text = await res.text();
        if (res.status !== 200 || text.includes('"errors"'))
          throw new Error(`registering the APQ hash on ours failed: HTTP ${res.status} ${text.slice(0, 300)}`);
      },
    },
  ];
}
