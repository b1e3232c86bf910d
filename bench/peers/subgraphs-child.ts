/**
 * The one subgraph process every gateway of the peers bench talks to: `startStack` (JD sandbox + the
 * four subgraphs; its own gateway stays idle) in a child process. It counts the HTTP requests that reach
 * each subgraph (Node's `http.server.request.start` diagnostics channel, so no proxy sits in between
 * and no subgraph code changes) and answers { ask: 'counts' } over IPC.
 */
import { subscribe } from 'node:diagnostics_channel';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { disableApolloTelemetry } from '../../gateway/apollo-telemetry';
import { startStack } from '../../stack';

export type SubgraphCounts = Record<string, number>;

export type SubgraphsChildMessage =
  | { type: 'ready'; subgraphUrls: Record<string, string>; pid: number }
  | { type: 'counts'; counts: SubgraphCounts }
  | { type: 'error'; message: string };

const send = (message: SubgraphsChildMessage) => process.send?.(message);

async function main(): Promise<void> {
  disableApolloTelemetry();
  const stack = await startStack(
    { ...process.env },
    { ports: { sandbox: 0, orders: 0, afterSales: 0, exchange: 0, offices: 0, gateway: 0 } },
  );
  const byPort = new Map(Object.entries(stack.subgraphs).map(([name, s]) => [s.port, name]));
  const counts: SubgraphCounts = Object.fromEntries([...byPort.values()].map((name) => [name, 0]));
  subscribe('http.server.request.start', (message) => {
    const { server, request } = message as { server: Server; request: IncomingMessage };
    const name = byPort.get((server.address() as AddressInfo | null)?.port ?? -1);
    if (name !== undefined && request.url?.startsWith('/graphql')) counts[name]++;
  });
  // The bench is gone (crashed or killed): do not outlive it.
  process.once('disconnect', () => void stack.stop().finally(() => process.exit(0)));
  process.on('message', (msg: { ask?: string }) => {
    if (msg.ask === 'counts') send({ type: 'counts', counts: { ...counts } });
    if (msg.ask === 'stop') void stack.stop().then(() => process.exit(0));
  });
  send({ type: 'ready', subgraphUrls: stack.urls.subgraphs, pid: process.pid });
}

main().catch((err: unknown) => {
  send({ type: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  process.exit(1);
});
