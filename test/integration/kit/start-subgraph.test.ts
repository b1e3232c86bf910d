import { signIdentity, startSubgraph, type BaseContext, type Identity, type RunningSubgraph } from '../../../subgraphs/kit';
import { buildSchema as buildAlpha, referenceCalls } from '../../unit/kit/fixtures/subgraphs/alpha/schema';

const SECRET = 'integration-test-secret-0123456789';
const alice: Identity = { kind: 'customer', pin: 'jd_demo_alice' };

/** Headers signed for the body they will travel with, as the gateway signs them (docs/identity-headers.md). */
type Signer = (body: string) => Record<string, string>;
const signedBy =
  (identity: Identity, secret = SECRET, now?: number, subgraph = 'alpha'): Signer =>
  (body) =>
    signIdentity(identity, secret, { subgraph, body }, now);

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

describe('startSubgraph over HTTP', () => {
  let subgraph: RunningSubgraph;
  let ready = true;
  const contexts: BaseContext[] = [];

  beforeAll(async () => {
    subgraph = await startSubgraph({
      name: 'alpha',
      schema: buildAlpha().schema,
      port: 0,
      signingSecret: SECRET,
      createContext: (base) => {
        contexts.push(base);
        return base;
      },
      checkReady: async () => {
        if (ready === null) throw new Error('probe crashed');
        return ready;
      },
    });
  });
  afterAll(() => subgraph.stop());
  beforeEach(() => {
    contexts.length = 0;
    referenceCalls.length = 0;
  });

  const post = async (
    query: string,
    sign: Signer = () => ({}),
    variables?: Record<string, unknown>,
    extra: Record<string, string> = {},
  ) => {
    const body = JSON.stringify({ query, variables });
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...sign(body), ...extra },
      body,
    });
    return { status: response.status, headers: response.headers, body: (await response.json()) as GraphQLBody };
  };
  const entitiesQuery = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id total { amount } } } }';
  const representations = { r: [{ __typename: 'Order', id: '1001' }] };

  it('listens on a free port on 127.0.0.1', () => {
    expect(subgraph.port).toBeGreaterThan(0);
    expect(subgraph.url).toBe(`http://127.0.0.1:${subgraph.port}/graphql`);
  });

  it.each<[string, Signer]>([
    ['unsigned', () => ({})],
    ['signed with another secret', signedBy(alice, 'not-the-secret')],
    ['signed too long ago', signedBy(alice, SECRET, Date.now() - 31_000)],
    ['signed in the future', signedBy(alice, SECRET, Date.now() + 10_000)],
    ['signed for another subgraph', signedBy(alice, SECRET, undefined, 'beta')],
    ['signed for another body', () => signIdentity(alice, SECRET, { subgraph: 'alpha', body: '{"query":"{ __typename }"}' })],
    [
      'identity swapped after signing',
      (body) => ({ ...signedBy({ kind: 'anonymous' })(body), 'x-jd-identity': Buffer.from(JSON.stringify(alice)).toString('base64url') }),
    ],
  ])('refuses %s requests to _service, _entities and queries, executing nothing', async (_label, sign) => {
    for (const [query, variables] of [
      ['{ _service { sdl } }', undefined],
      [entitiesQuery, representations],
      ['{ order(id: "1001") { id } }', undefined],
    ] as const) {
      const { status, body } = await post(query, sign, variables);
      expect(status).toBe(401);
      expect(body.data).toBeUndefined();
      expect(body.errors).toEqual([{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED' } }]);
    }
    expect(referenceCalls).toEqual([]);
    expect(contexts).toEqual([]);
  });

  it('refuses an unsigned GET too', async () => {
    const response = await fetch(`${subgraph.url}?query=${encodeURIComponent('{ _service { sdl } }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as GraphQLBody).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a signed GET: a signature covers a body, and the query of a GET is not in one', async () => {
    const response = await fetch(`${subgraph.url}?query=${encodeURIComponent('{ _service { sdl } }')}`, {
      headers: { 'apollo-require-preflight': 'true', ...signedBy(alice)('') },
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(contexts).toEqual([]);
  });

  it('answers a signed query with the verified identity, request id and language in the context', async () => {
    const { status, body, headers } = await post(
      '{ order(id: "1001") { id owner total { amount minorUnits } } }',
      signedBy(alice),
      undefined,
      {
        'x-request-id': 'req-42',
        'accept-language': 'zh-CN,zh;q=0.9',
      },
    );
    expect(status).toBe(200);
    expect(body).toEqual({ data: { order: { id: '1001', owner: 'jd_demo_alice', total: { amount: '199.00', minorUnits: 19900 } } } });
    expect(contexts).toEqual([
      {
        identity: alice,
        requestId: 'req-42',
        language: 'zh',
        deadline: expect.any(Number),
        signal: expect.any(AbortSignal),
        staleness: { methods: new Set() },
      },
    ]);
    // Order is @cacheControl(maxAge: 30, scope: PRIVATE): the gateway reads this header.
    expect(headers.get('cache-control')).toBe('max-age=30, private');
  });

  it('answers signed _service and _entities, through the reference resolver, with the entity cache hint', async () => {
    const service = await post('{ _service { sdl } }', signedBy({ kind: 'anonymous' }));
    expect(service.status).toBe(200);
    expect((service.body.data?._service as { sdl: string }).sdl).toContain('@key(fields: "id")');

    const entities = await post(entitiesQuery, signedBy(alice), representations);
    expect(entities.body).toEqual({ data: { _entities: [{ id: '1001', total: { amount: '199.00' } }] } });
    expect(referenceCalls).toEqual(['1001']);
    expect(entities.headers.get('cache-control')).toBe('max-age=30, private');
  });

  it('marks uncacheable answers no-store', async () => {
    const { headers } = await post('{ __typename }', signedBy(alice));
    expect(headers.get('cache-control')).toBe('no-store');
  });

  it('serves /health/live and /health/ready without a signature', async () => {
    const base = subgraph.url.replace(/\/graphql$/, '');
    const live = await fetch(`${base}/health/live`);
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok', subgraph: 'alpha' });

    ready = true;
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    ready = false;
    const notReady = await fetch(`${base}/health/ready`);
    expect(notReady.status).toBe(503);
    expect(await notReady.json()).toEqual({ status: 'not ready', subgraph: 'alpha' });
    (ready as unknown) = null; // the probe throws
    expect((await fetch(`${base}/health/ready`)).status).toBe(503);
    ready = true;
  });
});

describe('startSubgraph error masking and shutdown', () => {
  const start = (production: boolean) =>
    startSubgraph({ name: 'alpha', schema: buildAlpha().schema, port: 0, signingSecret: SECRET, production, createContext: (b) => b });

  const boom = async (subgraph: RunningSubgraph) => {
    const body = JSON.stringify({ query: '{ boom }' });
    const response = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signedBy(alice)(body) },
      body,
    });
    return (await response.json()) as GraphQLBody;
  };

  it('masks an uncoded error in production, with no stack trace', async () => {
    const subgraph = await start(true);
    try {
      const body = await boom(subgraph);
      expect(body.errors).toEqual([
        {
          message: 'Internal server error',
          locations: [{ line: 1, column: 3 }],
          path: ['boom'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('hunter2');
    } finally {
      await subgraph.stop();
    }
  });

  it('shows the error outside production', async () => {
    const subgraph = await start(false);
    try {
      const body = await boom(subgraph);
      expect(body.errors?.[0].message).toBe('database password is hunter2');
      expect(body.errors?.[0].extensions?.stacktrace).toBeDefined();
    } finally {
      await subgraph.stop();
    }
  });

  it('stops listening on stop()', async () => {
    const subgraph = await start(false);
    await subgraph.stop();
    await expect(fetch(subgraph.url, { method: 'POST' })).rejects.toThrow();
  });

  it('fails clearly when the port is taken', async () => {
    const first = await start(false);
    try {
      await expect(
        startSubgraph({ name: 'alpha', schema: buildAlpha().schema, port: first.port, signingSecret: SECRET, createContext: (b) => b }),
      ).rejects.toThrow(new RegExp(`subgraph alpha: cannot listen on 127.0.0.1:${first.port}`));
    } finally {
      await first.stop();
    }
  });
});
