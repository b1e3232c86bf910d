import type { Request, Response } from 'express';
import { subgraphsOfSupergraph, resolveSubgraphUrl } from '../supergraph/subgraph-urls';

/** A subgraph's liveness URL: its GraphQL url with the path replaced by /health/live. */
export function livenessUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = '/health/live';
  url.search = '';
  return url.toString();
}

async function answers(url: string, timeoutMs: number): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

/**
 * Ready = the supergraph is loaded, so the gateway can plan and answer. A subgraph that does not answer
 * its liveness probe makes the answer `degraded` (still 200), naming it: behind a load balancer or a
 * Kubernetes Service, a shared dependency must not take every gateway replica out at once, since the
 * gateway still serves whatever the other subgraphs provide.
 */
export function readiness(
  currentSupergraph: () => string | undefined,
  overrides: Record<string, string>,
  shuttingDown: () => boolean,
  timeoutMs = 2000,
) {
  return async (_req: Request, res: Response): Promise<void> => {
    // First step of a shutdown: load balancers and Kubernetes endpoints stop sending while requests still work.
    if (shuttingDown()) {
      res.status(503).json({ status: 'shutting down' });
      return;
    }
    const sdl = currentSupergraph();
    if (sdl === undefined) {
      res.status(503).json({ status: 'not ready', supergraph: 'not loaded', subgraphs: {} });
      return;
    }
    const endpoints = subgraphsOfSupergraph(sdl);
    const results = await Promise.all(
      endpoints.map(async (e) => [e.name, await answers(livenessUrl(resolveSubgraphUrl(e, overrides)), timeoutMs)] as const),
    );
    const subgraphs = Object.fromEntries(results.map(([name, ok]) => [name, ok ? 'up' : 'down']));
    const allUp = results.every(([, ok]) => ok);
    res.status(200).json({ status: allUp ? 'ready' : 'degraded', supergraph: 'loaded', subgraphs });
  };
}
