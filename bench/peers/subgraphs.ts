/** Starts subgraphs-child.ts (the one subgraph process) and talks to it over IPC. */
import { join } from 'node:path';
import { forkIpcChild } from '../../test/support/processes';
import type { SubgraphCounts, SubgraphsChildMessage } from './subgraphs-child';

export interface RunningSubgraphs {
  subgraphUrls: Record<string, string>;
  pid: number;
  /** Requests that have reached each subgraph's /graphql since start. */
  counts(): Promise<SubgraphCounts>;
  stop(): Promise<void>;
}

export async function startSubgraphs(env: NodeJS.ProcessEnv): Promise<RunningSubgraphs> {
  const { child, next, ask, stop } = forkIpcChild<SubgraphsChildMessage>(join(__dirname, 'subgraphs-child.ts'), env, 'subgraph process');
  const ready = await next('ready', 90_000).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    subgraphUrls: ready.subgraphUrls,
    pid: ready.pid,
    counts: async () => (await ask('counts', 'counts')).counts,
    stop,
  };
}
