import { loadSubgraphEnv, type SubgraphEnv } from '../kit';
import type { Env } from '../../config';

/** Everything the offices process reads from the environment, validated once at start-up. */
export interface OfficesConfig {
  subgraph: SubgraphEnv;
}

/** Reads OFFICES_PORT (default 4004), HOST and SUBGRAPH_SIGNING_SECRET; throws a ConfigError naming every bad value. */
export function loadOfficesConfig(env: Env): OfficesConfig {
  return { subgraph: loadSubgraphEnv(env, { port: 4004, name: 'offices' }) };
}
