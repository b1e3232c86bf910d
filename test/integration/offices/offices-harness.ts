import { createTestServer } from '../../support/test-server';
import { createOfficesContext } from '../../../subgraphs/offices/context';
import { loadDirectory } from '../../../subgraphs/offices/data/load-directory';
import { buildSchema } from '../../../subgraphs/offices/schema';

/** An in-process offices subgraph whose clock reads `now`. */
export function officesTestServer(now: Date) {
  const directory = loadDirectory();
  return createTestServer(buildSchema().schema, { createContext: (base) => createOfficesContext(base, directory, () => now) });
}
