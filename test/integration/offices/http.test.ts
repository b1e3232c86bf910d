import { signIdentity } from '../../../subgraphs/kit';
import { loadDirectory } from '../../../subgraphs/offices/data/load-directory';
import { startOfficesSubgraph } from '../../../subgraphs/offices/server';
import { loadOfficesConfig } from '../../../subgraphs/offices/config';

const SECRET = 'offices-http-test-signing-secret';

describe('offices subgraph over HTTP', () => {
  let running: Awaited<ReturnType<typeof startOfficesSubgraph>>;
  beforeAll(async () => {
    const env = loadOfficesConfig({ OFFICES_PORT: '0', SUBGRAPH_SIGNING_SECRET: SECRET });
    running = await startOfficesSubgraph(env.subgraph, loadDirectory());
  });
  afterAll(() => running.stop());

  const body = JSON.stringify({ query: '{ supportOffice(id: "tokyo") { phone } }' });
  const post = (headers: Record<string, string>) =>
    fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a signed anonymous request with public cache headers', async () => {
    const res = await post(signIdentity({ kind: 'anonymous' }, SECRET, { subgraph: 'offices', body }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('max-age=86400, public');
    expect(await res.json()).toEqual({ data: { supportOffice: { phone: '+81-3-6809-9999' } } });
  });

  it('refuses an unsigned request and executes nothing', async () => {
    const res = await post({});
    const body = (await res.json()) as { data?: unknown; errors: { extensions: { code: string } }[] };
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('defaults to port 4004 and reads OFFICES_PORT', () => {
    expect(loadOfficesConfig({}).subgraph.port).toBe(4004);
    expect(loadOfficesConfig({ OFFICES_PORT: '5004' }).subgraph.port).toBe(5004);
    expect(() => loadOfficesConfig({ OFFICES_PORT: 'abc' })).toThrow(/OFFICES_PORT: must be a whole number/);
  });
});
