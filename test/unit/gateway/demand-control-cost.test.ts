/**
 * The expected-cost table of demand control (issue 10 §2): operations on the real supergraph, each with
 * the cost the IBM Cost Directive rules give (as Apollo Router applies them), worked out by hand from the
 * @cost/@listSize annotations in schema/supergraph.graphql. A change of annotations shows up here.
 */
import { composeServices } from '@apollo/composition';
import { parse } from 'graphql';
import { CostEstimateError } from '../../../gateway/demand-control/estimate-cost';
import { readCostDirectives } from '../../../gateway/demand-control/cost-directives';
import { operationPricer } from '../../support/price-operation';

describe('estimated cost on schema/supergraph.graphql', () => {
  const price = operationPricer();

  // [what, operation, variables, expected cost, why]
  const table: [string, string, Record<string, unknown>, number, string][] = [
    ['typename only', '{ __typename }', {}, 0, 'free'],
    ['one office', '{ supportOffice(id: "london") { id name } }', {}, 1, 'an object is 1, scalars 0'],
    ['the office list', '{ supportOffices { id } }', {}, 32, '@listSize(assumedSize: 32) × 1'],
    [
      'offices with their hours',
      '{ supportOffices { id weeklyHours { day opens } } }',
      {},
      32 * (1 + 14),
      '32 × (1 + weeklyHours @listSize(assumedSize: 14) × 1)',
    ],
    ['one order', '{ order(id: "1") { id status } }', {}, 5, '@cost(weight: 5): one JD call'],
    ['two aliased orders', '{ a: order(id: "1") { id } b: order(id: "2") { id } }', {}, 10, 'aliases are priced each'],
    ['orders, default page', '{ orders { edges { node { id } } } }', {}, 5 + 10 * 2, 'weight 5 + first (default 10) × (edge 1 + node 1)'],
    ['orders, first: 50', '{ orders(first: 50) { edges { node { id } } } }', {}, 5 + 50 * 2, 'the slicing argument sizes edges'],
    [
      'orders, first from a variable',
      'query($n: Int) { orders(first: $n) { edges { node { id } } } }',
      { n: 3 },
      5 + 3 * 2,
      'variables are read',
    ],
    ['orders, totalCount only', '{ orders(first: 100) { totalCount } }', {}, 5, 'edges not selected'],
    [
      'order lines with price and stock',
      '{ order(id: "1") { items { product { price { amount } inStock } } } }',
      {},
      5 + 10 * (1 + (1 + 1 + 1)),
      'items @listSize(10) × (item 1 + product 1 + price @cost 1 + inStock @cost 1)',
    ],
    [
      'after-sales services and schedules',
      '{ order(id: "1") { afterSalesServices { id schedule { title } } } }',
      {},
      5 + 5 * (5 + 10 * 1),
      'afterSalesServices @cost 5 @listSize(5), each with schedule @listSize(10) × 1',
    ],
    [
      'support contacts pull in their @requires',
      '{ order(id: "1") { supportContacts { match } } }',
      {},
      5 + 1 + 1,
      'supportContacts 1 + required shipTo { countryCode } 1',
    ],
    [
      'an exchange quote',
      '{ exchangeQuote(orderId: "1", skuId: "2") { options { product { price { amount } } } } }',
      {},
      20 + 99 * (1 + 1 + 1),
      'quote @cost 20 (4 JD calls) + options @listSize(99) × (option 1 + product 1 + price 1)',
    ],
    [
      'a mutation',
      'mutation { cancelAfterSales(id: "1") { userErrors { code } } }',
      {},
      10 + 10 + 10 * 1,
      'mutation 10 + @cost(weight: 10) + userErrors (default list size 10) × 1',
    ],
    [
      'a mutation with an input object',
      'mutation($i: ApplyForAfterSalesInput!) { applyForAfterSales(input: $i) { service { id } } }',
      { i: { orderId: '1', skuId: '2', quantity: 1, type: 'RETURN', expectation: 'REFUND', description: 'x', idempotencyKey: 'k' } },
      10 + (10 + 1) + 1,
      'mutation 10 + field @cost 10 + service 1 + the input object 1',
    ],
    ['a skipped field', '{ order(id: "1") @skip(if: true) { id } supportOffice(id: "x") { id } }', {}, 1, '@skip(if: true) is free'],
    [
      'a skipped field by variable',
      'query($no: Boolean!) { order(id: "1") @include(if: $no) { id } }',
      { no: false },
      0,
      '@include(if: false) is free',
    ],
    ['fragments', '{ ...F } fragment F on Query { supportOffices { ...O } } fragment O on SupportOffice { id }', {}, 32, 'spread'],
  ];

  it.each(table)('%s costs as expected', (_what, query, variables, expected) => {
    expect(price(query, variables)).toBe(expected);
  });

  it('prices the abusive requests of the issue far over any budget', () => {
    const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
    expect(price(aliases(20_000, 'supportOffices { id }'))).toBe(20_000 * 32);
    expect(price(aliases(10_000, 'hotlines { id number }'))).toBe(10_000 * 32);
    expect(price(aliases(1_000, 'order(id: "1") { id }'))).toBe(5_000);
  });
});

