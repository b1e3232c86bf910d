import { createJdClient, type JdConfig } from '../../../jd/client';
import { createJdCache, createJdLoaderStats, createJdLoaders } from '../../../jd/loaders';
import { jdReachable } from './jd-reachable';
import type { LoadersFactory } from './jd-source';

/** What a JD-backed subgraph process holds for its lifetime: one client, one cache, loaders per request. */
export interface JdRuntime {
  /** Fresh loaders for one request; `customerPin` undefined for partners and anonymous callers. */
  createLoaders: LoadersFactory;
  /** Readiness: JD's router (or the sandbox) accepts connections. */
  checkReady(): Promise<boolean>;
  /** Where JD is, for the start-up line. */
  describeJd(): string;
  close(): Promise<void>;
}

/** Builds the process-wide JD client and cache for a subgraph that runs alone (`npm run start:<name>`). */
export function createJdRuntime(jd: JdConfig, redisUrl: string | undefined): JdRuntime {
  const client = createJdClient(jd);
  const cache = createJdCache({ redisUrl, namespace: 'jd' });
  const stats = createJdLoaderStats();
  return {
    createLoaders: (customerPin) => createJdLoaders({ client, cache, customerPin, stats }),
    checkReady: jdReachable(jd.apiUrl),
    describeJd: () => `${jd.sandbox ? 'sandbox at ' : ''}${jd.apiUrl}`,
    close: () => cache.close(),
  };
}
