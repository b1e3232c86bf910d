import { GraphQLError } from 'graphql';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { startGateway, type Harness } from './helpers/gateway-harness';
import { REAL_JD_GATEWAY_ENV } from '../../support/real-jd-env';

// What must never reach a client, in any mode: stack frames, paths, addresses, socket errors, class names.
const LEAKS = [
  /\bat .+:\d+:\d+/,
  /\/(home|usr|work|tmp|app|opt|root)\//,
  /node_modules/,
  /\b127\.0\.0\.1\b|\blocalhost\b|:\d{4,5}\b/,
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT/,
  /\b[A-Z][A-Za-z]+(Error|Exception)\b/,
  /stacktrace|"exception"|serviceName/,
  /<html|<pre>/i,
];

const MODES = [
  ['sandbox data, the default', {}],
  ['real JD data (production)', REAL_JD_GATEWAY_ENV],
] as const;

describe.each(MODES)('every error path answers a GraphQL JSON error that leaks nothing: %s', (_mode, env) => {
  let shop: StubSubgraph;
  let gone: StubSubgraph;
  let h: Harness;
  const send = (body: string, contentType = 'application/json') =>
    fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': contentType }, body });
  const post = (payload: unknown) => send(JSON.stringify(payload));

  beforeAll(async () => {
    shop = await startStubSubgraph('shop', 'type Query { ok: String boom: String refused: String jd: String }', {
      Query: {
        ok: () => 'ok',
        // The kind of text an unexpected failure carries: a class name, a path, an address.
        boom: () => {
          throw new TypeError('Cannot read properties of undefined at /work/app/orders.ts:3:9 (redis 127.0.0.1:6379)');
        },
        refused: () => {
          throw new GraphQLError('You may not see this', { extensions: { code: 'FORBIDDEN' } });
        },
        jd: () => {
          throw new GraphQLError('JD refused the call: 售后服务单不存在', {
            extensions: { code: 'UPSTREAM_REJECTED', jdCode: '10404', jdMethod: 'jingdong.afterservice.get' },
          });
        },
      },
    });
    gone = await startStubSubgraph('gone', 'type Query { gone: String }', { Query: { gone: () => 'never' } });
    h = await startGateway([shop, gone], { INTROSPECTION: 'false', ...env });
    await gone.stop(); // a subgraph that is down
  });
  afterAll(async () => {
    await h.close();
    await shop.stop();
  });

  // [what, request, expected status, expected code]
  const paths: [string, () => Promise<Response>, number, string][] = [
    ['a parse error', () => post({ query: '{ ok ' }), 400, 'GRAPHQL_PARSE_FAILED'],
    ['a validation error', () => post({ query: '{ nope }' }), 400, 'GRAPHQL_VALIDATION_FAILED'],
    [
      'a limit refusal',
      () => post({ query: `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: ok`).join(' ')} }` }),
      400,
      'OPERATION_LIMIT_EXCEEDED',
    ],
    ['a subgraph refusal', () => post({ query: '{ refused }' }), 200, 'FORBIDDEN'],
    ['a subgraph that is down', () => post({ query: '{ gone }' }), 200, 'SUBGRAPH_UNAVAILABLE'],
    ['a JD error', () => post({ query: '{ jd }' }), 200, 'UPSTREAM_REJECTED'],
    ['an unexpected exception in a resolver', () => post({ query: '{ boom }' }), 200, 'INTERNAL_SERVER_ERROR'],
    [
      'an unknown persisted-query hash',
      () => post({ extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } }),
      200,
      'PERSISTED_QUERY_NOT_FOUND',
    ],
    [
      'a persisted-query hash that does not match',
      () => post({ query: '{ ok }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
      400,
      'BAD_REQUEST',
    ],
    ['malformed JSON', () => send('{"query": "{ ok }"'), 400, 'BAD_REQUEST'],
    ['a wrong content type', () => send('{ ok }', 'text/plain'), 415, 'BAD_REQUEST'],
    ['a body over 1 MB', () => post({ query: `{ ok }${' '.repeat(1_100_000)}` }), 413, 'PAYLOAD_TOO_LARGE'],
    [
      'an unknown operation name',
      () => post({ query: 'query A { ok } query B { ok }', operationName: 'C' }),
      400,
      'OPERATION_RESOLUTION_FAILURE',
    ],
    ['a missing operation name', () => post({ query: 'query A { ok } query B { ok }' }), 400, 'OPERATION_RESOLUTION_FAILURE'],
    ['bad variables', () => post({ query: 'query Q($b: Boolean!) { ok @include(if: $b) }', variables: { b: 'x' } }), 400, 'BAD_USER_INPUT'],
    ['an unknown path', () => fetch(h.gateway.url.replace('/graphql', '/nope')), 404, 'NOT_FOUND'],
  ];

  it.each(paths)('%s', async (_what, request, status, code) => {
    const res = await request();
    const text = await res.text();
    expect({ status: res.status, type: res.headers.get('content-type') }).toEqual({
      status,
      type: expect.stringMatching(/^application\/json/),
    });
    const { errors } = JSON.parse(text) as { errors: { message: string; extensions: Record<string, unknown> }[] };
    expect(errors[0].extensions.code).toMatch(new RegExp(`^(${code})$`));
    for (const leak of LEAKS) expect(text).not.toMatch(leak);
  });

  it("keeps a down subgraph's stable code and name while its address stays out", async () => {
    const { errors } = (await (await post({ query: '{ gone }' })).json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(errors[0].extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'gone' });
  });

  it('hides field suggestions when introspection is off', async () => {
    const text = await (await post({ query: '{ oj }' })).text();
    expect(text).toMatch(/Cannot query field/);
    expect(text).not.toMatch(/Did you mean/);
  });

  it('gives an internal error the request id, and logs it once, structured and truncated', async () => {
    const res = await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-boom-1' },
      body: JSON.stringify({ query: '{ boom }' }),
    });
    const { errors } = (await res.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(errors[0].extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: 'req-boom-1' });
    const logged = h.logs.filter((l) => l.requestId === 'req-boom-1' && l.msg === 'internal error');
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, code: 'INTERNAL_SERVER_ERROR', path: ['boom'] });
    expect(String(logged[0].message).length).toBeLessThanOrEqual(501);
  });

  it('logs a malformed body as one short line, without the body', async () => {
    const before = h.logs.length;
    const secret = 'x'.repeat(5000);
    await fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'req-bad-json' },
      body: `{"query": "${secret}`,
    });
    const lines = h.logs.slice(before).filter((l) => l.requestId === 'req-bad-json');
    expect(JSON.stringify(lines)).not.toContain(secret.slice(0, 100));
    expect(lines.every((l) => JSON.stringify(l).length < 500)).toBe(true);
  });
});
