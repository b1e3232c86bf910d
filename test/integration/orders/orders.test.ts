/** The orders subgraph against the in-process JD sandbox through the real client and loaders. */
import type { Identity } from '../../../subgraphs/kit';
import { parseFen } from '../../../jd/protocol';
import { statusFromJd } from '../../../subgraphs/orders/order/order-status';
import { startOrdersHarness, type OrdersHarness } from './harness';

const alice: Identity = { kind: 'customer', pin: 'jd_demo_alice' };
const bob: Identity = { kind: 'customer', pin: 'jd_demo_bob' };

const ORDER_FIELDS = `
  id status jdOrderState placedAt paidAt receivedAt plusMember
  total { amount currency minorUnits } payment { amount currency minorUnits }
  freight { amount currency minorUnits } discount { amount currency minorUnits }
  items { product { skuId name } quantity unitPrice { amount currency minorUnits } lineTotal { amount currency minorUnits } }
  shop { id name }
  shipTo { recipientName phone countryCode region }
`;

interface MoneyOut {
  amount: string;
  currency: string;
  minorUnits: number;
}
interface OrderOut {
  id: string;
  status: string;
  jdOrderState: string;
  placedAt: string;
  paidAt: string | null;
  receivedAt: string | null;
  plusMember: boolean;
  total: MoneyOut;
  payment: MoneyOut;
  freight: MoneyOut;
  discount: MoneyOut;
  items: { product: { skuId: string; name: string | null }; quantity: number; unitPrice: MoneyOut; lineTotal: MoneyOut }[];
  shop: { id: string; name: string | null };
  shipTo: { recipientName: string; phone: string; countryCode: string; region: string };
}
interface Page {
  edges: { cursor: string; node: { id: string; status: string } }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const ENTITIES =
  'query($r: [_Any!]!) { _entities(representations: $r) { ... on Order { id status } ... on Product { skuId name } ... on Shop { id name } } }';

describe('orders subgraph on the JD sandbox', () => {
  let h: OrdersHarness;
  beforeAll(async () => {
    h = await startOrdersHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.freshCache());

  const methods = () => h.calls.map((c) => c.method);

  describe('every field of an order', () => {
    it("maps each of Alice's orders exactly from what JD holds", async () => {
      const jdOrders = h.ordersOf('jd_demo_alice');
      expect(jdOrders.length).toBeGreaterThanOrEqual(5);
      const res = await h.execute<{ orders: { edges: { node: OrderOut }[] } }>(
        `{ orders(first: 100) { edges { node { ${ORDER_FIELDS} } } } }`,
        {},
        alice,
      );
      expect(res.errors).toBeUndefined();
      const nodes = res.data!.orders.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id).sort()).toEqual(jdOrders.map((o) => o.orderId).sort());

      for (const node of nodes) {
        const jd = jdOrders.find((o) => o.orderId === node.id)!;
        expect(node.status).toBe(statusFromJd(jd.orderState));
        expect(node.jdOrderState).toBe(jd.orderState);
        expect(node.placedAt).toBe(jd.orderStartTime.replace(' ', 'T') + '+08:00');
        expect(node.paidAt).toBe(jd.paymentConfirmTime ? jd.paymentConfirmTime.replace(' ', 'T') + '+08:00' : null);
        expect(node.receivedAt).toBe(
          jd.orderState === 'FINISHED_L' && jd.orderEndTime ? jd.orderEndTime.replace(' ', 'T') + '+08:00' : null,
        );
        for (const [field, jdField] of [
          ['total', 'orderTotalPrice'],
          ['payment', 'orderPayment'],
          ['freight', 'freightPrice'],
          ['discount', 'sellerDiscount'],
        ] as const) {
          expect(node[field]).toEqual({
            amount: (parseFen(jd[jdField]) / 100).toFixed(2),
            currency: 'CNY',
            minorUnits: parseFen(jd[jdField]),
          });
        }
        expect(node.items).toHaveLength(jd.itemInfoList.length);
        node.items.forEach((item, i) => {
          const line = jd.itemInfoList[i];
          expect(item.product).toEqual({ skuId: String(line.skuId), name: line.skuName });
          expect(item.quantity).toBe(Number(line.itemTotal));
          expect(item.unitPrice.minorUnits).toBe(parseFen(line.jdPrice));
          expect(item.lineTotal.minorUnits).toBe(parseFen(line.jdPrice) * Number(line.itemTotal));
        });
        expect(node.shop.id).toBe(String(jd.venderId));
        expect(typeof node.shop.name).toBe('string');
        expect(node.plusMember).toBe(jd.plusMember);
        expect(node.shipTo.countryCode).toBe(jd.consigneeInfo.countryCode);
        expect(node.shipTo.recipientName).toBe('A** Chen');
        // Alice ships to the US: a foreign number keeps only its last 4 digits.
        expect(node.shipTo.phone).toMatch(/^\+?\*+\d{4}$/);
        // Nothing unmasked leaves the subgraph.
        const json = JSON.stringify(node);
        for (const pii of [jd.consigneeInfo.fullname, jd.consigneeInfo.mobile, jd.consigneeInfo.fullAddress].filter(Boolean))
          expect(json).not.toContain(pii);
      }
      // One search page, goods facts for shop names in ≤ 100-SKU batches, no order.get (search seeded the loader).
      expect(methods().filter((m) => m === 'jingdong.pop.order.search')).toHaveLength(1);
      expect(methods()).not.toContain('jingdong.pop.order.get');
    });

    it('covers several order states, unpaid-or-unreceived nulls and the Plus flag', async () => {
      const states = new Set(h.ordersOf('jd_demo_alice').map((o) => o.orderState));
      expect(states.size).toBeGreaterThanOrEqual(3);
      const bobs = h.ordersOf('jd_demo_bob');
      const res = await h.execute<{ order: OrderOut }>(
        `query($id: ID!) { order(id: $id) { plusMember shipTo { recipientName countryCode } } }`,
        { id: bobs[0].orderId },
        bob,
      );
      expect(res.data!.order).toEqual({ plusMember: true, shipTo: { recipientName: '王*', countryCode: 'CN' } });
    });
  });

  describe('ownership', () => {
    it("Alice cannot see Bob's order through order(id): null, no error, same as a missing id", async () => {
      const bobsId = h.ordersOf('jd_demo_bob')[0].orderId;
      const theirs = await h.execute(`query($id: ID!) { order(id: $id) { id } }`, { id: bobsId }, alice);
      const missing = await h.execute(`query($id: ID!) { order(id: $id) { id } }`, { id: '999999999999' }, alice);
      expect(theirs).toEqual(missing);
      expect(theirs.data).toEqual({ order: null });
      expect(theirs.errors).toBeUndefined();
      const own = await h.execute<{ order: { id: string } }>(`query($id: ID!) { order(id: $id) { id } }`, { id: bobsId }, bob);
      expect(own.data!.order.id).toBe(bobsId);
    });

    it("Alice cannot see Bob's order through _entities either", async () => {
      const bobsId = h.ordersOf('jd_demo_bob')[0].orderId;
      const alicesId = h.ordersOf('jd_demo_alice')[0].orderId;
      const res = await h.execute(
        ENTITIES,
        {
          r: [
            { __typename: 'Order', id: bobsId },
            { __typename: 'Order', id: alicesId },
          ],
        },
        alice,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({ _entities: [null, { id: alicesId, status: expect.any(String) }] });
    });

    it("lists only the caller's own orders", async () => {
      const res = await h.execute<{ orders: Page }>('{ orders(first: 100) { totalCount edges { node { id } } } }', {}, bob);
      expect(res.data!.orders.totalCount).toBe(h.ordersOf('jd_demo_bob').length);
      expect(res.data!.orders.edges.map((e) => e.node.id).sort()).toEqual(
        h
          .ordersOf('jd_demo_bob')
          .map((o) => o.orderId)
          .sort(),
      );
      const search = h.calls.find((c) => c.method === 'jingdong.pop.order.search')!;
      expect(search.params.pin).toBe('jd_demo_bob');
    });

    it('anonymous callers get UNAUTHENTICATED, partners FORBIDDEN, and JD is not called', async () => {
      const q = `{ orders { totalCount } }`;
      const anon = await h.execute(q, {}, { kind: 'anonymous' });
      expect(anon.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const partner = await h.execute(
        `query($id: ID!) { order(id: $id) { id } }`,
        { id: h.ordersOf('jd_demo_alice')[0].orderId },
        { kind: 'partner', partnerId: 'acme', scopes: ['orders:read'] },
      );
      expect(partner.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const entities = await h.execute(
        ENTITIES,
        { r: [{ __typename: 'Order', id: h.ordersOf('jd_demo_alice')[0].orderId }] },
        { kind: 'anonymous' },
      );
      expect(entities.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(h.calls).toEqual([]);
    });
  });

  describe('paging', () => {
    it('walks all pages with opaque cursors, one exact JD page per graph page', async () => {
      const all = h.ordersOf('jd_demo_alice');
      const seen: string[] = [];
      let after: string | null = null;
      let pages = 0;
      for (;;) {
        const res: { data?: { orders: Page } | null; errors?: unknown } = await h.execute<{ orders: Page }>(
          'query($after: String) { orders(first: 4, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }',
          { after },
          alice,
        );
        expect(res.errors).toBeUndefined();
        const page: Page = res.data!.orders;
        expect(page.totalCount).toBe(all.length);
        expect(page.pageInfo.endCursor).toBe(page.edges[page.edges.length - 1].cursor);
        seen.push(...page.edges.map((e) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(Math.ceil(all.length / 4));
      expect(new Set(seen).size).toBe(all.length);
      expect(seen.sort()).toEqual(all.map((o) => o.orderId).sort());
      const searches = h.calls
        .filter((c) => c.method === 'jingdong.pop.order.search')
        .map((c) => [c.params.page, c.params.page_size, c.params.pin]);
      expect(searches).toEqual(Array.from({ length: pages }, (_, i) => [String(i + 1), '4', 'jd_demo_alice']));
    });

    it('filters by status through JD order_state', async () => {
      const completed = h.ordersOf('jd_demo_alice').filter((o) => o.orderState === 'FINISHED_L');
      const res = await h.execute<{ orders: Page }>(
        '{ orders(first: 100, status: COMPLETED) { totalCount edges { node { id status } } } }',
        {},
        alice,
      );
      expect(res.data!.orders.totalCount).toBe(completed.length);
      expect(res.data!.orders.edges.every((e) => e.node.status === 'COMPLETED')).toBe(true);
      expect(h.calls.find((c) => c.method === 'jingdong.pop.order.search')!.params.order_state).toBe('FINISHED_L');
    });

    it.each([
      ['first over JD page size', '{ orders(first: 101) { totalCount } }'],
      ['first zero', '{ orders(first: 0) { totalCount } }'],
      ['a cursor it did not issue', '{ orders(after: "b3JkZXJzOnYxOmFiYzo") { totalCount } }'],
      ['UNKNOWN as a filter', '{ orders(status: UNKNOWN) { totalCount } }'],
    ])('answers BAD_USER_INPUT for %s, without calling JD', async (_why, query) => {
      const res = await h.execute(query, {}, alice);
      expect(res.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(h.calls).toEqual([]);
    });

    it('rejects a non-enum status at validation', async () => {
      const res = await h.execute('{ orders(status: SHIPPING) { totalCount } }', {}, alice);
      expect(res.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    });
  });

  describe('_entities', () => {
    it('resolves 50 Order representations with exactly 50 jingdong.pop.order.get calls and no search', async () => {
      const alices = h.ordersOf('jd_demo_alice').map((o) => o.orderId);
      const others = [...h.sandbox.data.orders.values()]
        .filter((o) => o.pin !== 'jd_demo_alice')
        .map((o) => o.orderId)
        .slice(0, 50 - alices.length);
      const ids = [...alices, ...others];
      expect(new Set(ids).size).toBe(50);
      // 50 distinct ids plus 10 duplicates: the duplicates must not reach JD.
      const reps = [...ids, ...ids.slice(0, 10)].map((id) => ({ __typename: 'Order', id }));
      const res = await h.execute<{ _entities: ({ id: string } | null)[] }>(ENTITIES, { r: reps }, alice);
      expect(res.errors).toBeUndefined();
      expect(res.data!._entities).toHaveLength(60);
      res.data!._entities.forEach((entity, i) => {
        const id = reps[i].id;
        expect(entity).toEqual(alices.includes(id) ? { id, status: expect.any(String) } : null);
      });
      expect(methods()).toEqual(Array(50).fill('jingdong.pop.order.get'));
      expect(h.calls.map((c) => c.params.order_id).sort()).toEqual([...ids].sort());
      // The sandbox saw the same: 50 order.get calls, nothing else.
      const stats = h.sandbox.stats.snapshot();
      expect(stats.total).toBe(50);
      expect(stats.methods['jingdong.pop.order.get'].calls).toBe(50);
    });

    it('serves the same 50 from the cache on the next request', async () => {
      const ids = h.ordersOf('jd_demo_alice').map((o) => o.orderId);
      const reps = ids.map((id) => ({ __typename: 'Order', id }));
      await h.execute(ENTITIES, { r: reps }, alice);
      const first = h.calls.length;
      await h.execute(ENTITIES, { r: reps }, alice);
      expect(first).toBe(ids.length);
      expect(h.calls.length).toBe(first);
    });

    it('resolves Product and Shop references', async () => {
      const line = h.ordersOf('jd_demo_alice')[0].itemInfoList[0];
      const res = await h.execute(
        ENTITIES,
        {
          r: [
            { __typename: 'Product', skuId: String(line.skuId) },
            { __typename: 'Shop', id: '1' },
          ],
        },
        alice,
      );
      expect(res.errors).toBeUndefined();
      expect(res.data).toEqual({
        _entities: [
          { skuId: String(line.skuId), name: expect.any(String) },
          { id: '1', name: null },
        ],
      });
      expect(methods()).toEqual(['jd.union.open.goods.promotiongoodsinfo.query']);
    });
  });

  describe('JD failures', () => {
    const query = 'query($id: ID!) { order(id: $id) { id } }';

    it("answers UPSTREAM_UNAVAILABLE in the caller's language when JD is down", async () => {
      h.sandbox.faults.set({ 'jingdong.pop.order.get': { errorRate: 1, errorCode: '66', times: 2 } });
      const id = h.ordersOf('jd_demo_alice')[0].orderId;
      const en = await h.execute(query, { id }, alice);
      expect(en.data).toEqual({ order: null });
      expect(en.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^Backend unavailable/),
        path: ['order'],
        extensions: { code: 'UPSTREAM_UNAVAILABLE', jdMethod: 'jingdong.pop.order.get' },
      });
      const zh = await h.execute(query, { id }, alice, { 'accept-language': 'zh-CN,zh;q=0.9' });
      expect(zh.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/^平台连接后端服务不可用/),
        extensions: { code: 'UPSTREAM_UNAVAILABLE' },
      });
      // Not cached: once JD recovers the same order loads.
      const ok = await h.execute<{ order: { id: string } }>(query, { id }, alice);
      expect(ok.data!.order.id).toBe(id);
    });

    it("answers UPSTREAM_REJECTED with JD's code when JD refuses the search", async () => {
      h.sandbox.faults.set({ 'jingdong.pop.order.search': { errorRate: 1, errorCode: '24', times: 1 } });
      const res = await h.execute('{ orders { totalCount } }', {}, alice);
      expect(res.errors?.[0].extensions).toMatchObject({ code: 'UPSTREAM_REJECTED', jdCode: '24', jdMethod: 'jingdong.pop.order.search' });
    });
  });
});
