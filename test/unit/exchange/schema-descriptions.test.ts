import { buildSchema } from '../../../subgraphs/exchange/schema';
import { missingDescriptions } from '../../support/schema-descriptions';

// Types the exchange subgraph owns or extends; kit and federation types are documented by their owners.
const OWN = [
  'ExchangeQuote',
  'ExchangeOption',
  'ExchangeOptionGroup',
  'ExchangeSource',
  'ExchangeDirection',
  'ExchangeSettlement',
  'RequestExchangeInput',
  'RequestExchangePayload',
  'Product',
  'Order',
  'AfterSalesService',
];

describe('exchange schema documentation and federation shape', () => {
  const { schema, sdl } = buildSchema();

  it('describes every owned type, field, argument and enum value', () => {
    expect(missingDescriptions(schema, OWN, ['Query.exchangeQuote', 'Mutation.requestExchange'])).toEqual([]);
  });

  it('extends Order and Product by their keys and references AfterSalesService without resolving it', () => {
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)/);
    expect(sdl).toMatch(/type Product\s+@key\(fields: "skuId"\)/);
    expect(sdl).toMatch(/type AfterSalesService\s+@key\(fields: "id", resolvable: false\)/);
  });

  it('hints Product.price/inStock as public and short-lived, and quotes as private', () => {
    expect(sdl).toMatch(/price: Money @cacheControl\(maxAge: 30, scope: PUBLIC\)/);
    expect(sdl).toMatch(/inStock: Boolean @cacheControl\(maxAge: 30, scope: PUBLIC\)/);
    expect(sdl).toMatch(/type ExchangeQuote\s+@cacheControl\(maxAge: 0, scope: PRIVATE\)/);
  });
});
