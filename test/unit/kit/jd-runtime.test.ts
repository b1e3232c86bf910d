import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { loadJdConfig } from '../../../jd/client';
import { createJdRuntime, jdReachable } from '../../../subgraphs/kit';

function listen(): Promise<Server> {
  return new Promise((resolve) => {
    const server = createServer((socket) => socket.destroy());
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('kit: what JD-backed subgraph entries share', () => {
  it('is ready only while JD (here a local listener) accepts connections', async () => {
    const server = await listen();
    const { port } = server.address() as AddressInfo;
    const probe = jdReachable(`http://127.0.0.1:${port}/routerjson`, 500);
    expect(await probe()).toBe(true);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(await probe()).toBe(false);
  });

  it('builds per-request loaders over one client and cache, and says where JD is', async () => {
    const runtime = createJdRuntime(loadJdConfig({ JD_SANDBOX_PORT: '4999' }), undefined);
    expect(runtime.describeJd()).toBe('sandbox at http://127.0.0.1:4999/routerjson');
    const a = runtime.createLoaders('jd_demo_alice');
    const b = runtime.createLoaders('jd_demo_alice');
    expect(a).not.toBe(b); // one set per request, never shared across requests
    expect(typeof a.price.load).toBe('function');
    await runtime.close();
  });
});
