import { DEFAULT_PLUS_RETURN_DAYS, loadAfterSalesConfig } from '../../../subgraphs/after-sales/config';

describe('after-sales config', () => {
  it('defaults to port 4002, the 30-day window and the default JD Plus window', () => {
    const c = loadAfterSalesConfig({});
    expect(c.subgraph.port).toBe(4002);
    expect(c.policy).toEqual({ standardDays: 30, plusDays: DEFAULT_PLUS_RETURN_DAYS });
    expect(c.redisUrl).toBeUndefined();
  });
  it('reads AFTER_SALES_PORT and AFTER_SALES_PLUS_RETURN_DAYS', () => {
    const c = loadAfterSalesConfig({ AFTER_SALES_PORT: '5002', AFTER_SALES_PLUS_RETURN_DAYS: '60' });
    expect(c.subgraph.port).toBe(5002);
    expect(c.policy.plusDays).toBe(60);
  });
  it.each([
    ['abc', /whole number of days/],
    ['29', /at least 30/],
    ['400', /at most 365/],
    ['-5', /at least 30/],
  ])('stops start-up on AFTER_SALES_PLUS_RETURN_DAYS=%s with a message saying what to fix', (value, message) => {
    expect(() => loadAfterSalesConfig({ AFTER_SALES_PLUS_RETURN_DAYS: value })).toThrow(message);
  });
  it('refuses a bad port or Redis URL', () => {
    expect(() => loadAfterSalesConfig({ AFTER_SALES_PORT: 'x' })).toThrow(/AFTER_SALES_PORT/);
    expect(() => loadAfterSalesConfig({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL: must look like/);
  });
});
