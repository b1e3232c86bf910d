/**
 * Child processes for tests and benches: a free loopback port, and a forked TypeScript child that
 * reports over IPC with typed messages ({ type: … }) and answers questions ({ ask: … }).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';

/** A port the kernel reports free right now (the child binds it a moment later; loopback only). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Every IPC child may report a start-up or run failure this way. */
type IpcMessage = { type: string } | { type: 'error'; message: string };

export interface IpcChild<M extends IpcMessage> {
  child: ChildProcess;
  /** The next message of this type; rejects on an 'error' message, an exit or the timeout. */
  next<T extends M['type']>(type: T, timeoutMs: number): Promise<Extract<M, { type: T }>>;
  /** Sends { ask } and waits for the answer of the given type. */
  ask<T extends M['type']>(ask: string, answer: T, timeoutMs?: number): Promise<Extract<M, { type: T }>>;
  /** Asks the child to stop ({ ask: 'stop' }); SIGKILL if it has not exited after 10 s. */
  stop(): Promise<void>;
}

/**
 * Forks a TypeScript file (run through @swc-node/register); `label` names it in errors, with its stderr tail.
 * `nodeArgs` go before the register hook (e.g. --cpu-prof for a bench's profile).
 */
export function forkIpcChild<M extends IpcMessage>(
  file: string,
  env: NodeJS.ProcessEnv,
  label: string,
  nodeArgs: string[] = [],
): IpcChild<M> {
  const child = fork(file, [], { execArgv: [...nodeArgs, '-r', '@swc-node/register'], env, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + String(d)).slice(-4000);
  });
  const next = <T extends M['type']>(type: T, timeoutMs: number) =>
    new Promise<Extract<M, { type: T }>>((resolve, reject) => {
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${label}: no "${type}" within ${timeoutMs} ms\n${stderr}`));
      }, timeoutMs);
      const onMessage = (m: M) => {
        if (m.type === 'error') {
          cleanup();
          reject(new Error(`${label} failed: ${(m as { message?: string }).message}`));
        }
        if (m.type === type) {
          cleanup();
          resolve(m as Extract<M, { type: T }>);
        }
      };
      const onExit = (code: number | null) => {
        cleanup();
        reject(new Error(`${label} exited (${code})\n${stderr}`));
      };
      const cleanup = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('exit', onExit);
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  return {
    child,
    next,
    ask(ask, answer, timeoutMs = 10_000) {
      const reply = next(answer, timeoutMs);
      child.send({ ask });
      return reply;
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
