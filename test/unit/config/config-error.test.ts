import { ConfigError, type ConfigProblem } from '../../../config';
import { loadJdConfig } from '../../../jd/client';
import { loadSandboxConfig } from '../../../jd/sandbox';
import { loadGatewayConfig } from '../../../gateway/config';
import { loadOrdersConfig } from '../../../subgraphs/orders/config';
import { loadAfterSalesConfig } from '../../../subgraphs/after-sales/config';
import { loadExchangeConfig } from '../../../subgraphs/exchange/config';
import { loadOfficesConfig } from '../../../subgraphs/offices/config';
import { loadSubgraphEnv } from '../../../subgraphs/kit';
import { loadStackConfig } from '../../../stack';

const problem = (part: string, variable: string, message: string): ConfigProblem => ({ part, variable, message });

/** The ConfigError `load` throws (fails the test if it returns or throws something else). */
function configError(load: () => unknown): ConfigError {
  try {
    load();
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return err as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('ConfigError', () => {
  it('lists every problem of one part under "Invalid configuration for <part>"', () => {
    const error = new ConfigError([
      problem('subgraph orders', 'ORDERS_PORT', 'must be a whole number'),
      problem('subgraph orders', 'REDIS_URL', 'must look like redis://'),
    ]);
    expect(error.name).toBe('ConfigError');
    expect(error.message).toBe(
      'Invalid configuration for subgraph orders:\n  - ORDERS_PORT: must be a whole number\n  - REDIS_URL: must look like redis://',
    );
  });

  it('lists the problems of several parts once each, naming every part that read the variable', () => {
    const error = new ConfigError(
      [
        problem('gateway', 'SUBGRAPH_SIGNING_SECRET', 'required'),
        problem('subgraph orders', 'ORDERS_PORT', 'must be a whole number'),
        problem('subgraph orders', 'SUBGRAPH_SIGNING_SECRET', 'required'),
        problem('subgraph orders', 'SUBGRAPH_SIGNING_SECRET', 'required'),
      ],
      'Cannot start',
    );
    expect(error.problems).toHaveLength(3); // the exact repeat is dropped
    expect(error.message).toBe(
      'Cannot start:\n  - SUBGRAPH_SIGNING_SECRET: required (gateway, subgraph orders)\n  - ORDERS_PORT: must be a whole number (subgraph orders)',
    );
  });
});

// Every loader reads everything before it throws, so one run shows every bad value.
describe.each([
  ['gateway', () => loadGatewayConfig({ GATEWAY_PORT: 'eighty', SAFELIST_MODE: 'strict' }), ['GATEWAY_PORT', 'SAFELIST_MODE']],
  ['JD client', () => loadJdConfig({ JD_TIMEOUT_MS: 'soon', JD_SIGN_METHOD: 'sha1' }), ['JD_TIMEOUT_MS', 'JD_SIGN_METHOD']],
  ['JD sandbox', () => loadSandboxConfig({ JD_SANDBOX_PORT: 'x', JD_SANDBOX_FAULTS: '{' }), ['JD_SANDBOX_PORT', 'JD_SANDBOX_FAULTS']],
  [
    'subgraph',
    () => loadSubgraphEnv({ PORT: 'x', SUBGRAPH_SIGNATURE_MAX_AGE_MS: '5' }, { port: 1 }),
    ['PORT', 'SUBGRAPH_SIGNATURE_MAX_AGE_MS'],
  ],
  [
    'subgraph orders',
    () => loadOrdersConfig({ ORDERS_PORT: 'x', REDIS_URL: 'localhost', JD_RETRY_MAX: '11' }),
    ['ORDERS_PORT', 'REDIS_URL', 'JD_RETRY_MAX'],
  ],
  [
    'subgraph after-sales',
    () => loadAfterSalesConfig({ AFTER_SALES_PORT: 'x', AFTER_SALES_PLUS_RETURN_DAYS: '5' }),
    ['AFTER_SALES_PORT', 'AFTER_SALES_PLUS_RETURN_DAYS'],
  ],
  [
    'subgraph exchange',
    () => loadExchangeConfig({ EXCHANGE_PORT: 'x', EXCHANGE_QUOTE_TTL_SECONDS: '5', NODE_ENV: 'production' }),
    ['EXCHANGE_PORT', 'EXCHANGE_QUOTE_TTL_SECONDS', 'SUBGRAPH_SIGNING_SECRET', 'EXCHANGE_QUOTE_SECRET'],
  ],
  [
    'subgraph offices',
    () => loadOfficesConfig({ OFFICES_PORT: 'x', HOST: '', SUBGRAPH_SIGNATURE_MAX_AGE_MS: 'soon' }),
    ['OFFICES_PORT', 'SUBGRAPH_SIGNATURE_MAX_AGE_MS'],
  ],
])('the %s loader', (part, load, variables) => {
  it(`names every bad value at once: ${variables.join(', ')}`, () => {
    const error = configError(load);
    expect(error.problems.map((p) => p.variable).sort()).toEqual([...variables].sort());
    expect(new Set(error.problems.map((p) => p.part))).toEqual(new Set([part]));
    expect(error.message.startsWith(`Invalid configuration for ${part}:\n`)).toBe(true);
    for (const variable of variables) expect(error.message).toContain(`  - ${variable}: `);
  });
});

describe('the whole stack', () => {
  it('merges the problems of every part into one ConfigError, each variable once with the parts that read it', () => {
    const error = configError(() =>
      loadStackConfig({ JD_API_URL: 'https://api.jd.com/routerjson', ORDERS_PORT: 'x', JD_SANDBOX_PORT: 'y', SAFELIST_MODE: 'strict' }),
    );
    const message = error.message;
    expect(message).toMatch(/^Cannot start the JD Support Graph; fix the environment and try again:\n/);
    expect(new Set(error.problems.map((p) => p.part))).toEqual(
      new Set(['JD client', 'subgraph orders', 'subgraph after-sales', 'subgraph exchange', 'subgraph offices', 'gateway']),
    );
    // Each line once, however many parts read it.
    const lines = message.split('\n').slice(1);
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.filter((l) => l.includes('SUBGRAPH_SIGNING_SECRET:'))).toEqual([
      expect.stringMatching(/\(subgraph orders, subgraph after-sales, subgraph exchange, subgraph offices, gateway\)$/),
    ]);
    expect(lines.filter((l) => l.startsWith('  - JD_APP_KEY: required'))).toEqual([
      expect.stringMatching(/\(JD client, subgraph orders, subgraph after-sales, subgraph exchange\)$/),
    ]);
    expect(message).toMatch(/ORDERS_PORT: must be a whole number \(0 to 65535\), e\.g\. 4001, got "x" \(subgraph orders\)/);
    expect(lines.filter((l) => l.includes('JD_SANDBOX_PORT:'))).toEqual([
      expect.stringMatching(
        /must be a whole number \(0 to 65535\), e\.g\. 4010, got "y" \(JD client, subgraph orders, subgraph after-sales, subgraph exchange\)$/,
      ),
    ]);
    expect(message).toMatch(/SAFELIST_MODE: must be one of off, log-unknown, enforce, got "strict" \(gateway\)/);
    expect(message).toMatch(/EXCHANGE_QUOTE_SECRET: required because JD_API_URL is set/);
  });

  it('on sandbox data reads the sandbox too: a variable the JD client and the sandbox share is one line naming both', () => {
    const error = configError(() => loadStackConfig({ JD_SANDBOX_PORT: 'y' }));
    expect(error.message).toBe(
      'Cannot start the JD Support Graph; fix the environment and try again:\n' +
        '  - JD_SANDBOX_PORT: must be a whole number (0 to 65535), e.g. 4010, got "y" (JD client, JD sandbox, subgraph orders, subgraph after-sales, subgraph exchange)',
    );
  });
});
