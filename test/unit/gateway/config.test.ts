import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, SANDBOX_PARTNER_KEY, SANDBOX_SUBGRAPH_SIGNING_SECRET } from '../../../config';
import { loadGatewayConfig, subgraphTimeoutMs } from '../../../gateway/config';

describe('gateway config', () => {
  it('runs on sandbox defaults with no environment', () => {
    const c = loadGatewayConfig({});
    expect(c).toMatchObject({
      deployment: { data: 'sandbox', production: false },
      port: 4000,
      supergraphPath: 'schema/supergraph.graphql',
      subgraphSigningSecret: SANDBOX_SUBGRAPH_SIGNING_SECRET,
      apq: true,
      introspection: true,
    });
    expect(c.safelist).toEqual({ mode: 'off', manifestPath: 'persisted-operations/manifest.json', clientNames: [] });
    expect(c.partnerKeys).toEqual([{ key: SANDBOX_PARTNER_KEY, partnerId: 'sandbox-demo-partner', scopes: ['directory:read'] }]);
  });

  it('refuses sandbox secrets with real JD data, naming every missing setting', () => {
    const run = () => loadGatewayConfig({ JD_API_URL: 'https://api.jd.com/routerjson' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow(/SUBGRAPH_SIGNING_SECRET: required because JD_API_URL is set/);
    expect(run).toThrow(/JWT_ISSUER/);
    expect(run).toThrow(/JWT_HS256_SECRET: required because JD_API_URL is set[^\n]*JWT_JWKS_URL or JWT_JWKS_FILE/);
  });

  it('requires a 32-character signing secret in production and turns introspection off with real data', () => {
    expect(() =>
      loadGatewayConfig({
        NODE_ENV: 'production',
        SUBGRAPH_SIGNING_SECRET: 'short',
        JWT_ISSUER: 'i',
        JWT_AUDIENCE: 'a',
        JWT_JWKS_URL: 'https://id.example/jwks',
      }),
    ).toThrow(/at least 32/);
    const c = loadGatewayConfig({
      JD_API_URL: 'https://api.jd.com/routerjson',
      SUBGRAPH_SIGNING_SECRET: 's'.repeat(32),
      JWT_ISSUER: 'i',
      JWT_AUDIENCE: 'a',
      JWT_JWKS_URL: 'https://id.example/jwks',
    });
    expect(c).toMatchObject({ deployment: { data: 'jd', production: true }, introspection: false, partnerKeys: [] });
  });

  it('reads the operation limits (0 turns one off) and explains a bad one', () => {
    expect(loadGatewayConfig({}).operationLimits).toEqual({
      tokens: 2000,
      depth: 12,
      aliases: 30,
      rootFields: 20,
      directives: 30,
      batchSize: 1,
    });
    expect(loadGatewayConfig({ MAX_OPERATION_DEPTH: '0', MAX_BATCH_OPERATIONS: '5' }).operationLimits).toMatchObject({
      depth: 0,
      batchSize: 5,
    });
    expect(() => loadGatewayConfig({ MAX_OPERATION_ALIASES: 'many' })).toThrow(/MAX_OPERATION_ALIASES: must be a whole number/);
    expect(() => loadGatewayConfig({ MAX_OPERATION_TOKENS: '-1' })).toThrow(
      /MAX_OPERATION_TOKENS: must be at least 0 \(0 turns the limit off\)/,
    );
  });

  it('serves no /metrics unless METRICS_PORT or METRICS_TOKEN says where, and refuses a short token', () => {
    expect(loadGatewayConfig({}).metrics).toEqual({});
    expect(loadGatewayConfig({ METRICS_PORT: '9464', METRICS_TOKEN: 't'.repeat(16) }).metrics).toEqual({
      port: 9464,
      token: 't'.repeat(16),
    });
    expect(() => loadGatewayConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: must be at least 16 characters/);
  });

  it('keeps error details off by default, sandbox included, and refuses them in production', () => {
    expect(loadGatewayConfig({}).errorDetails).toBe(false);
    expect(loadGatewayConfig({ ERROR_DETAILS: 'true' }).errorDetails).toBe(true);
    expect(() => loadGatewayConfig({ NODE_ENV: 'production', ERROR_DETAILS: 'true' })).toThrow(
      /ERROR_DETAILS: must not be true because NODE_ENV=production/,
    );
  });

  it('reads partner keys as JSON or from a file and explains bad ones', () => {
    const json = JSON.stringify([{ key: 'k'.repeat(20), partnerId: 'p', scopes: ['directory:read'] }]);
    expect(loadGatewayConfig({ PARTNER_API_KEYS: json }).partnerKeys[0].partnerId).toBe('p');
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    try {
      writeFileSync(join(dir, 'keys.json'), json);
      expect(loadGatewayConfig({ PARTNER_API_KEYS: join(dir, 'keys.json') }).partnerKeys).toHaveLength(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(() => loadGatewayConfig({ PARTNER_API_KEYS: '[{"key":"short","partnerId":"p","scopes":["bad scope"]}]' })).toThrow(
      /PARTNER_API_KEYS\[0\.key\].*16[\s\S]*PARTNER_API_KEYS\[0\.scopes\.0\]/,
    );
  });

  it('names the variable and the problem for bad values', () => {
    expect(() => loadGatewayConfig({ GATEWAY_PORT: 'eighty' })).toThrow(/GATEWAY_PORT/);
    expect(() => loadGatewayConfig({ SAFELIST_MODE: 'strict' })).toThrow(/SAFELIST_MODE/);
    expect(() => loadGatewayConfig({ SUBGRAPH_URL_ORDERS: 'not a url' })).toThrow(/SUBGRAPH_URL_ORDERS/);
  });

  it('parses client names, CORS origins and subgraph url overrides', () => {
    const c = loadGatewayConfig({
      SAFELIST_MODE: 'enforce',
      SAFELIST_CLIENT_NAMES: 'ios, android',
      CORS_ORIGINS: 'https://a.example',
      SUBGRAPH_URL_AFTER_SALES: 'http://10.0.0.2:4002/graphql',
    });
    expect(c.safelist.clientNames).toEqual(['ios', 'android']);
    expect(c.corsOrigins).toEqual(['https://a.example']);
    expect(c.subgraphUrlOverrides).toEqual({ AFTER_SALES: 'http://10.0.0.2:4002/graphql' });
  });

  it('reads the request deadline and the subgraph fetch timeouts, one subgraph overriding the rest', () => {
    const defaults = loadGatewayConfig({}).timeouts;
    expect(defaults).toEqual({
      requestMs: 15_000,
      subgraphMs: 10_000,
      subgraphOverridesMs: {},
      breaker: { threshold: 5, halfOpenAfterMs: 5000 },
    });
    expect(loadGatewayConfig({ SUBGRAPH_BREAKER_THRESHOLD: '3', SUBGRAPH_BREAKER_HALF_OPEN_AFTER_MS: '2000' }).timeouts.breaker).toEqual({
      threshold: 3,
      halfOpenAfterMs: 2000,
    });
    expect(() => loadGatewayConfig({ SUBGRAPH_BREAKER_THRESHOLD: '0' })).toThrow(/SUBGRAPH_BREAKER_THRESHOLD/);
    const c = loadGatewayConfig({ REQUEST_TIMEOUT_MS: '8000', SUBGRAPH_TIMEOUT_MS: '4000', SUBGRAPH_TIMEOUT_MS_AFTER_SALES: '1500' });
    expect(subgraphTimeoutMs(c.timeouts, 'after-sales')).toBe(1500);
    expect(subgraphTimeoutMs(c.timeouts, 'orders')).toBe(4000);
    expect(c.timeouts.requestMs).toBe(8000);
    expect(() => loadGatewayConfig({ REQUEST_TIMEOUT_MS: '0', SUBGRAPH_TIMEOUT_MS_EXCHANGE: 'soon' })).toThrow(
      /SUBGRAPH_TIMEOUT_MS_EXCHANGE[\s\S]*REQUEST_TIMEOUT_MS/,
    );
  });
});
