import { Kind, parse, type ConstValueNode } from 'graphql';
import { subgraphEnvName } from '../config';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const stringArg = (args: readonly { name: { value: string }; value: ConstValueNode }[] | undefined, name: string): string | undefined => {
  const arg = args?.find((a) => a.name.value === name);
  return arg?.value.kind === Kind.STRING ? arg.value.value : undefined;
};

/** The subgraphs named by the supergraph's `join__Graph` enum, with their routing urls. */
export function subgraphsOfSupergraph(supergraphSdl: string): SubgraphEndpoint[] {
  const out: SubgraphEndpoint[] = [];
  for (const def of parse(supergraphSdl).definitions) {
    if (def.kind !== Kind.ENUM_TYPE_DEFINITION || def.name.value !== 'join__Graph') continue;
    for (const value of def.values ?? []) {
      const graph = value.directives?.find((d) => d.name.value === 'join__graph');
      const name = stringArg(graph?.arguments, 'name');
      const url = stringArg(graph?.arguments, 'url');
      if (name !== undefined && url !== undefined) out.push({ name, url });
    }
  }
  return out;
}

/** The url to call for a subgraph: SUBGRAPH_URL_<NAME> when set, else the supergraph's. */
export function resolveSubgraphUrl(endpoint: SubgraphEndpoint, overrides: Record<string, string>): string {
  return overrides[subgraphEnvName(endpoint.name)] ?? endpoint.url;
}
