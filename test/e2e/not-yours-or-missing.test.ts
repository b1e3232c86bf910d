/**
 * "Not yours" and "does not exist" must read exactly alike for every id a customer can name, or a
 * caller could enumerate other customers' orders, after-sales services and quotes. The whole graph
 * over HTTP against the sandbox: raw response bodies are compared, errors included.
 */
import { DEMO_PINS } from '../../jd/sandbox';
import { issueCustomerToken } from '../../gateway/auth';
import type { RunningStack } from '../../stack';
import { sandboxOrdersOf, startTestStack } from './helpers';

describe("another customer's id reads exactly like one that does not exist", () => {
  let stack: RunningStack;
  let ask: (query: string, variables: Record<string, unknown>) => Promise<{ status: number; body: unknown }>;

  beforeAll(async () => {
    stack = await startTestStack();
    const token = await issueCustomerToken(stack.config.gateway.jwt, DEMO_PINS.alice);
    ask = async (query, variables) => {
      const res = await fetch(stack.urls.gateway, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return { status: res.status, body: await res.json() };
    };
  }, 30_000);
  afterAll(() => stack?.stop());

  const bobsOrder = () => sandboxOrdersOf(stack, DEMO_PINS.bob)[0];
  const bobsService = () => [...stack.sandbox!.data.afsServices.values()].find((s) => s.customerPin === DEMO_PINS.bob)!;
  const unknownService = () => String(Math.max(...stack.sandbox!.data.afsServices.keys()) + 1000);
  const unknownOrder = () => String(Math.max(...[...stack.sandbox!.data.orders.keys()].map(Number)) + 1000);

  it('orders', async () => {
    const q = 'query ($id: ID!) { order(id: $id) { id status } }';
    const foreign = await ask(q, { id: bobsOrder().orderId });
    expect(foreign).toEqual({
      status: 200,
      body: { data: { order: null }, extensions: { cost: { estimated: expect.any(Number), max: expect.any(Number), mode: 'enforce' } } },
    });
    expect(await ask(q, { id: unknownOrder() })).toEqual(foreign);
  });

  it('after-sales services', async () => {
    const q = 'query ($id: ID!) { afterSalesService(id: $id) { id status } }';
    const foreign = await ask(q, { id: String(bobsService().afsServiceId) });
    expect(foreign).toEqual({
      status: 200,
      body: {
        data: { afterSalesService: null },
        extensions: { cost: { estimated: expect.any(Number), max: expect.any(Number), mode: 'enforce' } },
      },
    });
    expect(await ask(q, { id: unknownService() })).toEqual(foreign);
    expect(await ask(q, { id: 'abc' })).toEqual(foreign);
  });

  it('exchange quotes', async () => {
    const q = 'query ($o: ID!, $s: ID!) { exchangeQuote(orderId: $o, skuId: $s) { id } }';
    const order = bobsOrder();
    const foreign = await ask(q, { o: order.orderId, s: String(order.itemInfoList[0].skuId) });
    expect((foreign.body as { errors: { extensions: { code: string } }[] }).errors[0].extensions.code).toBe('NOT_FOUND');
    expect(await ask(q, { o: unknownOrder(), s: String(order.itemInfoList[0].skuId) })).toEqual(foreign);
  });

  it('cancelAfterSales answers the documented SERVICE_NOT_FOUND user error for both', async () => {
    const m = 'mutation ($id: ID!) { cancelAfterSales(id: $id) { service { id } userErrors { code field message } } }';
    const foreign = await ask(m, { id: String(bobsService().afsServiceId) });
    expect(foreign).toEqual({
      status: 200,
      body: {
        data: {
          cancelAfterSales: {
            service: null,
            userErrors: [{ code: 'SERVICE_NOT_FOUND', field: ['id'], message: 'No after-sales service with this id.' }],
          },
        },
        extensions: { cost: { estimated: expect.any(Number), max: expect.any(Number), mode: 'enforce' } },
      },
    });
    expect(await ask(m, { id: unknownService() })).toEqual(foreign);
  });
});
