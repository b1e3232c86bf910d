import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { buildSchema } from '../../../subgraphs/after-sales/schema';
import { schemaFileContent } from '../../../scripts/lib/schema-files';

const schemaDir = resolve(__dirname, '../../../schema');
const sdl = (name: string) => readFileSync(resolve(schemaDir, `${name}.graphql`), 'utf8');

describe('after-sales SDL', () => {
  it('is what the code generates (run `npm run schema` and commit when this fails)', () => {
    expect(sdl('after-sales')).toBe(schemaFileContent(buildSchema().sdl));
  });

  it('composes with the orders subgraph with no errors, Order keyed by id in both', () => {
    const result = composeServices([
      { name: 'orders', url: 'http://orders.local/graphql', typeDefs: parse(sdl('orders')) },
      { name: 'after-sales', url: 'http://after-sales.local/graphql', typeDefs: parse(sdl('after-sales')) },
    ]);
    expect(result.errors ?? []).toEqual([]);
    const supergraph = result.schema!.toAPISchema().toGraphQLJSSchema();
    const order = supergraph.getType('Order') as import('graphql').GraphQLObjectType;
    expect(Object.keys(order.getFields())).toEqual(expect.arrayContaining(['id', 'afterSalesServices', 'afterSalesEligibility']));
    expect(supergraph.getMutationType()?.getFields()).toHaveProperty('applyForAfterSales');
  });
});
