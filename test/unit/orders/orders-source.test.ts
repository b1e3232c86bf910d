import { GraphQLError } from 'graphql';
import type { Identity } from '../../../subgraphs/kit';
import { OrdersSource } from '../../../subgraphs/orders/data/orders.source';
import { OrderStatus } from '../../../subgraphs/orders/order/order-status';
import { parseOrdersArgs } from '../../../subgraphs/orders/order/orders.args';
import { fakeJd, jdOrder } from './fake-jd';

const alice: Identity = { kind: 'customer', pin: 'jd_demo_alice' };
const bob: Identity = { kind: 'customer', pin: 'jd_demo_bob' };

// 25 of Alice's orders interleaved with 5 of Bob's; every fifth of Alice's is SHIPPED.
const orders = [
  ...Array.from({ length: 25 }, (_, i) =>
    jdOrder({ orderId: String(1000 + i), orderState: i % 5 === 0 ? 'WAIT_GOODS_RECEIVE_CONFIRM' : 'FINISHED_L' }),
  ),
  ...Array.from({ length: 5 }, (_, i) => jdOrder({ orderId: String(2000 + i), pin: 'jd_demo_bob' })),
];

function source(identity: Identity, fail?: unknown) {
  const jd = fakeJd(orders, [], fail);
  return { src: new OrdersSource({ identity, language: 'en' }, jd.factory), rec: jd.rec };
}

const codeOf = async (p: Promise<unknown>) => {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(GraphQLError);
  return (err as GraphQLError).extensions.code;
};

describe('OrdersSource.order (ownership)', () => {
  it("returns the caller's own order, loaded through the order loader with the caller's pin", async () => {
    const { src, rec } = source(alice);
    expect((await src.order('1003'))?.id).toBe('1003');
    expect(rec.orderBatches).toEqual([['1003']]);
    expect(rec.pinsSeen).toEqual(['jd_demo_alice']);
  });

  it("answers null for someone else's order exactly as for a missing one", async () => {
    const { src } = source(alice);
    expect(await src.order('2001')).toBeNull();
    expect(await src.order('999999')).toBeNull();
    const { src: asBob } = source(bob);
    expect((await asBob.order('2001'))?.id).toBe('2001');
    expect(await asBob.order('1001')).toBeNull();
  });

  it('spares JD ids that cannot be JD order ids', async () => {
    const { src, rec } = source(alice);
    expect(await src.order('1001 OR 1=1')).toBeNull();
    expect(rec.orderBatches).toEqual([]);
  });

  it('collapses duplicate ids in one request into one JD key', async () => {
    const { src, rec } = source(alice);
    await Promise.all([src.order('1001'), src.order('1001'), src.order('1002')]);
    expect(rec.orderBatches).toEqual([['1001', '1002']]);
  });

  it('refuses anonymous callers (UNAUTHENTICATED) and partners (FORBIDDEN) before any JD call', async () => {
    const anon = source({ kind: 'anonymous' });
    expect(await codeOf(anon.src.order('1001'))).toBe('UNAUTHENTICATED');
    const partner = source({ kind: 'partner', partnerId: 'acme', scopes: ['orders:read'] });
    expect(await codeOf(partner.src.order('1001'))).toBe('FORBIDDEN');
    expect(await codeOf(partner.src.orders(parseOrdersArgs({})))).toBe('FORBIDDEN');
    expect([...anon.rec.orderBatches, ...partner.rec.orderBatches, ...partner.rec.searches]).toEqual([]);
  });

  it('translates JD failures into coded errors', async () => {
    const jdError = {
      name: 'JdApiError',
      code: '15',
      retryable: false,
      zhDesc: '参数错误',
      enDesc: 'Invalid parameter',
      method: 'jingdong.pop.order.get',
      kind: 'api',
    };
    const { src } = source(alice, jdError);
    const err = await src.order('1001').catch((e: GraphQLError) => e);
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', jdCode: '15', jdMethod: 'jingdong.pop.order.get' });
    const transient = source(alice, { ...jdError, retryable: true, kind: 'timeout' });
    expect(await codeOf(transient.src.orders(parseOrdersArgs({})))).toBe('UPSTREAM_UNAVAILABLE');
  });
});

