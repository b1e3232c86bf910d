/** JD_SANDBOX_* configuration: defaults, overrides, and bad values that stop start-up with a clear message. */
import { ConfigError } from '../../../config';
import { loadSandboxConfig } from '../../../jd/sandbox';

describe('sandbox configuration', () => {
  it('defaults to 127.0.0.1:4010 with the sandbox-only credentials and no faults', () => {
    expect(loadSandboxConfig({})).toEqual({
      port: 4010,
      host: '127.0.0.1',
      seed: 'jd-sandbox',
      scale: { customers: 50, ordersPerCustomer: 6, skus: 600 },
      credentials: { appKey: 'sandbox-app-key', appSecret: 'sandbox-app-secret', accessToken: 'sandbox-access-token' },
      faults: {},
    });
  });

  it('reads every knob', () => {
    const config = loadSandboxConfig({
      JD_SANDBOX_PORT: '0',
      JD_SANDBOX_HOST: '0.0.0.0',
      JD_SANDBOX_SEED: '7',
      JD_SANDBOX_CUSTOMERS: '10',
      JD_SANDBOX_ORDERS_PER_CUSTOMER: '3',
      JD_SANDBOX_SKUS: '150',
      JD_SANDBOX_APP_KEY: 'k',
      JD_SANDBOX_APP_SECRET: 's',
      JD_SANDBOX_ACCESS_TOKEN: 't',
      JD_SANDBOX_FAULTS: '{"*":{"latencyMs":20},"jingdong.ware.price.get":{"errorRate":0.1,"errorCode":"66"}}',
    });
    expect(config).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      seed: '7',
      scale: { customers: 10, ordersPerCustomer: 3, skus: 150 },
      credentials: { appKey: 'k', appSecret: 's', accessToken: 't' },
      faults: { '*': { latencyMs: 20 }, 'jingdong.ware.price.get': { errorRate: 0.1, errorCode: '66' } },
    });
  });

  it.each([
    [{ JD_SANDBOX_PORT: 'abc' }, /JD_SANDBOX_PORT: must be a whole number \(0 to 65535\), e\.g\. 4010, got "abc"/],
    [{ JD_SANDBOX_PORT: '70000' }, /JD_SANDBOX_PORT/],
    [
      { JD_SANDBOX_SKUS: '50' },
      /JD_SANDBOX_SKUS: must be at least 120 \(fewer cannot give two shops 30 bestsellers each and the platform 60\), got "50"/,
    ],
    [{ JD_SANDBOX_CUSTOMERS: '-1' }, /JD_SANDBOX_CUSTOMERS/],
    [{ JD_SANDBOX_FAULTS: '{not json' }, /JD_SANDBOX_FAULTS: must be JSON/],
    [{ JD_SANDBOX_FAULTS: '{"*":{"errorRate":3}}' }, /JD_SANDBOX_FAULTS\[\*\.errorRate\]: /],
  ])('refuses %j', (env, message) => {
    expect(() => loadSandboxConfig(env)).toThrow(ConfigError);
    expect(() => loadSandboxConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() => loadSandboxConfig({ JD_SANDBOX_PORT: 'x', JD_SANDBOX_SKUS: 'y' })).toThrow(/JD_SANDBOX_PORT[\s\S]*JD_SANDBOX_SKUS/);
  });
});
