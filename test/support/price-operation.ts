import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kind, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { Supergraph } from '@apollo/federation-internals';
import { readCostDirectives } from '../../gateway/demand-control/cost-directives';
import { estimateCost } from '../../gateway/demand-control/estimate-cost';
import { DEFAULT_LIST_SIZE } from '../../gateway/demand-control/config';

/** The committed supergraph (`npm run compose`). */
export const SUPERGRAPH_PATH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');

/** Prices operations against a supergraph's SDL exactly as the gateway's demand control does. */
export function operationPricer(supergraphSdl: string = readFileSync(SUPERGRAPH_PATH, 'utf8'), defaultListSize = DEFAULT_LIST_SIZE) {
  const schema: GraphQLSchema = Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
  const directives = readCostDirectives(supergraphSdl);
  return (query: string, variables: Record<string, unknown> = {}, operationName?: string): number => {
    const document = parse(query);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION && (!operationName || d.name?.value === operationName),
    );
    if (!operation) throw new Error(`no operation ${operationName ?? ''} in ${query}`);
    return estimateCost({ schema, document, operation, variables, directives, defaultListSize });
  };
}
