import 'reflect-metadata';
import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, type GraphQLSchema, type OperationTypeDefinitionNode } from 'graphql';
import { buildSchemaSync, createResolversMap, type NonEmptyArray } from 'type-graphql';
import { DateTimeScalar } from '../types/date-time';
import { CACHE_CONTROL_SDL } from './cache-control-sdl';
import { sortDefinitions } from './sort-sdl';

/** What a subgraph hands to buildSubgraph. */
export interface SubgraphDefinition {
  /** e.g. 'orders'. */
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own resolver type
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** e.g. ['@key', '@external', '@requires', '@shareable']; '@key' and '@shareable' are always added. */
  federationImports: string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  referenceResolvers?: Record<string, { __resolveReference(ref: any, ctx: any): unknown }>;
}

// 2.9: the first version with the demand-control directives @cost and @listSize.
export const FEDERATION_VERSION = 'https://specs.apollo.dev/federation/v2.9';
// The kit's shared types (Money, UserError) are @shareable and entities need @key, so every subgraph imports
// both; every subgraph prices its fields for demand control (kit/federation/demand-control.ts).
const ALWAYS_IMPORTED = ['@cost', '@key', '@listSize', '@shareable'];

// The package root exports only buildSubgraphSchema and printSubgraphSchema, not the resolver-map
// type; read it off buildSubgraphSchema's `{ typeDefs, resolvers }` argument instead of importing dist/.
type SubgraphResolverMap = NonNullable<Extract<Parameters<typeof buildSubgraphSchema>[0], { typeDefs: unknown }>['resolvers']>;

const isDefaultRootName = (op: OperationTypeDefinitionNode) =>
  op.type.name.value === { query: 'Query', mutation: 'Mutation', subscription: 'Subscription' }[op.operation];

/** The `extend schema @link(...)` line that makes the SDL a Federation 2 subgraph. */
export function federationLink(imports: string[]): string {
  const all = [...new Set([...ALWAYS_IMPORTED, ...imports])].sort();
  return `extend schema @link(url: "${FEDERATION_VERSION}", import: [${all.map((i) => JSON.stringify(i)).join(', ')}])`;
}

/** Turns type-graphql resolvers plus reference resolvers into a Federation 2 subgraph schema and its SDL. */
export function buildSubgraph(def: SubgraphDefinition): { schema: GraphQLSchema; sdl: string } {
  // type-graphql clones its global metadata per build and keeps only what these resolvers and
  // orphaned types reach, so several subgraphs (even with same-named classes) build in one process.
  const typeGraphqlSchema = buildSchemaSync({
    resolvers: def.resolvers,
    orphanedTypes: def.orphanedTypes,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    skipCheck: true,
    validate: false,
  });
  const printed = printSchemaWithDirectives(typeGraphqlSchema);
  const document = parse(`${federationLink(def.federationImports)}\n${CACHE_CONTROL_SDL}\n${printed}`);
  // An extender without own queries gets an empty `type Query` (the subgraph library adds _entities
  // and _service), and the `schema { query: Query }` block only restates the default root names.
  const withoutEmptyQuery = {
    ...document,
    definitions: document.definitions.filter(
      (d) =>
        !(d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === 'Query' && !d.fields?.length) &&
        !(d.kind === Kind.SCHEMA_DEFINITION && d.operationTypes.every(isDefaultRootName)),
    ),
  };

  const resolvers = createResolversMap(typeGraphqlSchema) as SubgraphResolverMap;
  for (const [typeName, reference] of Object.entries(def.referenceResolvers ?? {})) {
    if (!typeGraphqlSchema.getType(typeName)) {
      throw new Error(`subgraph ${def.name}: reference resolver for unknown type ${typeName}`);
    }
    resolvers[typeName] = { ...(resolvers[typeName] as object), __resolveReference: reference.__resolveReference };
  }

  const schema = buildSubgraphSchema({ typeDefs: sortDefinitions(withoutEmptyQuery), resolvers });
  return { schema, sdl: printSubgraphSchema(schema) };
}
