import type { Identity } from '../../../subgraphs/kit';
import { createTestServer } from '../../support/test-server';
import { createJdCache, createJdLoaders, type JdCache } from '../../../jd/loaders';
import { buildSchema } from '../../../subgraphs/after-sales/schema';
import { createAfterSalesContext } from '../../../subgraphs/after-sales/context';
import { ALICE, BOB, NOW, seedFakeJd } from './fixtures';
import type { FakeJd } from './fake-jd';

export const alice: Identity = { kind: 'customer', pin: ALICE };
export const bob: Identity = { kind: 'customer', pin: BOB };
export const policy = { standardDays: 30, plusDays: 45 };

/** The after-sales subgraph in process: real schema, real loaders and cache, a recording fake JD, a fixed clock. */
export function startHarness(): { jd: FakeJd; cache: JdCache; run: <T = Record<string, unknown>>(q: string, v?: Record<string, unknown>, who?: Identity, headers?: Record<string, string>) => Promise<{ data?: T | null; errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }>; cacheControl?: string | null }>; stop(): Promise<void> } {
  const jd = seedFakeJd();
  const cache = createJdCache();
  const server = createTestServer(buildSchema().schema, {
    createContext: (base) => createAfterSalesContext(base, {
      createLoaders: (customerPin) => createJdLoaders({ client: jd, cache, customerPin }),
      policy,
      now: () => NOW,
    }),
  });
  return {
    jd,
    cache,
    run: (q, v = {}, who = alice, headers = {}) => server.execute(q, v, who, headers),
    async stop() {
      await server.stop();
      await cache.close();
    },
  };
}
