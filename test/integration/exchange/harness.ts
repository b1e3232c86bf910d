import type { Identity } from '../../../subgraphs/kit';
import { createTestServer } from '../../support/test-server';
import { createJdCache, createJdLoaders, type JdCache } from '../../../jd/loaders';
import { buildSchema } from '../../../subgraphs/exchange/schema';
import { createExchangeContext } from '../../../subgraphs/exchange/context';
import { QuoteTokens } from '../../../subgraphs/exchange/quote/quote-token';
import { ALICE, BOB, NOW, seedFakeJd } from './fixtures';
import type { FakeJd } from './fake-jd';

export const alice: Identity = { kind: 'customer', pin: ALICE };
export const bob: Identity = { kind: 'customer', pin: BOB };
export const QUOTE_TTL_SECONDS = 900;

type Run = <T = Record<string, unknown>>(q: string, v?: Record<string, unknown>, who?: Identity) => Promise<{
  data?: T | null;
  errors?: ReadonlyArray<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}>;

/** The exchange subgraph in process: real schema, real loaders and cache, a recording fake JD, a clock tests can move. */
export function startHarness(jd: FakeJd = seedFakeJd()): { jd: FakeJd; clock: { now: Date }; run: Run; stop(): Promise<void>; cache: JdCache } {
  const cache = createJdCache();
  const clock = { now: NOW };
  const server = createTestServer(buildSchema().schema, {
    createContext: (base) => createExchangeContext(base, {
      createLoaders: (customerPin) => createJdLoaders({ client: jd, cache, customerPin }),
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
    cache,
    run: (q, v = {}, who = alice) => {
      started = true;
      return server.execute(q, v, who);
    },
    async stop() {
      if (started) await server.stop();
      await cache.close();
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

export interface QuoteOption { product: { skuId: string; price: { minorUnits: number } | null; inStock: boolean | null }; source: string; currentPrice: { minorUnits: number }; priceDifference: { amount: string; minorUnits: number }; direction: string; inStock: boolean }
export interface QuoteData {
  exchangeQuote: {
    id: string; order: { id: string }; original: { skuId: string }; paidUnitPrice: { amount: string; currency: string; minorUnits: number };
    quotedAt: string; expiresAt: string; options: QuoteOption[]; groups: { source: string; options: { product: { skuId: string } }[] }[];
  };
}
export interface RequestData {
  requestExchange: {
    service: { id: string } | null;
    settlement: { paidUnitPrice: { minorUnits: number }; targetPrice: { minorUnits: number }; priceDifference: { amount: string; minorUnits: number }; direction: string } | null;
    userErrors: { field: string[] | null; code: string; message: string }[];
  };
}
