import { jwtVerify } from 'jose';
import { SANDBOX_JWT_HS256_SECRET, SANDBOX_PARTNER_KEY } from '../../../config';
import { loadGatewayConfig } from '../../../gateway/config';
import { explorerOptionsFor, sandboxDemoCredentials } from '../../../gateway/explorer';

const JD_ENV = {
  JD_API_URL: 'https://api.jd.com/routerjson',
  SUBGRAPH_SIGNING_SECRET: 's'.repeat(32),
  JWT_ISSUER: 'i',
  JWT_AUDIENCE: 'a',
  JWT_HS256_SECRET: 'h'.repeat(32),
};

describe('explorer options for the gateway', () => {
  it('on sandbox data pre-fills the sandbox partner key and a customer token the gateway accepts', async () => {
    const config = loadGatewayConfig({});
    const options = await explorerOptionsFor(config);
    expect(options.graphqlPath).toBe('/graphql');
    expect(options.demoCredentials?.partnerApiKey).toBe(SANDBOX_PARTNER_KEY);
    const { payload } = await jwtVerify(options.demoCredentials!.customerToken!, new TextEncoder().encode(SANDBOX_JWT_HS256_SECRET), {
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    });
    expect(payload.sub).toBe('jd_demo_alice');
    expect(options.sandboxLabel).toMatch(/simulated/);
    expect(options.examples.length).toBeGreaterThan(0);
  });

  it('with real JD credentials pre-fills nothing and shows no sandbox banner', async () => {
    const options = await explorerOptionsFor(loadGatewayConfig(JD_ENV));
    expect(options.demoCredentials).toBeUndefined();
    expect(options.sandboxLabel).toBeUndefined();
  });

  it('never exposes a partner key someone configured: only the public sandbox key', async () => {
    const config = loadGatewayConfig({
      PARTNER_API_KEYS: JSON.stringify([{ key: 'acme-secret-key-0001', partnerId: 'acme', scopes: ['directory:read'] }]),
    });
    const demo = await sandboxDemoCredentials(config);
    expect(demo?.partnerApiKey).toBeUndefined();
    expect(demo?.customerToken).toBeDefined();
  });
});