describe('OrdersSource.orders (connection over jingdong.pop.order.search)', () => {
  it("pages through all of the caller's orders with opaque cursors and exact JD pages", async () => {
    const { src, rec } = source(alice);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page = await src.orders(parseOrdersArgs({ first: 10, after }));
      expect(page.totalCount).toBe(25);
      seen.push(...page.edges.map((e) => e.node.id));
      pages += 1;
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(pages).toBe(3);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => String(1000 + i)));
    expect(rec.searches).toEqual([
      { page: '1', page_size: '10' },
      { page: '2', page_size: '10' },
      { page: '3', page_size: '10' },
    ]);
  });

  it('continues from any edge cursor, even when that needs two JD pages of 100', async () => {
    const { src, rec } = source(alice);
    const first = await src.orders(parseOrdersArgs({ first: 7 }));
    const next = await src.orders(parseOrdersArgs({ first: 10, after: first.edges[6].cursor }));
    expect(next.edges.map((e) => e.node.id)).toEqual(Array.from({ length: 10 }, (_, i) => String(1007 + i)));
    expect(rec.searches[1]).toEqual({ page: '1', page_size: '100' });
  });

  it('filters by status through JD order_state and keeps the filter in its cursors', async () => {
    const { src, rec } = source(alice);
    const page = await src.orders(parseOrdersArgs({ first: 2, status: OrderStatus.SHIPPED }));
    expect(rec.searches[0]).toEqual({ page: '1', page_size: '2', order_state: 'WAIT_GOODS_RECEIVE_CONFIRM' });
    expect(page.totalCount).toBe(5);
    expect(page.edges.map((e) => e.node.status)).toEqual([OrderStatus.SHIPPED, OrderStatus.SHIPPED]);
    expect(() => parseOrdersArgs({ first: 2, after: page.pageInfo.endCursor })).toThrow(/different "status"/);
  });

  it('seeds the order loader, so reading a listed order costs no further JD call', async () => {
    const { src, rec } = source(alice);
    await src.orders(parseOrdersArgs({ first: 3 }));
    expect((await src.order('1002'))?.id).toBe('1002');
    expect(rec.orderBatches).toEqual([]);
  });

  it('answers an empty page past the end', async () => {
    const { src } = source(alice);
    const page = await src.orders({ offset: 40, first: 10, filter: '' });
    expect(page.edges).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
  });
});

describe('parseOrdersArgs', () => {
  const bad = (args: Parameters<typeof parseOrdersArgs>[0]) => {
    try {
      parseOrdersArgs(args);
    } catch (e) {
      return (e as GraphQLError).extensions;
    }
    throw new Error('expected BAD_USER_INPUT');
  };

  it('defaults to 10 from the start', () => {
    expect(parseOrdersArgs({})).toEqual({ offset: 0, first: 10, filter: '', jdStates: undefined });
    expect(parseOrdersArgs({ first: null })).toMatchObject({ first: 10 });
  });

  it.each([[0], [-1], [101], [1.5]])('refuses first = %p with BAD_USER_INPUT', (first) => {
    expect(bad({ first })).toEqual({ code: 'BAD_USER_INPUT', field: ['first'] });
  });

  it('refuses a cursor it did not issue', () => {
    expect(bad({ after: 'bm9wZQ' })).toEqual({ code: 'BAD_USER_INPUT', field: ['after'] });
  });

  it('refuses UNKNOWN as a filter (JD has no state for it)', () => {
    expect(bad({ status: OrderStatus.UNKNOWN })).toEqual({ code: 'BAD_USER_INPUT', field: ['status'] });
  });
});
