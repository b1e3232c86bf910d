import { SANDBOX_QUOTE_SECRET } from '../../../config';
import { loadExchangeConfig } from '../../../subgraphs/exchange/config';

describe('loadExchangeConfig', () => {
  it('defaults: port 4003, 900 s quotes, the sandbox-only quote secret', () => {
    const config = loadExchangeConfig({});
    expect(config.subgraph.port).toBe(4003);
    expect(config.quote).toEqual({ ttlSeconds: 900, secret: SANDBOX_QUOTE_SECRET });
  });

  it('reads EXCHANGE_PORT and EXCHANGE_QUOTE_TTL_SECONDS', () => {
    const config = loadExchangeConfig({ EXCHANGE_PORT: '5003', EXCHANGE_QUOTE_TTL_SECONDS: '120' });
    expect(config.subgraph.port).toBe(5003);
    expect(config.quote.ttlSeconds).toBe(120);
  });

  it.each([
    ['abc', /whole number/],
    ['5', /at least 30/],
    ['100000', /at most 86400/],
  ])('refuses EXCHANGE_QUOTE_TTL_SECONDS=%s', (value, message) => {
    expect(() => loadExchangeConfig({ EXCHANGE_QUOTE_TTL_SECONDS: value })).toThrow(message);
  });

  it('outside the sandbox requires a real quote secret, naming the variable', () => {
    const prod = { NODE_ENV: 'production', SUBGRAPH_SIGNING_SECRET: 'x'.repeat(40) };
    expect(() => loadExchangeConfig(prod)).toThrow(/EXCHANGE_QUOTE_SECRET: required because NODE_ENV=production/);
    expect(() => loadExchangeConfig({ ...prod, EXCHANGE_QUOTE_SECRET: SANDBOX_QUOTE_SECRET })).toThrow(
      /EXCHANGE_QUOTE_SECRET: the public sandbox value is refused/,
    );
    expect(loadExchangeConfig({ ...prod, EXCHANGE_QUOTE_SECRET: 'q'.repeat(32) }).quote.secret).toBe('q'.repeat(32));
  });
});
