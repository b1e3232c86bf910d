/**
 * Runs the whole graph (startStack: sandbox + 4 subgraphs + gateway) in its own process, so the
 * load generator in the parent does not share its event loop or its RSS. Talks over IPC:
 * sends { ready, urls, token } once listening; answers { ask: 'probe' } with RSS and JD call counts.
 */
import { disableApolloTelemetry } from '../../gateway/apollo-telemetry';
import { startStack } from '../../stack';
import { loadGatewayConfig } from '../../gateway/config';
import { issueCustomerToken } from '../../gateway/auth';
import { DEMO_PINS } from '../../jd/sandbox';
import { startTracing } from '../../telemetry';

export interface ChildProbe {
  rssBytes: number;
  heapUsedBytes: number;
  /** JD calls the sandbox has answered since start, per method and in total. */
  jdCalls: number;
  jdCallsByMethod: Record<string, number>;
}

export type ChildMessage =
  | { type: 'ready'; gatewayUrl: string; token: string; pin: string }
  | { type: 'probe'; probe: ChildProbe }
  | { type: 'error'; message: string };

const send = (message: ChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  disableApolloTelemetry();
  // As start.ts does: off unless the OTEL_* variables ask for it (the A/B in bench/results/graph-tracing.md).
  startTracing({ serviceName: 'jd-graph-bench' });
  const env = { ...process.env };
  const stack = await startStack(env, { ports: { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } });
  const sandbox = stack.sandbox;
  if (!sandbox) throw new Error('the graph bench needs the embedded sandbox: unset JD_API_URL');
  const token = await issueCustomerToken(loadGatewayConfig(env).jwt, DEMO_PINS.alice);
  const probe = (): ChildProbe => {
    const s = sandbox.stats.snapshot();
    return {
      rssBytes: process.memoryUsage().rss,
      heapUsedBytes: process.memoryUsage().heapUsed,
      jdCalls: s.total,
      jdCallsByMethod: Object.fromEntries(Object.entries(s.methods).map(([m, v]) => [m, v.calls])),
    };
  };
  process.on('message', (msg: { ask?: string }) => {
    if (msg.ask === 'probe') send({ type: 'probe', probe: probe() });
    if (msg.ask === 'stop') void stack.stop().then(() => process.exit(0));
  });
  send({ type: 'ready', gatewayUrl: stack.urls.gateway, token, pin: DEMO_PINS.alice });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
