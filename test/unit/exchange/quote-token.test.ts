import { QuoteTokens, type QuoteClaims } from '../../../subgraphs/exchange/quote/quote-token';

const tokens = new QuoteTokens('unit-test-quote-secret');
const claims: QuoteClaims = {
  orderId: '1001',
  skuId: '100',
  customer: tokens.customerTag('alice'),
  paidUnitFen: 19102,
  prices: { 200: 15900, 300: 19102 },
  quotedAt: 1_748_750_400_000,
  expiresAt: 1_748_751_300_000,
};

describe('QuoteTokens', () => {
  it('round-trips the claims', () => {
    expect(tokens.verify(tokens.sign(claims))).toEqual(claims);
  });

  it('rejects a token whose claims were edited (e.g. a cheaper price)', () => {
    const [prefix, , sig] = tokens.sign(claims).split('.');
    const forged = Buffer.from(
      JSON.stringify(['1001', '100', claims.customer, 19102, { 200: 1 }, claims.quotedAt, claims.expiresAt]),
    ).toString('base64url');
    expect(tokens.verify(`${prefix}.${forged}.${sig}`)).toBeNull();
  });

  it('rejects tokens of another secret and garbage', () => {
    expect(new QuoteTokens('another-secret').verify(tokens.sign(claims))).toBeNull();
    expect(tokens.verify('xq1.abc')).toBeNull();
    expect(tokens.verify('not a token')).toBeNull();
    expect(tokens.verify('')).toBeNull();
  });

  it('tags customers without revealing the pin, stably and distinctly', () => {
    expect(tokens.customerTag('alice')).toBe(tokens.customerTag('alice'));
    expect(tokens.customerTag('alice')).not.toBe(tokens.customerTag('bob'));
    expect(tokens.sign(claims)).not.toContain('alice');
    expect(Buffer.from(tokens.sign(claims).split('.')[1], 'base64url').toString()).not.toContain('alice');
  });
});
