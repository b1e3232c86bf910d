import { composeServices } from '@apollo/composition';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { buildSubgraph, type BaseContext } from '../../../subgraphs/kit';
import { buildSchema as buildAlpha, Order as AlphaOrder, referenceCalls } from './fixtures/subgraphs/alpha/schema';
import { buildSchema as buildBeta, Order as BetaOrder } from './fixtures/subgraphs/beta/schema';

// A third class named Order, in the test itself: an extender with no queries at all.
@Directive('@key(fields: "id")')
@ObjectType('Order')
class GammaOrder {
  @Field(() => ID)
  id!: string;
}

@Resolver(() => GammaOrder)
class GammaResolver {
  @FieldResolver(() => String)
  gammaLabel(@Root() order: GammaOrder): string {
    return `gamma-${order.id}`;
  }
}

const buildGamma = () => buildSubgraph({ name: 'gamma', resolvers: [GammaResolver], orphanedTypes: [GammaOrder], federationImports: [] });

const alice: BaseContext = {
  identity: { kind: 'customer', pin: 'jd_demo_alice' },
  requestId: 't',
  language: 'en',
  deadline: Date.now() + 60_000,
  signal: new AbortController().signal,
};
const run = async (schema: GraphQLSchema, query: string, contextValue: BaseContext = alice, variableValues?: Record<string, unknown>) =>
  execute({ schema, document: parse(query), contextValue, variableValues });

describe('buildSubgraph', () => {
  it('produces Federation 2 SDL with @key, @shareable kit types, DateTime and the @cacheControl definition', () => {
    const { sdl } = buildAlpha();
    expect(sdl).toMatch(
      /^extend schema\s+@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.9", import: \["@cost", "@key", "@listSize", "@shareable"\]\)/,
    );
    expect(sdl).toMatch(/type Order\s+@key\(fields: "id"\)\s+@cacheControl\(maxAge: 30, scope: PRIVATE\)/);
    expect(sdl).toMatch(/type Money\s+@shareable/);
    expect(sdl).toContain('placedAt: DateTime!');
    expect(sdl).toContain('scalar DateTime');
    expect(sdl).toContain(
      'directive @cacheControl(maxAge: Int, scope: CacheControlScope, inheritMaxAge: Boolean) on FIELD_DEFINITION | OBJECT | INTERFACE | UNION',
    );
    expect(sdl).toMatch(/enum CacheControlScope {\s+PUBLIC\s+PRIVATE\s+}/);
    // printSubgraphSchema output: the federation plumbing itself is not part of the committed SDL.
    expect(sdl).not.toContain('_entities');
  });

  it('serves its SDL through _service and resolves _entities through the reference resolver', async () => {
    const { schema } = buildAlpha();
    const service = await run(schema, '{ _service { sdl } }');
    expect(service.errors).toBeUndefined();
    const served = (service.data?._service as { sdl: string }).sdl;
    expect(served).toMatch(/type Order\s+@key\(fields: "id"\)/);
    expect(served).toContain('total: Money!');

    referenceCalls.length = 0;
    const result = await run(
      schema,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id owner placedAt total { amount currency minorUnits } } } }',
      alice,
      {
        r: [
          { __typename: 'Order', id: '1001' },
          { __typename: 'Order', id: '1002' },
        ],
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        {
          id: '1001',
          owner: 'jd_demo_alice',
          placedAt: '2025-05-05T14:00:00+08:00',
          total: { amount: '199.00', currency: 'CNY', minorUnits: 19900 },
        },
        null, // bob's order: invisible to alice
      ],
    });
    expect(referenceCalls).toEqual(['1001', '1002']);
  });

  it('builds several subgraphs with same-named classes in one process without mixing them up', async () => {
    expect(AlphaOrder).not.toBe(BetaOrder);
    const alpha = buildAlpha();
    const beta = buildBeta();
    const gamma = buildGamma();
    const alphaAgain = buildAlpha();

    expect(alphaAgain.sdl).toBe(alpha.sdl);
    const orderFields = (s: GraphQLSchema) => Object.keys((s.getType('Order') as unknown as { getFields(): object }).getFields()).sort();
    expect(orderFields(alpha.schema)).toEqual(['id', 'owner', 'placedAt', 'total']);
    expect(orderFields(beta.schema)).toEqual(['id', 'notes']);
    expect(orderFields(gamma.schema)).toEqual(['gammaLabel', 'id']);
    expect(beta.sdl).not.toContain('Money');
    expect(alpha.sdl).not.toContain('UserError');

    // Each still resolves its own fields after the others were built.
    const notes = await run(
      beta.schema,
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { notes { text } } } }',
      alice,
      {
        r: [{ __typename: 'Order', id: '7' }],
      },
    );
    expect(notes.data).toEqual({ _entities: [{ notes: [{ text: 'note for 7' }] }] });
    const label = await run(gamma.schema, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { gammaLabel } } }', alice, {
      r: [{ __typename: 'Order', id: '9' }],
    });
    expect(label.data).toEqual({ _entities: [{ gammaLabel: 'gamma-9' }] });
    expect((await run(alphaAgain.schema, '{ order(id: "1001") { id } }')).data).toEqual({ order: { id: '1001' } });
  });

  it('produces SDL that composes into one supergraph', () => {
    const result = composeServices(
      [buildAlpha(), buildBeta(), buildGamma()].map(({ sdl }, i) => ({
        name: ['alpha', 'beta', 'gamma'][i],
        url: `http://127.0.0.1/${i}`,
        typeDefs: parse(sdl),
      })),
    );
    expect(result.errors).toBeUndefined();
    expect(result.schema?.toAPISchema().toGraphQLJSSchema().getType('Order')).toBeDefined();
  });

  it('drops the empty Query of an extender that has no queries of its own', () => {
    const { sdl, schema } = buildGamma();
    expect(sdl).not.toMatch(/type Query/);
    expect(schema.getQueryType()?.getFields()).toHaveProperty('_entities');
  });

  it('lists definitions in a stable order, independent of declaration order', () => {
    const names = [...buildBeta().sdl.matchAll(/^(?:type|enum|scalar|input|interface|union) (\w+)/gm)].map((m) => m[1]);
    expect(names).toEqual(['CacheControlScope', 'Note', 'Order', 'Query', 'UserError']);
  });

  it('refuses a reference resolver for a type the subgraph does not have', () => {
    expect(() =>
      buildSubgraph({
        name: 'broken',
        resolvers: [GammaResolver],
        orphanedTypes: [GammaOrder],
        federationImports: [],
        referenceResolvers: { Shop: { __resolveReference: () => null } },
      }),
    ).toThrow(/subgraph broken: reference resolver for unknown type Shop/);
  });
});
