/**
 * Our gateway (gateway/index.ts) in its own process, pointed at running subgraphs: how the peers,
 * profile and customers benches run it, so each measures the gateway as it is deployed, apart from
 * the subgraphs' event loop and CPU.
 */
import { join } from 'node:path';
import { subgraphEnvName } from '../../gateway/config';
import { startProcess, type Managed } from './managed-process';

const ROOT = join(__dirname, '..', '..');

export interface GatewayProcessOptions {
  /** Subgraph name → its /graphql URL (becomes SUBGRAPH_URL_<NAME>). */
  subgraphUrls: Record<string, string>;
  port: number;
  /** The whole environment but the subgraph URLs, host and port (later entries win). */
  env: NodeJS.ProcessEnv;
  /** Another checkout of the project (the peers bench's baseline commit); default this one. */
  root?: string;
  /** Node flags before the entry point, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

export function spawnOurGateway(options: GatewayProcessOptions): Managed {
  const root = options.root ?? ROOT;
  const subgraphEnv = Object.fromEntries(
    Object.entries(options.subgraphUrls).map(([name, url]) => [`SUBGRAPH_URL_${subgraphEnvName(name)}`, url]),
  );
  return startProcess(process.execPath, [...(options.nodeArgs ?? []), '-r', '@swc-node/register', join(root, 'gateway', 'index.ts')], {
    cwd: root,
    env: { ...options.env, ...subgraphEnv, GATEWAY_HOST: '127.0.0.1', GATEWAY_PORT: String(options.port) },
  });
}
