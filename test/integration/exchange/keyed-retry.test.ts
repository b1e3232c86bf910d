/**
 * requestExchange's thirdApplyId repeats on every retry (the key, or the quote and target): when JD
 * cannot list the order's applications, the idempotent create decides instead of the read, and JD
 * answers it with the exchange it filed. Every JD call sent is counted.
 */
import { JD_METHODS } from '../../../jd/protocol';
import { QUOTE, QUOTE_TTL_SECONDS, REQUEST, startHarness, type ExchangeHarness, type QuoteData, type RequestData } from './harness';

const LIST_DOWN = { [JD_METHODS.afsOrderGet]: { errorRate: 1, errorCode: '66' as const } };

describe('requestExchange while JD cannot list the applications', () => {
  let h: ExchangeHarness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.stop());

  const quoteFor = async () => {
    const { data, errors } = await h.run<QuoteData>(QUOTE, { orderId: '1001', skuId: '100' });
    expect(errors).toBeUndefined();
    return data!.exchangeQuote.id;
  };
  const request = (input: Record<string, unknown>) => h.run<RequestData>(REQUEST, { input: { orderId: '1001', skuId: '100', ...input } });
  const creates = () => h.jd.callsOf(JD_METHODS.afsApplyCreate);
  const exchangesFiled = () => [...h.jd.sandbox.data.afsServices.values()].filter((s) => s.exchangeSkuId === '401');

  it('answers a retry of a filed exchange with that filing, even after its quote expired: one create, same thirdApplyId, nothing filed twice', async () => {
    const quoteId = await quoteFor();
    const first = await request({ quoteId, targetSkuId: '401', idempotencyKey: 'retry-me' });
    expect(first.errors).toBeUndefined();
    h.jd.sandbox.faults.set(LIST_DOWN);
    h.clock.now = new Date(h.clock.now.getTime() + (QUOTE_TTL_SECONDS + 60) * 1000);
    h.jd.forgetCalls();

    // The expired quote cannot be a final refusal while the list is unknown: "retry", and nothing sent.
    const unlisted = await request({ quoteId, targetSkuId: '401', idempotencyKey: 'retry-me' });
    expect(unlisted.errors?.[0].extensions?.code).toBe('UPSTREAM_UNAVAILABLE');
    expect(creates()).toHaveLength(0);

    // Within the quote's life the create decides: JD hands back the first filing.
    h.clock.now = new Date(h.clock.now.getTime() - (QUOTE_TTL_SECONDS + 60) * 1000);
    const retried = await request({ quoteId, targetSkuId: '401', idempotencyKey: 'retry-me' });
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.requestExchange.service).toEqual(first.data!.requestExchange.service);
    expect(retried.data!.requestExchange.settlement).toEqual(first.data!.requestExchange.settlement);
    expect(creates()).toHaveLength(1);
    expect(creates()[0].params.thirdApplyId).toMatch(/^xchg-/);
    expect(exchangesFiled()).toHaveLength(1);
  });

  it('refuses a key first used for another exchange even when the list cannot be read', async () => {
    const quoteId = await quoteFor();
    expect((await request({ quoteId, targetSkuId: '401', idempotencyKey: 'shared' })).errors).toBeUndefined();
    h.jd.sandbox.faults.set(LIST_DOWN);
    const other = await request({ quoteId, targetSkuId: '202', idempotencyKey: 'shared' });
    expect(other.errors).toBeUndefined();
    expect(other.data!.requestExchange.userErrors.map((e) => e.code)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect([...h.jd.sandbox.data.afsServices.values()].filter((s) => s.exchangeSkuId === '202')).toHaveLength(0);
  });
});
