/**
 * The remembered cost estimate (gateway/demand-control/cost-estimate-memo.ts): a repeated operation is
 * priced once, yet every variable the estimate reads, the schema and the cost directives still decide it.
 */
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type DocumentNode, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { readCostDirectives, type CostDirectives } from '../../../gateway/demand-control/cost-directives';
import { CostEstimateError, estimateCost, type CostEstimateInput } from '../../../gateway/demand-control/estimate-cost';
import { ESTIMATES_PER_OPERATION, memoiseCostEstimates } from '../../../gateway/demand-control/cost-estimate-memo';

const sdl = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost", "@listSize"])
  type Query {
    items(first: Int, status: String): [Item!]! @listSize(slicingArguments: ["first"])
    item(id: ID!): Item @cost(weight: 5)
    search(filter: Filter): [Item!]! @listSize(assumedSize: 2)
    box: Box
  }
  type Box { items(first: Int): [Item!]! @listSize(slicingArguments: ["first"]) }
  type Item { id: ID! }
  input Filter { text: String @cost(weight: 3) tags: [String!] }
`;

function supergraph() {
  const composed = composeServices([{ name: 'a', url: 'http://a', typeDefs: parse(sdl) }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('\n'));
  return composed.supergraphSdl;
}
const SUPERGRAPH = supergraph();
const schemaOf = (): GraphQLSchema => Supergraph.build(SUPERGRAPH).apiSchema().toGraphQLJSSchema();

/** A memo over a counting estimator, and the inputs for one parsed document. */
function setup(limit?: number) {
  const calls: CostEstimateInput[] = [];
  const memo = memoiseCostEstimates((input) => {
    calls.push(input);
    return estimateCost(input);
  }, limit);
  const schema = schemaOf();
  const directives = readCostDirectives(SUPERGRAPH);
  const input = (
    document: DocumentNode,
    variables: Record<string, unknown>,
    more: { operationName?: string; schema?: GraphQLSchema; directives?: CostDirectives } = {},
  ): CostEstimateInput => ({
    schema: more.schema ?? schema,
    directives: more.directives ?? directives,
    document,
    operation: document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && (!more.operationName || d.name?.value === more.operationName),
    )!,
    variables,
    defaultListSize: 6,
  });
  /** What the estimate gives without the memo. */
  const direct = (i: CostEstimateInput) => estimateCost(i);
  return { calls, memo, input, direct };
}

describe('memoiseCostEstimates', () => {
  const itemsQuery = parse(
    'query Items($n: Int, $status: String, $id: ID!) { items(first: $n, status: $status) { id } item(id: $id) { id } }',
  );

  it('prices the same document and variables once, with the same result', () => {
    const { calls, memo, input, direct } = setup();
    const first = memo(input(itemsQuery, { n: 3, id: '1' }));
    const again = memo(input(itemsQuery, { n: 3, id: '1' }));
    expect(first).toBe(3 + 5);
    expect(again).toBe(first);
    expect(direct(input(itemsQuery, { n: 3, id: '1' }))).toBe(first);
    expect(calls).toHaveLength(1);
  });

  it('prices each value of a slicing variable, correctly, and remembers each', () => {
    const { calls, memo, input } = setup();
    expect(memo(input(itemsQuery, { n: 3, id: '1' }))).toBe(3 + 5);
    expect(memo(input(itemsQuery, { n: 50, id: '1' }))).toBe(50 + 5);
    expect(memo(input(itemsQuery, { n: 3, id: '1' }))).toBe(3 + 5);
    expect(memo(input(itemsQuery, { n: 50, id: '1' }))).toBe(50 + 5);
    expect(calls).toHaveLength(2);
  });

  it('does not split on variables whose value the estimate does not use', () => {
    const { calls, memo, input } = setup();
    // $id and $status are scalar arguments without @cost, and $status is not a slicing argument.
    for (const [id, status] of [
      ['1', 'OPEN'],
      ['2', 'CLOSED'],
      ['3', undefined],
    ]) {
      expect(memo(input(itemsQuery, { n: 4, id, status }))).toBe(4 + 5);
    }
    expect(calls).toHaveLength(1);
  });

  it('does split on the shape of an input-object variable, whose fields are priced', () => {
    const { calls, memo, input, direct } = setup();
    const search = parse('query($f: Filter) { search(filter: $f) { id } }');
    const cases: [Record<string, unknown>, number][] = [
      [{ f: { text: 'a' } }, 2 + 1 + 3],
      [{ f: { text: 'b' } }, 2 + 1 + 3],
      [{ f: { tags: ['x'] } }, 2 + 1],
      [{ f: null }, 2],
      [{ f: { text: 'a' } }, 2 + 1 + 3],
    ];
    for (const [variables, expected] of cases) {
      expect(memo(input(search, variables))).toBe(expected);
      expect(direct(input(search, variables))).toBe(expected);
    }
    expect(calls).toHaveLength(3);
  });

  it('follows the variables a @skip condition brings into play', () => {
    const { calls, memo, input } = setup();
    const query = parse('query($s: Boolean!, $n: Int) { box @skip(if: $s) { items(first: $n) { id } } }');
    expect(memo(input(query, { s: true, n: 2 }))).toBe(0);
    expect(memo(input(query, { s: true, n: 9 }))).toBe(0);
    expect(memo(input(query, { s: false, n: 2 }))).toBe(1 + 2);
    expect(memo(input(query, { s: false, n: 9 }))).toBe(1 + 9);
    expect(memo(input(query, { s: false, n: 2 }))).toBe(1 + 2);
    expect(calls).toHaveLength(3);
  });

  it('keeps the operations of one document apart', () => {
    const { calls, memo, input } = setup();
    const two = parse('query A { items(first: 2) { id } } query B { items(first: 7) { id } }');
    expect(memo(input(two, {}, { operationName: 'A' }))).toBe(2);
    expect(memo(input(two, {}, { operationName: 'B' }))).toBe(7);
    expect(memo(input(two, {}, { operationName: 'A' }))).toBe(2);
    expect(calls).toHaveLength(2);
  });

  it('prices again against a new schema or new cost directives', () => {
    const { calls, memo, input } = setup();
    memo(input(itemsQuery, { n: 3, id: '1' }));
    memo(input(itemsQuery, { n: 3, id: '1' }, { schema: schemaOf() }));
    expect(calls).toHaveLength(2);
    const reloaded = readCostDirectives(SUPERGRAPH.replace('item(id: ID!): Item @cost(weight: 5)', 'item(id: ID!): Item @cost(weight: 8)'));
    expect(reloaded.weights.get('Query.item')).toBe(8);
    expect(memo(input(itemsQuery, { n: 3, id: '1' }, { schema: calls[1].schema, directives: reloaded }))).toBe(3 + 8);
    expect(calls).toHaveLength(3);
    expect(calls.map((c) => c.schema === calls[0].schema)).toEqual([true, false, false]);
  });

  it('keeps at most its limit of variable combinations per operation, forgetting the oldest', () => {
    const { calls, memo, input } = setup(3);
    for (const n of [1, 2, 3, 4]) memo(input(itemsQuery, { n, id: '1' }));
    expect(calls).toHaveLength(4);
    memo(input(itemsQuery, { n: 4, id: '1' }));
    memo(input(itemsQuery, { n: 2, id: '1' }));
    expect(calls).toHaveLength(4);
    expect(memo(input(itemsQuery, { n: 1, id: '1' }))).toBe(1 + 5);
    expect(calls).toHaveLength(5);
  });

  it(`keeps ${ESTIMATES_PER_OPERATION} combinations by default`, () => {
    const { calls, memo, input } = setup();
    for (let n = 1; n <= ESTIMATES_PER_OPERATION + 1; n++) memo(input(itemsQuery, { n, id: '1' }));
    memo(input(itemsQuery, { n: 2, id: '1' }));
    expect(calls).toHaveLength(ESTIMATES_PER_OPERATION + 1);
    memo(input(itemsQuery, { n: 1, id: '1' }));
    expect(calls).toHaveLength(ESTIMATES_PER_OPERATION + 2);
  });

  it('throws a CostEstimateError again as the estimate did, and other errors every time', () => {
    const { calls, memo, input } = setup();
    const missing = parse('query($n: Int) { items(first: $n) { id } }');
    expect(() => memo(input(missing, {}))).toThrow(CostEstimateError);
    expect(() => memo(input(missing, {}))).toThrow(/items: exactly one of first is required/);
    expect(calls).toHaveLength(1);
    expect(memo(input(missing, { n: 2 }))).toBe(2);

    const failing = memoiseCostEstimates(() => {
      throw new TypeError('a bug');
    });
    const { input: inputOf } = setup();
    expect(() => failing(inputOf(missing, { n: 1 }))).toThrow(TypeError);
    expect(() => failing(inputOf(missing, { n: 1 }))).toThrow(TypeError);
  });
});
