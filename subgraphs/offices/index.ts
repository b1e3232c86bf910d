/**
 * Entry point: runs the offices subgraph alone (`npm run start:offices`, port 4004 or OFFICES_PORT).
 * It needs no JD access: the directory is a validated data file loaded once here.
 */
import 'reflect-metadata';
import { runSubgraphEntry } from '../kit';
import { loadOfficesConfig } from './config';
import { loadDirectory } from './data/load-directory';
import { startOfficesSubgraph } from './server';

void runSubgraphEntry('jd-offices', async () => {
  // Read once; a bad variable or a bad data file stops start-up here with a message saying what to fix.
  const config = loadOfficesConfig(process.env);
  const directory = loadDirectory();
  const running = await startOfficesSubgraph(config.subgraph, directory);
  return {
    banner: `offices subgraph on ${running.url} (directory v${directory.version}: ${directory.offices.length} offices, ${directory.hotlines.length} hotlines)`,
    shutdown: config.subgraph.shutdown,
    stop: () => running.stop(),
  };
});
