import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { REAL_JD_GATEWAY_ENV } from '../../support/real-jd-env';

// Real JD data is production whatever NODE_ENV says: a gateway on JD without NODE_ENV must not hand
// out stack traces or internal messages (its subgraphs already hide them in that mode).
const REAL_JD_WITHOUT_NODE_ENV = REAL_JD_GATEWAY_ENV;
const INTERNAL = 'connection to 10.1.2.3:5432 refused';

let stub: StubSubgraph;
beforeAll(async () => {
  stub = await startStubSubgraph('offices', 'type Query { ping: String, broken: String }', {
    Query: {
      ping: () => 'pong',
      broken: () => {
        throw new Error(INTERNAL);
      },
    },
  });
});
afterAll(() => stub.stop());

const ask = async (h: Harness, query: string) =>
  body(await fetch(h.gateway.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }));

describe('deployment mode reaches the gateway', () => {
  it('on real JD without NODE_ENV: production, so no stack traces and no internal messages', async () => {
    const h = await startGateway([stub], REAL_JD_WITHOUT_NODE_ENV);
    try {
      expect(h.logs).toContainEqual(expect.objectContaining({ mode: 'jd', production: true }));
      const invalid = await ask(h, '{ nope }');
      expect(invalid.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(invalid.errors?.[0].extensions).not.toHaveProperty('stacktrace');
      const broken = await ask(h, '{ broken }');
      expect(broken.errors?.[0]).toMatchObject({ message: 'Internal server error' });
      expect(JSON.stringify(broken)).not.toContain(INTERNAL);
    } finally {
      await h.close();
    }
  });

  it('on sandbox data without NODE_ENV: details stay hidden too; only ERROR_DETAILS=true shows them', async () => {
    const h = await startGateway([stub]);
    try {
      expect(h.logs).toContainEqual(expect.objectContaining({ mode: 'sandbox', production: false }));
      expect((await ask(h, '{ nope }')).errors?.[0].extensions).not.toHaveProperty('stacktrace');
      expect(JSON.stringify(await ask(h, '{ broken }'))).not.toContain(INTERNAL);
    } finally {
      await h.close();
    }
    const debugging = await startGateway([stub], { ERROR_DETAILS: 'true' });
    try {
      expect((await ask(debugging, '{ nope }')).errors?.[0].extensions).toHaveProperty('stacktrace');
      expect(JSON.stringify(await ask(debugging, '{ broken }'))).toContain(INTERNAL);
    } finally {
      await debugging.close();
    }
  });
});
