import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/**
 * GATEWAY_WORKERS > 1: this process becomes a node:cluster primary that runs no gateway itself and
 * forks `count` workers, each a whole gateway (gateway/index.ts again) on the same port; the primary
 * hands them the connections in turn. A worker that dies while serving is replaced; one that dies
 * before it listens means every replacement would too (a port in use, a bad file), so the primary
 * stops the others and exits 1 instead of forking forever. SIGTERM/SIGINT go to every worker, which
 * drain their requests in flight, and the primary exits once all have.
 */
export function runWorkers(count: number, log: Logger): void {
  let stopping = false;
  const listening = new WeakSet<Worker>();
  const fork = () => {
    const worker = cluster.fork();
    worker.once('listening', () => listening.add(worker));
  };
  const stopAll = (exitCode: number) => {
    stopping = true;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    if (alive.length === 0) process.exit(exitCode);
    let left = alive.length;
    for (const worker of alive) {
      worker.once('exit', () => --left === 0 && process.exit(exitCode));
      worker.process.kill('SIGTERM');
    }
  };
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!listening.has(worker)) {
      log.error({ pid: worker.process.pid, code, signal }, 'gateway worker exited before it listened: stopping');
      stopAll(1);
      return;
    }
    log.error({ pid: worker.process.pid, code, signal }, 'gateway worker exited: starting another');
    fork();
  });
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));
  for (let i = 0; i < count; i++) fork();
  log.info({ workers: count }, 'gateway primary: workers started');
}
