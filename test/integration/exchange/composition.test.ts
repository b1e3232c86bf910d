import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { buildSchema as buildGraphqlSchema, parse } from 'graphql';

const schemaDir = resolve(__dirname, '../../../schema');
// Orders and exchange must exist; after-sales and offices are composed in when their SDL is committed.
const names = ['orders', 'exchange', 'after-sales', 'offices'].filter(
  (n) => n === 'orders' || n === 'exchange' || existsSync(join(schemaDir, `${n}.graphql`)),
);

describe('schema/exchange.graphql composes with the other subgraphs', () => {
  const result = composeServices(
    names.map((name) => ({
      name,
      url: `http://127.0.0.1/${name}`,
      typeDefs: parse(readFileSync(join(schemaDir, `${name}.graphql`), 'utf8')),
    })),
  );

  it('without errors', () => {
    expect(result.errors?.map((e) => e.message) ?? []).toEqual([]);
  });

  it('puts the exchange fields on the shared entities and the exchange operations on the roots', () => {
    const api = buildGraphqlSchema(result.supergraphSdl ?? '', { assumeValidSDL: true });
    const fields = (type: string) => Object.keys((api.getType(type) as unknown as { getFields(): Record<string, unknown> }).getFields());
    expect(fields('Product')).toEqual(expect.arrayContaining(['skuId', 'name', 'price', 'inStock']));
    expect(fields('Order')).toEqual(expect.arrayContaining(['id', 'items', 'exchangeQuote']));
    expect(fields('Query')).toContain('exchangeQuote');
    expect(fields('Mutation')).toContain('requestExchange');
    if (names.includes('after-sales'))
      expect(fields('AfterSalesService')).toEqual(expect.arrayContaining(['id', 'status', 'exchangeSkuId']));
  });
});
