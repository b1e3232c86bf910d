import { SANDBOX_SUBGRAPH_SIGNING_SECRET } from '../../../config';
import { loadSubgraphEnv } from '../../../subgraphs/kit';

const STRONG = 'x'.repeat(32);

describe('loadSubgraphEnv', () => {
  it('runs on sandbox defaults with no environment', () => {
    expect(loadSubgraphEnv({}, { port: 4001 })).toEqual({
      port: 4001,
      host: '127.0.0.1',
      signingSecret: SANDBOX_SUBGRAPH_SIGNING_SECRET,
      signatureMaxAgeMs: 30_000,
      signatureClockSkewMs: 2_000,
      production: false,
      shutdown: { readinessDelayMs: 0, drainMs: 15_000 },
    });
  });

  it('reads the shutdown settings and reports bad ones by name', () => {
    expect(loadSubgraphEnv({ SHUTDOWN_READINESS_DELAY_MS: '5000', SHUTDOWN_DRAIN_MS: '20000' }, { port: 4001 }).shutdown).toEqual({
      readinessDelayMs: 5000,
      drainMs: 20_000,
    });
    expect(() => loadSubgraphEnv({ SHUTDOWN_DRAIN_MS: 'soon', SHUTDOWN_READINESS_DELAY_MS: '-1' }, { port: 4001 })).toThrow(
      /SHUTDOWN_READINESS_DELAY_MS: must be at least 0[\s\S]*SHUTDOWN_DRAIN_MS: must be a whole number of milliseconds/,
    );
  });

  it('reads <NAME>_PORT for a named subgraph, PORT otherwise', () => {
    expect(loadSubgraphEnv({ AFTER_SALES_PORT: '5002', PORT: '9' }, { port: 4002, name: 'after-sales' }).port).toBe(5002);
    expect(loadSubgraphEnv({ PORT: '9' }, { port: 4002 }).port).toBe(9);
  });

  it('reads host, secret and replay window', () => {
    const env = loadSubgraphEnv(
      {
        HOST: '0.0.0.0',
        SUBGRAPH_SIGNING_SECRET: 'local',
        SUBGRAPH_SIGNATURE_MAX_AGE_MS: '60000',
        SUBGRAPH_SIGNATURE_CLOCK_SKEW_MS: '500',
      },
      { port: 1 },
    );
    expect(env).toMatchObject({ host: '0.0.0.0', signingSecret: 'local', signatureMaxAgeMs: 60_000, signatureClockSkewMs: 500 });
  });

  it('requires a strong secret outside the sandbox', () => {
    expect(() => loadSubgraphEnv({ JD_API_URL: 'https://api.jd.com/routerjson' }, { port: 4001, name: 'orders' })).toThrow(
      /subgraph orders[\s\S]*SUBGRAPH_SIGNING_SECRET: required because JD_API_URL is set \(real JD data\)/,
    );
    expect(() => loadSubgraphEnv({ NODE_ENV: 'production', SUBGRAPH_SIGNING_SECRET: 'short' }, { port: 1 })).toThrow(/at least 32/);
    expect(() =>
      loadSubgraphEnv({ NODE_ENV: 'production', SUBGRAPH_SIGNING_SECRET: SANDBOX_SUBGRAPH_SIGNING_SECRET.padEnd(40, '-') }, { port: 1 }),
    ).not.toThrow();
    expect(loadSubgraphEnv({ JD_API_URL: 'https://api.jd.com/routerjson', SUBGRAPH_SIGNING_SECRET: STRONG }, { port: 1 })).toMatchObject({
      production: true,
      signingSecret: STRONG,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT: must be a whole number/],
    [{ PORT: '70000' }, /PORT/],
    [{ SUBGRAPH_SIGNATURE_MAX_AGE_MS: '5' }, /SUBGRAPH_SIGNATURE_MAX_AGE_MS/],
    // A past window over a minute would keep a captured signature usable too long.
    [{ SUBGRAPH_SIGNATURE_MAX_AGE_MS: '60001' }, /SUBGRAPH_SIGNATURE_MAX_AGE_MS: must be at most 60000 \(a captured signature/],
    [{ SUBGRAPH_SIGNATURE_CLOCK_SKEW_MS: '300000' }, /SUBGRAPH_SIGNATURE_CLOCK_SKEW_MS: must be at most 10000/],
  ])('stops on a bad value %j with a message naming it', (env, message) => {
    expect(() => loadSubgraphEnv(env, { port: 1 })).toThrow(message);
  });
});
