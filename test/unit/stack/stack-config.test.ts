import { ConfigError } from '../../../config';
import { loadStackConfig } from '../../../stack';

describe('whole-graph configuration', () => {
  it('runs on the documented defaults with the embedded sandbox', () => {
    const config = loadStackConfig({});
    expect(config.sandbox?.port).toBe(4010);
    expect([
      config.orders.subgraph.port,
      config.afterSales.subgraph.port,
      config.exchange.subgraph.port,
      config.offices.subgraph.port,
      config.gateway.port,
    ]).toEqual([4001, 4002, 4003, 4004, 4000]);
    expect(config.jd.sandbox).toBe(true);
  });

  it('embeds no sandbox when JD_SANDBOX_URL names one elsewhere, and calls that one', () => {
    const config = loadStackConfig({ JD_SANDBOX_URL: 'http://jd-sandbox:4010/routerjson' });
    expect(config.sandbox).toBeUndefined();
    expect(config.jd).toMatchObject({ sandbox: true, apiUrl: 'http://jd-sandbox:4010/routerjson' });
    // Empty (as deploy/k8s settings.env leaves it on real JD) counts as unset.
    expect(loadStackConfig({ JD_SANDBOX_URL: '' }).sandbox?.port).toBe(4010);
  });

  it('reads each port from its variable, and explicit ports (tests) win', () => {
    const config = loadStackConfig({ ORDERS_PORT: '5001', GATEWAY_PORT: '5000', JD_SANDBOX_PORT: '5010' }, { gateway: 0, exchange: 0 });
    expect(config.orders.subgraph.port).toBe(5001);
    expect(config.sandbox?.port).toBe(5010);
    expect(config.gateway.port).toBe(0);
    expect(config.exchange.subgraph.port).toBe(0);
  });

  it('reports every bad value of every part at once, naming the variable', () => {
    let error: unknown;
    try {
      loadStackConfig({ ORDERS_PORT: 'eighty', JD_SIGN_METHOD: 'sha1', EXCHANGE_QUOTE_TTL_SECONDS: '5', SAFELIST_MODE: 'strict' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^Cannot start the JD Support Graph/);
    expect(message).toMatch(/ORDERS_PORT/);
    expect(message).toMatch(/JD_SIGN_METHOD: must be one of/);
    expect(message).toMatch(/EXCHANGE_QUOTE_TTL_SECONDS: must be at least 30/);
    expect(message).toMatch(/SAFELIST_MODE/);
  });

  it('with real JD (JD_API_URL) starts no sandbox and demands real secrets', () => {
    expect(() => loadStackConfig({ JD_API_URL: 'https://api.jd.com/routerjson' })).toThrow(
      /JD_APP_KEY: required because JD_API_URL is set[\s\S]*SUBGRAPH_SIGNING_SECRET: required because JD_API_URL is set/,
    );
  });
});
