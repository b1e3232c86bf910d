import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { body, startGateway, type Harness } from './helpers/gateway-harness';
import { REAL_JD_GATEWAY_ENV } from '../../support/real-jd-env';

const SCRAPE_TOKEN = 'scrape-token-0123456789';

// Sandbox labelling, introspection and landing pages over HTTP, in sandbox mode and with real JD data.
const JD = REAL_JD_GATEWAY_ENV;
const INTROSPECT = '{ __schema { queryType { name } } }';
const BROWSER = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

let stub: StubSubgraph;
beforeAll(async () => {
  stub = await startStubSubgraph('offices', 'type Query { ping: String }', { Query: { ping: () => 'pong' } });
});
afterAll(() => stub.stop());

const post = (h: Harness, payload: unknown, headers: Record<string, string> = {}) =>
  fetch(h.gateway.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
const origin = (h: Harness) => h.gateway.url.replace('/graphql', '');

describe('sandbox mode (default)', () => {
  let h: Harness;
  beforeAll(async () => void (h = await startGateway([stub], { PARTNER_RATE_LIMIT_PER_MINUTE: '1', METRICS_TOKEN: SCRAPE_TOKEN })));
  afterAll(() => h.close());

  it('logs the mode at start-up', () => {
    expect(h.logs).toContainEqual(
      expect.objectContaining({
        mode: 'sandbox',
        introspection: true,
        explorer: true,
        apolloSandboxLandingPage: false,
        partnerRateLimitPerMinute: 1,
      }),
    );
  });

  it('labels every response as simulated: data, GraphQL errors, auth errors, 429, bad JSON, health, metrics, landing, 404', async () => {
    const responses = [
      await post(h, { query: '{ ping }' }),
      await post(h, { query: '{ nope }' }),
      await post(h, { query: '{ ping }' }, { 'x-api-key': 'not-a-known-key-000000' }),
      await post(h, { query: '{ ping }' }, { 'x-api-key': 'sandbox-partner-key' }),
      await post(h, { query: '{ ping }' }, { 'x-api-key': 'sandbox-partner-key' }),
      await post(h, '{"query": '),
      await fetch(`${origin(h)}/health/live`),
      await fetch(`${origin(h)}/metrics`, { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } }),
      await fetch(`${origin(h)}/`),
      await fetch(`${origin(h)}/no-such-page`),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 400, 401, 200, 429, 400, 200, 200, 200, 404]);
    for (const r of responses) expect(r.headers.get('x-jd-sandbox')).toBe('simulated');
  });

  it('allows introspection', async () => {
    expect((await body(await post(h, { query: INTROSPECT }))).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves a self-contained landing page at / that points to the explorer', async () => {
    const res = await fetch(`${origin(h)}/`, { headers: { accept: BROWSER } });
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
    const html = await res.text();
    expect(html).toContain('href="/explorer"');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('mounts the self-hosted explorer at /explorer', async () => {
    const res = await fetch(`${origin(h)}/explorer/`, { headers: { accept: BROWSER } });
    // 200 with the built assets, 503 naming the build command without them: either way it is the explorer's router.
    expect([200, 503]).toContain(res.status);
    expect(res.headers.get('content-security-policy') ?? (await res.text())).toMatch(/default-src 'self'|build:explorer/);
  });

  it("sends browsers that open /graphql to the explorer instead of Apollo's CDN page, and still answers GraphQL GETs", async () => {
    const res = await fetch(h.gateway.url, { headers: { accept: BROWSER }, redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/explorer');
    const get = await fetch(`${h.gateway.url}?query=${encodeURIComponent('{ ping }')}`, {
      headers: { accept: 'application/json', 'apollo-require-preflight': 'true' },
    });
    expect((await body(get)).data).toEqual({ ping: 'pong' });
  });
});

describe('with real JD data', () => {
  it('has no sandbox label, refuses introspection and sends browsers to / (explorer off)', async () => {
    const h = await startGateway([stub], JD);
    try {
      expect(h.logs).toContainEqual(expect.objectContaining({ mode: 'jd', introspection: false, explorer: false }));
      const ok = await post(h, { query: '{ ping }' });
      expect(ok.status).toBe(200);
      expect(ok.headers.has('x-jd-sandbox')).toBe(false);
      const introspection = await body(await post(h, { query: INTROSPECT }));
      expect(introspection.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      const browser = await fetch(h.gateway.url, { headers: { accept: BROWSER }, redirect: 'manual' });
      expect(browser.headers.get('location')).toBe('/');
      const landing = await (await fetch(`${origin(h)}/`)).text();
      expect(landing).not.toContain('href="/explorer"');
      expect(landing).toContain('EXPLORER=true');
      expect((await fetch(`${origin(h)}/explorer/`, { headers: { accept: BROWSER } })).status).toBe(404);
    } finally {
      await h.close();
    }
  });

  it('allows introspection and Apollo Sandbox when configured on', async () => {
    const h = await startGateway([stub], { ...JD, INTROSPECTION: 'true', APOLLO_SANDBOX_LANDING_PAGE: 'true' });
    try {
      expect((await body(await post(h, { query: INTROSPECT }))).data).toEqual({ __schema: { queryType: { name: 'Query' } } });
      const page = await fetch(h.gateway.url, { headers: { accept: BROWSER }, redirect: 'manual' });
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('embeddable-sandbox');
    } finally {
      await h.close();
    }
  });
});
