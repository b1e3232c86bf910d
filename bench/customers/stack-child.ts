/**
 * The four subgraphs (startStack over the JD sandbox of sandbox-child.ts, named by JD_SANDBOX_URL; its
 * own gateway stays idle) in one process for the customers bench. The bench runs our gateway in
 * another process, as it is deployed, and the open-loop load generator stays in the parent, so none of
 * them shares an event loop. Over IPC it sends { ready } with the subgraphs' URLs; { ask: 'probe' }
 * answers with the loaders' cache hits and misses, the rate limiter's waits, its event-loop delay and
 * its CPU time.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { disableApolloTelemetry } from '../../gateway/apollo-telemetry';
import type { RateLimiterSnapshot } from '../../jd/client';
import type { JdLoaderStatsSnapshot } from '../../jd/loaders';
import { startStack } from '../../stack';

export interface StackProbe {
  loader: JdLoaderStatsSnapshot;
  limiter: RateLimiterSnapshot;
  /** The subgraph process's event-loop delay since the previous probe (ms): high means it was short of CPU. */
  eventLoopDelayP99Ms: number;
  /** CPU time this process (the four subgraphs) used since start (ms, user + system). */
  cpuMs: number;
}

export type StackMessage =
  { type: 'ready'; subgraphUrls: Record<string, string> } | { type: 'probe'; probe: StackProbe } | { type: 'error'; message: string };

const send = (message: StackMessage) => process.send?.(message);

async function main(): Promise<void> {
  disableApolloTelemetry();
  if (!process.env.JD_SANDBOX_URL) throw new Error('the customers bench runs the JD sandbox in its own process: set JD_SANDBOX_URL');
  const stack = await startStack(
    { ...process.env },
    { ports: { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } },
  );
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  process.on('message', (msg: { ask?: string }) => {
    if (msg.ask === 'probe') {
      const eventLoopDelayP99Ms = loopDelay.percentile(99) / 1e6;
      loopDelay.reset();
      const cpu = process.cpuUsage();
      send({
        type: 'probe',
        probe: {
          loader: stack.jd.stats.snapshot(),
          limiter: stack.jd.limiter.snapshot(),
          eventLoopDelayP99Ms,
          cpuMs: (cpu.user + cpu.system) / 1000,
        },
      });
    }
    if (msg.ask === 'stop') void stack.stop().then(() => process.exit(0));
  });
  // The bench is gone (crashed or killed): do not outlive it.
  process.once('disconnect', () => void stack.stop().finally(() => process.exit(0)));
  send({ type: 'ready', subgraphUrls: stack.urls.subgraphs });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
