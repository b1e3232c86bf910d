import { isEnumType, isInputObjectType, isObjectType } from 'graphql';
import { buildSchema } from '../../../subgraphs/exchange/schema';

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
    const missing: string[] = [];
    const need = (where: string, text: string | null | undefined) => {
      if (!text || text.trim().length < 10) missing.push(where);
    };
    for (const name of OWN) {
      const type = schema.getType(name);
      if (!type) {
        missing.push(`${name} (absent)`);
        continue;
      }
      need(name, type.description);
      if (isObjectType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          need(`${name}.${field.name}`, field.description);
          for (const arg of 'args' in field ? field.args : []) need(`${name}.${field.name}(${arg.name})`, arg.description);
        }
      }
      if (isEnumType(type)) for (const value of type.getValues()) need(`${name}.${value.name}`, value.description);
    }
    for (const [root, field] of [
      [schema.getQueryType(), 'exchangeQuote'],
      [schema.getMutationType(), 'requestExchange'],
    ] as const) {
      const f = root!.getFields()[field];
      need(`${root!.name}.${field}`, f.description);
      for (const arg of f.args) need(`${root!.name}.${field}(${arg.name})`, arg.description);
    }
    expect(missing).toEqual([]);
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