describe('the rules on a small annotated supergraph', () => {
  const sdl = `
    extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
    type Query {
      items(first: Int, last: Int): [Item!]! @listSize(slicingArguments: ["first", "last"], requireOneSlicingArgument: false)
      strict(first: Int, last: Int): [Item!]! @listSize(slicingArguments: ["first", "last"])
      page(size: Int = 4): Page! @listSize(slicingArguments: ["size"], sizedFields: ["rows"])
      unsized: [Item!]!
      expensive: Int @cost(weight: 7)
      search(filter: Filter): [Item!]! @listSize(assumedSize: 2)
    }
    type Page { rows: [Item!]! others: [Item!]! }
    type Item { id: ID! }
    input Filter { text: String @cost(weight: 3) tags: [String!] }
  `;
  const composed = composeServices([{ name: 'a', url: 'http://a', typeDefs: parse(sdl) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  const price = operationPricer(composed.supergraphSdl, 6);

  it.each<[string, string, number]>([
    ['the larger of two slicing arguments', '{ items(first: 3, last: 9) { id } }', 9],
    ['no slicing argument and no assumed size: the default list size', '{ items { id } }', 6],
    ['a list without @listSize: the default list size', '{ unsized { id } }', 6],
    [
      'sizedFields take the slicing argument (its default here), other lists the default',
      '{ page { rows { id } others { id } } }',
      1 + 4 + 6,
    ],
    ['a leaf with @cost', '{ expensive }', 7],
    ['input object 1 + a field with @cost 3', '{ search(filter: { text: "x", tags: ["a", "b"] }) { id } }', 2 + 1 + 3],
  ])('%s', (_what, query, expected) => {
    expect(price(query)).toBe(expected);
  });

  it('refuses to price a list whose requireOneSlicingArgument is not met', () => {
    expect(() => price('{ strict { id } }')).toThrow(CostEstimateError);
    expect(() => price('{ strict(first: 1, last: 2) { id } }')).toThrow(/exactly one of first, last/);
    expect(price('{ strict(first: 5) { id } }')).toBe(5);
  });

  it('reads the directives under the names the supergraph links them by', () => {
    const directives = readCostDirectives(composed.supergraphSdl);
    expect(directives.weights.get('Query.expensive')).toBe(7);
    expect(directives.weights.get('Filter.text')).toBe(3);
    expect(directives.listSizes.get('Query.page')).toEqual({
      assumedSize: undefined,
      slicingArguments: ['size'],
      sizedFields: ['rows'],
      requireOneSlicingArgument: true,
    });
  });
});
