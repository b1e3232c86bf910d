import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { operationFromDocument, Supergraph } from '@apollo/federation-internals';
import { prettyFormatQueryPlan, QueryPlanner } from '@apollo/query-planner';
import { parse } from 'graphql';
import { buildSchema } from '../../../subgraphs/offices/schema';

// The part of the orders subgraph that offices depends on: Order @key(id) owning shipTo.
const ORDERS_LIKE_SDL = `
extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
type Query { order(id: ID!): Order }
type Order @key(fields: "id") { id: ID! shipTo: ShippingAddress! }
type ShippingAddress { recipientName: String! phone: String! countryCode: String! region: String! }
`;

function compose(officesSdl: string) {
  return composeServices([
    { name: 'orders', url: 'http://orders.invalid/graphql', typeDefs: parse(ORDERS_LIKE_SDL) },
    { name: 'offices', url: 'http://offices.invalid/graphql', typeDefs: parse(officesSdl) },
  ]);
}

describe('offices composes with an orders-like subgraph', () => {
  const result = compose(buildSchema().sdl);

  it('composes without errors (built SDL and the committed schema/offices.graphql)', () => {
    expect(result.errors).toBeUndefined();
    const committed = compose(readFileSync(join(__dirname, '../../../schema/offices.graphql'), 'utf8'));
    expect(committed.errors).toBeUndefined();
  });

  it('plans order { supportContacts } as: fetch shipTo.countryCode from orders, then _entities on offices', () => {
    const supergraph = Supergraph.build(result.supergraphSdl!);
    const operation = operationFromDocument(supergraph.schema, parse('{ order(id: "1") { supportContacts { office { id } } } }'));
    const plan = prettyFormatQueryPlan(new QueryPlanner(supergraph).buildQueryPlan(operation));
    const ordersFetch = plan.indexOf('Fetch(service: "orders")');
    const officesFetch = plan.indexOf('Fetch(service: "offices")');
    expect(plan).toMatch(/Sequence/);
    expect(ordersFetch).toBeGreaterThanOrEqual(0);
    expect(officesFetch).toBeGreaterThan(ordersFetch);
    // The orders fetch selects the required field; the offices fetch receives it in the representation.
    expect(plan.slice(ordersFetch, officesFetch)).toMatch(/shipTo\s*{\s*countryCode\s*}/);
    expect(plan.slice(officesFetch)).toMatch(/\.\.\. on Order {\s*__typename\s*id\s*shipTo\s*{\s*countryCode\s*}/);
  });

  it('fails composition if offices forgets to mark countryCode @external (so the test can fail)', () => {
    const broken = buildSchema().sdl.replace(/countryCode: String! @external/, 'countryCode: String!');
    expect(compose(broken).errors?.length).toBeGreaterThan(0);
  });
});
