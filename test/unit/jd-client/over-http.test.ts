import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createJdClient, loadJdConfig, signJdParams } from '../../../jd/client';

// A minimal stand-in router on 127.0.0.1:0 (not the sandbox): checks the signature the way a JD
// server would, from query + form, and records what arrived, so the default global fetch path is exercised.
interface Arrived {
  method?: string;
  path?: string;
  contentType?: string;
  params: Record<string, string>;
}
const arrived: Arrived[] = [];
let server: Server;
let port: number;
let mode: 'ok' | 'hang' = 'ok';

const readBody = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const params = { ...Object.fromEntries(url.searchParams), ...Object.fromEntries(new URLSearchParams(await readBody(req))) };
    arrived.push({ method: req.method, path: url.pathname, contentType: req.headers['content-type'], params });
    if (mode === 'hang') return; // never answers; the client's timeout must end the call
    const expected = signJdParams(params, 'sandbox-app-secret', (params.sign_method ?? 'md5') as 'md5');
    res.setHeader('content-type', 'application/json;charset=utf-8');
    if (params.sign !== expected)
      return res.end(JSON.stringify({ error_response: { code: '12', zh_desc: '无效签名', en_desc: 'Invalid signature' } }));
    res.end(
      JSON.stringify({
        jingdong_ware_price_get_responce: { code: '0', price_changes: [{ sku_id: 'J_1', price: '9.90', market_price: '12.00' }] },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  arrived.length = 0;
  mode = 'ok';
});

describe('JD client over real HTTP with the default fetch', () => {
  it('createJdClient(loadJdConfig({JD_SANDBOX_PORT})) signs and sends a call the server accepts', async () => {
    const client = createJdClient(loadJdConfig({ JD_SANDBOX_PORT: String(port), JD_SIGN_METHOD: 'hmacsha256' }));
    await expect(client.call('jingdong.ware.price.get', { sku_id: 'J_1' })).resolves.toEqual({
      code: '0',
      price_changes: [{ sku_id: 'J_1', price: '9.90', market_price: '12.00' }],
    });
    expect(arrived).toHaveLength(1);
    expect(arrived[0]).toMatchObject({ method: 'POST', path: '/routerjson' });
    expect(arrived[0].contentType).toMatch(/^application\/x-www-form-urlencoded/);
    expect(arrived[0].params).toMatchObject({
      app_key: 'sandbox-app-key',
      access_token: 'sandbox-access-token',
      sign_method: 'hmacsha256',
      '360buy_param_json': '{"sku_id":"J_1"}',
    });
  });

  it('a wrong secret earns code 12, not retried', async () => {
    const client = createJdClient({ ...loadJdConfig({ JD_SANDBOX_PORT: String(port) }), appSecret: 'wrong' });
    await expect(client.call('jingdong.ware.price.get', { sku_id: 'J_1' })).rejects.toMatchObject({
      kind: 'system',
      code: '12',
      enDesc: 'Invalid signature',
    });
    expect(arrived).toHaveLength(1);
  });

  it('times out a hanging server and retries the read the configured number of times', async () => {
    mode = 'hang';
    const client = createJdClient(
      loadJdConfig({ JD_SANDBOX_PORT: String(port), JD_TIMEOUT_MS: '50', JD_RETRY_MAX: '1', JD_RETRY_BASE_DELAY_MS: '1' }),
    );
    await expect(client.call('jingdong.ware.price.get', { sku_id: 'J_1' })).rejects.toMatchObject({ kind: 'timeout', code: 'TIMEOUT' });
    expect(arrived).toHaveLength(2);
  });
});
