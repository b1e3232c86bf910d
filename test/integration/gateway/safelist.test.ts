import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../../../gateway/safelist/manifest';
import { startStubSubgraph, type StubSubgraph } from './helpers/stub-subgraph';
import { priced, body, startGateway, type Harness } from './helpers/gateway-harness';

const LISTED = 'query Offices {\n  offices\n}';

describe('persisted-operation safelist', () => {
  let stub: StubSubgraph;
  let dir: string;
  let manifest: string;
  const open: Harness[] = [];
  const gatewayWith = async (env: Record<string, string>) => {
    const h = await startGateway([stub], { SAFELIST_MANIFEST: manifest, ...env });
    open.push(h);
    return h;
  };
  const send = (h: Harness, query: string, client?: string) =>
    fetch(h.gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(client ? { 'apollographql-client-name': client } : {}) },
      body: JSON.stringify({ query }),
    });

  beforeAll(async () => {
    stub = await startStubSubgraph('offices', 'type Query { offices: [String!]! hotline: String }', {
      Query: { offices: () => ['Wuhan'], hotline: () => '950618' },
    });
    dir = mkdtempSync(join(tmpdir(), 'safelist-'));
    manifest = join(dir, 'manifest.json');
    writeFileSync(
      manifest,
      JSON.stringify({
        format: 'apollo-persisted-query-manifest',
        version: 1,
        operations: [{ id: sha256Hex(LISTED), name: 'Offices', type: 'query', body: LISTED }],
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(open.map((h) => h.close()));
    await stub.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => void (stub.received.length = 0));

  it('enforce runs listed operations (whitespace-insensitive) and rejects the rest with a code', async () => {
    const h = await gatewayWith({ SAFELIST_MODE: 'enforce' });
    expect(await (await send(h, 'query Offices { offices }')).json()).toEqual(priced({ offices: ['Wuhan'] }));
    const rejected = await send(h, 'query Hotline { hotline }');
    expect(rejected.status).toBe(400);
    expect((await body(rejected)).errors?.[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
    expect(stub.received).toHaveLength(1);
    expect(await h.gateway.metrics.registry.metrics()).toMatch(/gateway_safelist_unknown_total\{client="__none__",rejected="true"\} 1/);
  });

  it('enforce limited to chosen client names lets partners keep free-form queries', async () => {
    const h = await gatewayWith({ SAFELIST_MODE: 'enforce', SAFELIST_CLIENT_NAMES: 'jd-mobile-ios, jd-mobile-android' });
    const mobile = await send(h, '{ hotline }', 'jd-mobile-ios');
    expect((await body(mobile)).errors?.[0].extensions.code).toBe('OPERATION_NOT_IN_SAFELIST');
    const partner = await send(h, '{ hotline }', 'acme-portal');
    expect(await partner.json()).toEqual(priced({ hotline: '950618' }));
    const anonymousClient = await send(h, '{ hotline }');
    expect(await anonymousClient.json()).toEqual(priced({ hotline: '950618' }));
    expect(stub.received).toHaveLength(2);
  });

  it('log-unknown runs everything and logs the unknown operation', async () => {
    const h = await gatewayWith({ SAFELIST_MODE: 'log-unknown' });
    expect(await (await send(h, 'query Hotline { hotline }', 'jd-mobile-ios')).json()).toEqual(priced({ hotline: '950618' }));
    expect(
      h.logs.some(
        (l) => l.msg === 'operation not in the persisted-query safelist' && l.operationName === 'Hotline' && l.rejected === false,
      ),
    ).toBe(true);
    expect(await h.gateway.metrics.registry.metrics()).toMatch(
      /gateway_safelist_unknown_total\{client="jd-mobile-ios",rejected="false"\} 1/,
    );
  });

  it('off runs everything without consulting a manifest', async () => {
    const h = await gatewayWith({ SAFELIST_MODE: 'off', SAFELIST_MANIFEST: join(dir, 'does-not-exist.json') });
    expect(await (await send(h, '{ hotline }')).json()).toEqual(priced({ hotline: '950618' }));
  });

  it('a missing manifest stops start-up with a clear message', async () => {
    await expect(startGateway([stub], { SAFELIST_MODE: 'enforce', SAFELIST_MANIFEST: join(dir, 'nope.json') })).rejects.toThrow(
      /persisted:manifest/,
    );
  });
});
