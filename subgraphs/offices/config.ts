import { loadSubgraphEnv, type SubgraphEnv } from '../kit';

/** Everything the offices process reads from the environment, validated once at start-up. */
export interface OfficesConfig {
  subgraph: SubgraphEnv;
}

/** Reads OFFICES_PORT (default 4004), HOST and SUBGRAPH_SIGNING_SECRET; throws naming what to fix. */
export function loadOfficesConfig(env: NodeJS.ProcessEnv): OfficesConfig {
  return { subgraph: loadSubgraphEnv(env, { port: 4004, name: 'offices' }) };
}
