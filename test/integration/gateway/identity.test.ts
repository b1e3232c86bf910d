import { createHash, createHmac } from 'node:crypto';
import { ClientError, GraphQLClient } from 'graphql-request';
import { SANDBOX_SUBGRAPH_SIGNING_SECRET } from '../../../config';
import { loadGatewayConfig } from '../../../gateway/config';
import { issueCustomerToken } from '../../../gateway/auth';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { startGateway, type Harness } from './helpers/gateway-harness';

const PARTNER_KEYS = JSON.stringify([{ key: 'acme-partner-key-0123456789', partnerId: 'acme', scopes: ['directory:read', 'orders:read'] }]);

/**
 * Independent check of docs/identity-headers.md: recompute the HMAC over the time, the subgraph's name
 * and the digest of the body it received, and decode the payload.
 */
function verifiedIdentity(headers: Record<string, unknown>, body: string, subgraph = 'orders'): unknown {
  const payload = String(headers['x-jd-identity']);
  const ts = String(headers['x-jd-identity-ts']);
  const digest = createHash('sha256').update(body).digest('hex');
  const expected = createHmac('sha256', SANDBOX_SUBGRAPH_SIGNING_SECRET).update(`${ts}.${subgraph}.${digest}.${payload}`).digest('hex');
  expect(headers['x-jd-identity-sig']).toBe(expected);
  expect(Math.abs(Date.now() - Number(ts))).toBeLessThan(5000);
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
}

describe('gateway → subgraph identity', () => {
  let stub: StubSubgraph;
  let h: Harness;
  let client: GraphQLClient;
  beforeAll(async () => {
    stub = await startStubSubgraph('orders', 'type Query { ping: String }', { Query: { ping: () => 'pong' } });
    h = await startGateway([stub], { PARTNER_API_KEYS: PARTNER_KEYS });
    client = new GraphQLClient(h.gateway.url);
  });
  afterAll(async () => {
    await h.close();
    await stub.stop();
  });
  beforeEach(() => void ((stub.received.length = 0), (stub.bodies.length = 0)));

  it('signs the verified customer and drops identity headers the client forged', async () => {
    const token = await issueCustomerToken(loadGatewayConfig({}).jwt, 'jd_demo_alice');
    const forged = Buffer.from(JSON.stringify({ kind: 'customer', pin: 'jd_demo_mallory' })).toString('base64url');
    const res = await client.rawRequest<{ ping: string }>(
      '{ ping }',
      {},
      {
        authorization: `Bearer ${token}`,
        'x-jd-identity': forged,
        'x-jd-identity-ts': String(Date.now()),
        'x-jd-identity-sig': 'f'.repeat(64),
      },
    );
    expect(res.data.ping).toBe('pong');
    expect(stub.received).toHaveLength(1);
    expect(stub.received[0]['x-jd-identity']).not.toBe(forged);
    expect(verifiedIdentity(stub.received[0], stub.bodies[0])).toEqual({ kind: 'customer', pin: 'jd_demo_alice' });
  });

  it('forwards anonymous callers as anonymous, even when they forge a customer identity', async () => {
    await client.rawRequest('{ ping }', {}, { 'x-jd-identity': Buffer.from('{"kind":"customer","pin":"x"}').toString('base64url') });
    expect(verifiedIdentity(stub.received[0], stub.bodies[0])).toEqual({ kind: 'anonymous' });
  });

  it('forwards a partner with its scopes', async () => {
    await client.rawRequest('{ ping }', {}, { 'x-api-key': 'acme-partner-key-0123456789' });
    expect(verifiedIdentity(stub.received[0], stub.bodies[0])).toEqual({
      kind: 'partner',
      partnerId: 'acme',
      scopes: ['directory:read', 'orders:read'],
    });
  });

  it('refuses a bad token with UNAUTHENTICATED (401) and never calls the subgraph', async () => {
    const err = await client.rawRequest('{ ping }', {}, { authorization: 'Bearer not.a.jwt' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ClientError);
    const { response } = err as ClientError;
    expect(response.status).toBe(401);
    expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(stub.received).toHaveLength(0);
  });

  it('refuses an unknown API key', async () => {
    const err = (await client
      .rawRequest('{ ping }', {}, { 'x-api-key': 'unknown-key-0000000000' })
      .catch((e: unknown) => e)) as ClientError;
    expect(err.response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(stub.received).toHaveLength(0);
  });

  it('propagates x-request-id, traceparent and accept-language', async () => {
    const traceparent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const res = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-42', traceparent, 'accept-language': 'en-US' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(res.headers.get('x-request-id')).toBe('req-42');
    expect(stub.received[0]).toMatchObject({ 'x-request-id': 'req-42', traceparent, 'accept-language': 'en-US' });
    expect(h.logs.some((l) => l.requestId === 'req-42' && l.msg === 'request')).toBe(true);
  });

  it('generates a request id when the client sends none', async () => {
    const res = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    const id = res.headers.get('x-request-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(stub.received[0]['x-request-id']).toBe(id);
  });

  it('labels sandbox responses as simulated', async () => {
    const res = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(res.headers.get('x-jd-sandbox')).toBe('simulated');
  });
});
