import type { Identity } from '../../../subgraphs/kit';
import { buildSchema } from '../../../subgraphs/exchange/schema';
import { createExchangeContext } from '../../../subgraphs/exchange/context';
import { QuoteTokens } from '../../../subgraphs/exchange/quote/quote-token';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { createTestServer, type TestResult } from '../../support/test-server';
import { ALICE, BOB, NOW, seedExchange } from './fixtures';

export const alice: Identity = { kind: 'customer', pin: ALICE };
export const bob: Identity = { kind: 'customer', pin: BOB };
export const QUOTE_TTL_SECONDS = 900;

export interface ExchangeHarness {
  jd: RecordingJd;
  /** The subgraph's clock (quotes are issued and checked at it); tests move it. */
  clock: { now: Date };
  run<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, who?: Identity): Promise<TestResult<T>>;
  stop(): Promise<void>;
}

/** The exchange subgraph in process: real schema, loaders and cache over the recording JD sandbox, a clock tests can move. */
export async function startHarness(): Promise<ExchangeHarness> {
  const jd = await startRecordingJd({ now: () => NOW });
  seedExchange(jd.seed);
  const clock = { now: NOW };
  const server = createTestServer(buildSchema().schema, {
    createContext: (base) =>
      createExchangeContext(base, {
        createLoaders: jd.createLoaders,
        quotes: new QuoteTokens('integration-test-quote-secret'),
        quoteSettings: { ttlSeconds: QUOTE_TTL_SECONDS },
        now: () => clock.now,
      }),
  });
  // Apollo refuses to stop a server that never started; it starts on the first execute.
  let started = false;
  return {
    jd,
    clock,
    run: (q, v = {}, who = alice) => {
      started = true;
      return server.execute(q, v, who);
    },
    async stop() {
      if (started) await server.stop();
      await jd.close();
    },
  };
}

export const QUOTE = `query Q($orderId: ID!, $skuId: ID!, $sources: [ExchangeSource!], $first: Int) {
  exchangeQuote(orderId: $orderId, skuId: $skuId, sources: $sources, first: $first) {
    id order { id } original { skuId } paidUnitPrice { amount currency minorUnits } quotedAt expiresAt
    options { product { skuId price { minorUnits } inStock } source currentPrice { minorUnits } priceDifference { amount minorUnits } direction inStock }
    groups { source options { product { skuId } } }
  }
}`;

export const REQUEST = `mutation R($input: RequestExchangeInput!) {
  requestExchange(input: $input) {
    service { id }
    settlement { paidUnitPrice { minorUnits } targetPrice { minorUnits } priceDifference { amount minorUnits } direction }
    userErrors { field code message }
  }
}`;

export interface QuoteOption {
  product: { skuId: string; price: { minorUnits: number } | null; inStock: boolean | null };
  source: string;
  currentPrice: { minorUnits: number };
  priceDifference: { amount: string; minorUnits: number };
  direction: string;
  inStock: boolean;
}
export interface QuoteData {
  exchangeQuote: {
    id: string;
    order: { id: string };
    original: { skuId: string };
    paidUnitPrice: { amount: string; currency: string; minorUnits: number };
    quotedAt: string;
    expiresAt: string;
    options: QuoteOption[];
    groups: { source: string; options: { product: { skuId: string } }[] }[];
  };
}
export interface RequestData {
  requestExchange: {
    service: { id: string } | null;
    settlement: {
      paidUnitPrice: { minorUnits: number };
      targetPrice: { minorUnits: number };
      priceDifference: { amount: string; minorUnits: number };
      direction: string;
    } | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
}
