/**
 * Gateway features against the real subgraphs: APQ, the persisted-operation safelist with the
 * shipped mobile manifest, and hot reload of the supergraph. One stack for the file; the safelist
 * gateways are extra gateways in front of the same subgraphs (cheap compared with a second stack).
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ClientError, GraphQLClient } from 'graphql-request';
import { issueCustomerToken } from '../../gateway/auth';
import { loadGatewayConfig } from '../../gateway/config';
import { createLogger } from '../../gateway/logger';
import { createGateway, type RunningGateway } from '../../gateway/server';
import { loadManifest, sha256Hex } from '../../gateway/safelist/manifest';
import type { RunningStack } from '../../stack';
import { DEMO_PINS, sandboxOrdersOf, startTestStack } from './helpers';

const root = resolve(__dirname, '../..');
const manifestPath = join(root, 'persisted-operations/manifest.json');
const manifest = loadManifest(manifestPath);
const bodyOf = (name: string) => manifest.operations.find((o) => o.name === name)!.body;

const metricValue = (text: string, series: string) =>
  Number(
    text
      .split('\n')
      .find((l) => l.startsWith(`${series} `))
      ?.split(' ')[1] ?? NaN,
  );

describe('gateway features over the real subgraphs', () => {
  let stack: RunningStack;
  let dir: string;
  let supergraphPath: string;
  const extra: RunningGateway[] = [];

  /** A second gateway over the same subgraphs, e.g. with a safelist mode. */
  const gatewayWith = async (env: Record<string, string>) => {
    const config = loadGatewayConfig({
      GATEWAY_PORT: '0',
      SUPERGRAPH_PATH: join(root, 'schema/supergraph.graphql'),
      LOG_LEVEL: 'silent',
      ...stack.subgraphUrlEnv(),
      ...env,
    });
    const gateway = await createGateway(config, { logger: createLogger('silent') });
    extra.push(gateway);
    return gateway;
  };

  beforeAll(async () => {
    // The stack's gateway serves a copy of the supergraph, so the hot-reload test can rewrite it.
    dir = mkdtempSync(join(tmpdir(), 'e2e-supergraph-'));
    supergraphPath = join(dir, 'supergraph.graphql');
    copyFileSync(join(root, 'schema/supergraph.graphql'), supergraphPath);
    stack = await startTestStack({ SUPERGRAPH_PATH: supergraphPath });
  }, 30_000);
  afterAll(async () => {
    await Promise.all(extra.map((g) => g.stop()));
    await stack?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('automatic persisted queries', () => {
    const query = bodyOf('MobileNearestSupportOffice');
    const hash = sha256Hex(query);
    const variables = { countryCode: 'GB' };
    const extensions = { persistedQuery: { version: 1, sha256Hash: hash } };
    const getUrl = () =>
      `${stack.urls.gateway}?${new URLSearchParams({ variables: JSON.stringify(variables), extensions: JSON.stringify(extensions) })}`;
    const post = (body: object) =>
      fetch(stack.urls.gateway, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    it('misses an unknown hash, registers it with the query, then answers from the hash alone (GET, CDN-cacheable)', async () => {
      const miss = (await (await fetch(getUrl(), { headers: { 'apollo-require-preflight': 'true' } })).json()) as {
        errors: { extensions: { code: string } }[];
      };
      expect(miss.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

      const registered = (await (await post({ query, variables, extensions })).json()) as {
        data: { nearestSupportOffice: { countryCode: string; office: { city: string } } };
      };
      expect(registered.data.nearestSupportOffice).toMatchObject({ countryCode: 'GB', office: { city: 'London' } });

      const hit = await fetch(getUrl(), { headers: { 'apollo-require-preflight': 'true' } });
      expect(await hit.json()).toEqual(registered);
      // Public directory data: the subgraphs' hints make the hashed GET cacheable by a CDN.
      expect(hit.headers.get('cache-control')).toMatch(/max-age=\d+, public/);

      const text = await stack.gateway.metrics.registry.metrics();
      expect(metricValue(text, 'gateway_apq_total{result="miss"}')).toBe(1);
      expect(metricValue(text, 'gateway_apq_total{result="register"}')).toBe(1);
      expect(metricValue(text, 'gateway_apq_total{result="hit"}')).toBe(1);
    });

    it('refuses a query whose text does not match the hash it claims', async () => {
      const res = (await (
        await post({
          query: '{ supportChannels { id } }',
          extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hex('something else') } },
        })
      ).json()) as { errors: { message: string }[] };
      expect(res.errors[0].message).toMatch(/sha does not match/i);
    });

    it('never marks private data cacheable, even over a hashed GET', async () => {
      const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
      const list = bodyOf('MobileOrderList');
      const ext = { persistedQuery: { version: 1, sha256Hash: sha256Hex(list) } };
      const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
      await fetch(stack.urls.gateway, { method: 'POST', headers, body: JSON.stringify({ query: list, extensions: ext }) });
      const res = await fetch(`${stack.urls.gateway}?${new URLSearchParams({ extensions: JSON.stringify(ext) })}`, {
        headers: { ...headers, 'apollo-require-preflight': 'true' },
      });
      const body = (await res.json()) as { data: { orders: { totalCount: number } } };
      expect(body.data.orders.totalCount).toBe(sandboxOrdersOf(stack, DEMO_PINS.alice).length);
      expect(res.headers.get('cache-control') ?? '').not.toMatch(/public/);
    });
  });

  describe('persisted-operation safelist with the shipped mobile manifest', () => {
    it('enforce: the listed mobile operations run (customer and public), anything else is refused', async () => {
      const gateway = await gatewayWith({ SAFELIST_MODE: 'enforce', SAFELIST_MANIFEST: manifestPath });
      const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
      const alice = new GraphQLClient(gateway.url, {
        headers: { authorization: `Bearer ${token}`, 'apollographql-client-name': 'jd-mobile-ios' },
      });

      const list = await alice.request<{ orders: { totalCount: number; edges: { node: { id: string } }[] } }>(bodyOf('MobileOrderList'), {
        first: 3,
      });
      expect(list.orders.totalCount).toBe(sandboxOrdersOf(stack, DEMO_PINS.alice).length);
      const detail = await alice.request<{ order: { id: string; afterSalesServices: { schedule: unknown[] }[] } }>(
        bodyOf('MobileOrderDetail'),
        { id: list.orders.edges[0].node.id },
      );
      expect(detail.order.id).toBe(list.orders.edges[0].node.id);
      // Whitespace does not matter: the body is compared without insignificant characters.
      const office = await alice.request<{ nearestSupportOffice: { match: string } }>(
        bodyOf('MobileNearestSupportOffice').replace(/\s+/g, ' '),
        { countryCode: 'US' },
      );
      expect(office.nearestSupportOffice.match).toBe('REGIONAL_OFFICE');

      const refused = await alice
        .request('query Sneaky { orders(first: 100) { edges { node { id shipTo { phone } } } } }')
        .catch((e: unknown) => e as ClientError);
      expect(refused).toBeInstanceOf(ClientError);
      expect((refused as ClientError).response.status).toBe(400);
      expect((refused as ClientError).response.errors?.[0].extensions?.code).toBe('OPERATION_NOT_IN_SAFELIST');
      expect(
        metricValue(await gateway.metrics.registry.metrics(), 'gateway_safelist_unknown_total{client="jd-mobile-ios",rejected="true"}'),
      ).toBe(1);
    });

    it('log-unknown: unknown operations still run and are counted', async () => {
      const gateway = await gatewayWith({ SAFELIST_MODE: 'log-unknown', SAFELIST_MANIFEST: manifestPath });
      const client = new GraphQLClient(gateway.url, { headers: { 'apollographql-client-name': 'jd-mobile-android' } });
      const data = await client.request<{ hotlines: { number: string }[] }>('query AdHocHotlines { hotlines { number } }');
      expect(data.hotlines.length).toBeGreaterThan(0);
      await client.request(bodyOf('MobileNearestSupportOffice'), { countryCode: 'DE' });
      const text = await gateway.metrics.registry.metrics();
      expect(metricValue(text, 'gateway_safelist_unknown_total{client="jd-mobile-android",rejected="false"}')).toBe(1);
    });
  });

  it('hot-reloads the supergraph when its file changes, without a restart', async () => {
    const client = new GraphQLClient(stack.urls.gateway);
    const description = async () =>
      (
        await client.request<{ __type: { fields: { name: string; description: string | null }[] } }>(
          '{ __type(name: "Query") { fields { name description } } }',
        )
      ).__type.fields.find((f) => f.name === 'supportChannels')!.description;
    const original = await description();
    expect(original).toBeTruthy();

    const sdl = readFileSync(supergraphPath, 'utf8');
    expect(sdl).toContain(original!);
    const reloaded = stack.gateway.supergraph.nextReload();
    writeFileSync(supergraphPath, sdl.replace(original!, 'Every way to reach JD support (hot-reloaded).'));
    await reloaded;

    expect(await description()).toBe('Every way to reach JD support (hot-reloaded).');
    // The new schema still plans across the real subgraphs.
    const channels = await client.request<{ supportChannels: { id: string }[] }>('{ supportChannels { id } }');
    expect(channels.supportChannels.length).toBeGreaterThan(0);

    // A broken file is refused and the last good schema keeps serving.
    const failed = stack.gateway.supergraph.nextReload();
    writeFileSync(supergraphPath, 'this is not a supergraph');
    await failed;
    expect(await description()).toBe('Every way to reach JD support (hot-reloaded).');
  });
});
