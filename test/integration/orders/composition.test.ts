/** schema/orders.graphql is a valid Federation 2 subgraph and composes with the after-sales subgraph. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';

const sdl = (name: string) => readFileSync(join(__dirname, '../../../schema', `${name}.graphql`), 'utf8');
const service = (name: string) => ({ name, url: `http://127.0.0.1/${name}`, typeDefs: parse(sdl(name)) });

describe('orders SDL composition', () => {
  it('composes on its own', () => {
    const result = composeServices([service('orders')]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
  });

  it('composes with after-sales, which extends Order', () => {
    const result = composeServices([service('orders'), service('after-sales')]);
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    expect(result.supergraphSdl).toMatch(/type Order[\s\S]*afterSalesServices/);
  });
});
