import { serverSettings, startSubgraph, type RunningSubgraph, type SubgraphEnv } from '../kit';
import { createOfficesContext } from './context';
import type { Directory } from './directory/directory';
import { buildSchema } from './schema';

/** Serves the offices subgraph over HTTP with an already loaded directory (used by index.ts and the whole-graph start). */
export function startOfficesSubgraph(env: SubgraphEnv, directory: Directory): Promise<RunningSubgraph> {
  return startSubgraph({
    ...serverSettings(env),
    name: 'offices',
    schema: buildSchema().schema,
    createContext: (base) => createOfficesContext(base, directory),
    // The directory is in memory and was validated at start-up: once listening, the subgraph is ready.
    checkReady: async () => true,
  });
}
