/**
 * Over real HTTP, the way the gateway calls it: the exchange subgraph refuses unsigned requests before
 * any JD call, and answers signed ones (here `_entities` for Product.price, which anonymous callers may read).
 */
import { JD_METHODS } from '../../../jd/protocol';
import { signIdentity, type RunningSubgraph } from '../../../subgraphs/kit';
import { startExchangeSubgraph } from '../../../subgraphs/exchange/server';
import { QuoteTokens } from '../../../subgraphs/exchange/quote/quote-token';
import { startRecordingJd, type RecordingJd } from '../../support/recording-jd';
import { seedExchange } from './fixtures';

const SECRET = 'exchange-http-test-signing-secret-0123456789';

describe('exchange subgraph over HTTP', () => {
  let jd: RecordingJd;
  let running: RunningSubgraph;

  beforeAll(async () => {
    jd = await startRecordingJd();
    seedExchange(jd.seed);
    running = await startExchangeSubgraph({
      port: 0,
      signingSecret: SECRET,
      quotes: new QuoteTokens('http-test-quote-secret'),
      quoteSettings: { ttlSeconds: 900 },
      createLoaders: jd.createLoaders,
    });
  });
  afterAll(async () => {
    await running.stop();
    await jd.close();
  });

  const body = JSON.stringify({
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { skuId price { amount } inStock } } }',
    variables: { r: [{ __typename: 'Product', skuId: '202' }] },
  });
  const post = (headers: Record<string, string>) =>
    fetch(running.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
      (r) => r.json() as Promise<{ data?: unknown; errors?: { extensions: { code: string } }[] }>,
    );

  it("refuses a request without the gateway's signature, calling nothing", async () => {
    const answer = await post({});
    expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(jd.calls).toHaveLength(0);
  });

  it('serves a signed anonymous request through the batch loaders', async () => {
    const answer = await post(signIdentity({ kind: 'anonymous' }, SECRET, { subgraph: 'exchange', body }));
    expect(answer).toEqual({ data: { _entities: [{ skuId: '202', price: { amount: '159.00' }, inStock: true }] } });
    expect(jd.callsOf(JD_METHODS.priceGet)).toHaveLength(1);
  });
});
