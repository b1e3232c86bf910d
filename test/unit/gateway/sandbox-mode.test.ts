import { ConfigError } from '../../../config';
import { RATE_LIMIT_DEFAULTS, loadGatewayConfig } from '../../../gateway/config';
import { REAL_JD_GATEWAY_ENV } from '../../support/real-jd-env';

const JD = REAL_JD_GATEWAY_ENV;

describe('sandbox vs JD mode', () => {
  it('defaults to sandbox mode: introspection and explorer on, Apollo CDN page off, partners limited', () => {
    const c = loadGatewayConfig({});
    expect(c.deployment).toEqual({ data: 'sandbox', production: false });
    expect(c.introspection).toBe(true);
    expect(c.explorer).toEqual({ enabled: true });
    expect(c.apolloSandboxLandingPage).toBe(false);
    expect(c.rateLimit.perMinute).toEqual({ partner: 60, customer: 300, anonymous: 300 });
    expect(c.rateLimit.perMinute.partner).toBe(RATE_LIMIT_DEFAULTS.sandboxPartner);
    expect(c.rateLimit.namespace).toBe('default');
    expect(c.trustedProxyHops).toBe(0);
  });

  it('with real JD data turns introspection and explorer off and gives partners a contract-sized limit', () => {
    const c = loadGatewayConfig(JD);
    expect(c.deployment).toEqual({ data: 'jd', production: true });
    expect(c.introspection).toBe(false);
    expect(c.explorer).toEqual({ enabled: false });
    expect(c.apolloSandboxLandingPage).toBe(false);
    expect(c.rateLimit.perMinute).toEqual({ partner: 600, customer: 300, anonymous: 300 });
  });

  it('lets real-data deployments turn introspection and the explorer on explicitly', () => {
    const c = loadGatewayConfig({ ...JD, INTROSPECTION: 'true', EXPLORER: 'on', PARTNER_RATE_LIMIT_PER_MINUTE: '600' });
    expect(c).toMatchObject({
      deployment: { data: 'jd' },
      introspection: true,
      explorer: { enabled: true },
      rateLimit: { perMinute: { partner: 600 } },
    });
  });

  it('lets sandbox deployments turn them off, and the partner limit off with 0', () => {
    const c = loadGatewayConfig({
      INTROSPECTION: 'false',
      EXPLORER: '0',
      PARTNER_RATE_LIMIT_PER_MINUTE: '0',
      CUSTOMER_RATE_LIMIT_PER_MINUTE: '0',
      ANONYMOUS_RATE_LIMIT_PER_MINUTE: '0',
    });
    expect(c).toMatchObject({
      deployment: { data: 'sandbox' },
      introspection: false,
      explorer: { enabled: false },
      rateLimit: { perMinute: { partner: 0, customer: 0, anonymous: 0 } },
    });
  });

  it('turns Apollo Sandbox on only when asked, and only together with introspection', () => {
    expect(loadGatewayConfig({ APOLLO_SANDBOX_LANDING_PAGE: 'true' }).apolloSandboxLandingPage).toBe(true);
    expect(loadGatewayConfig({ ...JD, APOLLO_SANDBOX_LANDING_PAGE: 'true', INTROSPECTION: 'true' }).apolloSandboxLandingPage).toBe(true);
    expect(() => loadGatewayConfig({ ...JD, APOLLO_SANDBOX_LANDING_PAGE: 'true' })).toThrow(
      /APOLLO_SANDBOX_LANDING_PAGE: is true but needs introspection: set INTROSPECTION=true/,
    );
  });

  it.each([
    ['PARTNER_RATE_LIMIT_PER_MINUTE', '-1', /PARTNER_RATE_LIMIT_PER_MINUTE: must be at least 0 \(0 means no limit\)/],
    ['PARTNER_RATE_LIMIT_PER_MINUTE', '2.5', /PARTNER_RATE_LIMIT_PER_MINUTE: must be a whole number/],
    ['PARTNER_RATE_LIMIT_PER_MINUTE', 'lots', /PARTNER_RATE_LIMIT_PER_MINUTE/],
    ['CUSTOMER_RATE_LIMIT_PER_MINUTE', '-5', /CUSTOMER_RATE_LIMIT_PER_MINUTE: must be at least 0 \(0 means no limit\)/],
    ['ANONYMOUS_RATE_LIMIT_PER_MINUTE', 'many', /ANONYMOUS_RATE_LIMIT_PER_MINUTE: must be a whole number/],
    ['TRUSTED_PROXY_HOPS', '-1', /TRUSTED_PROXY_HOPS: must be at least 0/],
    ['TRUSTED_PROXY_HOPS', '11', /TRUSTED_PROXY_HOPS: must be at most 10 \(count only the proxies you run/],
    ['RATE_LIMIT_NAMESPACE', 'a:b', /RATE_LIMIT_NAMESPACE: must be 1 to 64 letters/],
    ['EXPLORER', 'yes-please', /EXPLORER/],
    ['APOLLO_SANDBOX_LANDING_PAGE', 'maybe', /APOLLO_SANDBOX_LANDING_PAGE/],
  ])('stops start-up on %s=%s, naming the variable', (name, value, message) => {
    let error: unknown;
    try {
      loadGatewayConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
  });
});
