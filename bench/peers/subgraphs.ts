/** Starts subgraphs-child.ts (the one subgraph process) and talks to it over IPC. */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { SubgraphCounts, SubgraphsChildMessage } from './subgraphs-child';

export interface RunningSubgraphs {
  subgraphUrls: Record<string, string>;
  pid: number;
  /** Requests that have reached each subgraph's /graphql since start. */
  counts(): Promise<SubgraphCounts>;
  stop(): Promise<void>;
}

export async function startSubgraphs(env: NodeJS.ProcessEnv): Promise<RunningSubgraphs> {
  const child = fork(join(__dirname, 'subgraphs-child.ts'), [], {
    execArgv: ['-r', '@swc-node/register'],
    env,
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const next = <T extends SubgraphsChildMessage['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<SubgraphsChildMessage, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`subgraph process: no "${type}" within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      const onMessage = (m: SubgraphsChildMessage) => {
        if (m.type === 'error') {
          cleanup();
          reject(new Error(`subgraph process failed: ${m.message}`));
        }
        if (m.type === type) {
          cleanup();
          resolve(m as Extract<SubgraphsChildMessage, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`subgraph process exited (${code})\n${stderr}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const ready = await next('ready', 90_000).catch((err: unknown) => {
    child.kill('SIGKILL');
    throw err;
  });
  return {
    subgraphUrls: ready.subgraphUrls,
    pid: ready.pid,
    async counts() {
      const answer = next('counts', 10_000);
      child.send({ ask: 'counts' });
      return (await answer).counts;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.send({ ask: 'stop' });
      }),
  };
}
