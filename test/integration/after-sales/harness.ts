import type { Identity } from '../../../subgraphs/kit';
import { buildSchema } from '../../../subgraphs/after-sales/schema';
import { createAfterSalesContext } from '../../../subgraphs/after-sales/context';
import { startRecordingJd, type RecordingJd, type RecordingJdOptions } from '../../support/recording-jd';
import { createTestServer, type TestResult } from '../../support/test-server';
import { ALICE, BOB, NOW, seedAfterSales } from './fixtures';

export const alice: Identity = { kind: 'customer', pin: ALICE };
export const bob: Identity = { kind: 'customer', pin: BOB };
export const policy = { standardDays: 30, plusDays: 45 };

export interface AfterSalesHarness {
  jd: RecordingJd;
  run<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    who?: Identity,
    headers?: Record<string, string>,
  ): Promise<TestResult<T>>;
  stop(): Promise<void>;
}

/** The after-sales subgraph in process: real schema, loaders and cache over the recording JD sandbox, a fixed clock. */
export async function startHarness(client?: RecordingJdOptions['client']): Promise<AfterSalesHarness> {
  const jd = await startRecordingJd({ now: () => NOW, client });
  seedAfterSales(jd.seed);
  const server = createTestServer(buildSchema().schema, {
    createContext: (base) => createAfterSalesContext(base, { createLoaders: jd.createLoaders, policy, now: () => NOW }),
  });
  return {
    jd,
    run: (q, v = {}, who = alice, headers = {}) => server.execute(q, v, who, headers),
    async stop() {
      await server.stop();
      await jd.close();
    },
  };
}
