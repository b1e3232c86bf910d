/** Batch price, goods facts, stock, rankings and the sandbox cart over real HTTP. */
import { JD_CATEGORIES, formatFen } from '../../../jd/protocol';
import type { Sandbox } from '../../../jd/sandbox';
import { jos, startTestSandbox, unwrap } from './jos-call';

describe('sandbox catalog methods', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await startTestSandbox();
  });
  afterAll(() => sandbox.stop());

  it('price.get answers J_ ids with fen rendered as JD strings; unknown SKUs are absent', async () => {
    const [a, b] = [...sandbox.data.skus.values()];
    const r = unwrap(await jos(sandbox, 'jingdong.ware.price.get', { sku_id: `J_${a.skuId},J_1,J_${b.skuId}` }), 'jingdong.ware.price.get');
    expect(r.code).toBe('0');
    expect(r.price_changes).toEqual([
      { sku_id: `J_${a.skuId}`, price: formatFen(a.priceFen), market_price: formatFen(a.marketPriceFen) },
      { sku_id: `J_${b.skuId}`, price: formatFen(b.priceFen), market_price: formatFen(b.marketPriceFen) },
    ]);
  });

  it('goods info carries shop, categories and JD-sale flag', async () => {
    const sku = [...sandbox.data.skus.values()].find((s) => s.category.key === 'personalised')!;
    const r = unwrap(
      await jos(sandbox, 'jd.union.open.goods.promotiongoodsinfo.query', { skuIds: `${sku.skuId},42` }),
      'jd.union.open.goods.promotiongoodsinfo.query',
    );
    expect(r.queryResult.code).toBe(200);
    expect(r.queryResult.data).toEqual([
      expect.objectContaining({
        skuId: sku.skuId,
        goodsName: sku.name,
        unitPrice: formatFen(sku.priceFen),
        shopId: sku.shopId,
        cid: JD_CATEGORIES.personalised,
        imgUrl: expect.stringMatching(/^https:\/\/img\d+\.360buyimg\.com\//),
        isJdSale: expect.any(Number),
      }),
    ]);
  });

  it('stock reports 33 in stock and 34 out of stock', async () => {
    const skus = [...sandbox.data.skus.values()];
    const out = skus.find((s) => s.stock === 0)!;
    const inStock = skus.find((s) => s.stock > 0)!;
    const r = unwrap(
      await jos(sandbox, 'jingdong.ware.stock.batch.get', { skuIds: `${out.skuId},${inStock.skuId}` }),
      'jingdong.ware.stock.batch.get',
    );
    expect(r.stockList).toEqual([
      { skuId: out.skuId, stockStateId: 34, stockStateDesc: '无货', remainNum: 0 },
      { skuId: inStock.skuId, stockStateId: 33, stockStateDesc: '有货', remainNum: inStock.stock },
    ]);
  });

  it("rank: a shop's bestsellers with shopId (≥ 30 for the biggest shop), else the platform's (≥ 60)", async () => {
    const bigShop = sandbox.data.shops[0];
    const shop = unwrap(
      await jos(sandbox, 'jd.union.open.goods.rank.query', { shopId: bigShop.shopId, pageSize: 100 }),
      'jd.union.open.goods.rank.query',
    ).queryResult.data;
    expect(shop.length).toBeGreaterThanOrEqual(30);
    expect(shop.every((e: { skuId: number }) => sandbox.data.skus.get(e.skuId)!.shopId === bigShop.shopId)).toBe(true);
    expect(shop.map((e: { rank: number }) => e.rank)).toEqual(shop.map((_: unknown, i: number) => i + 1));
    const platform = unwrap(await jos(sandbox, 'jd.union.open.goods.rank.query', { pageSize: 100 }), 'jd.union.open.goods.rank.query')
      .queryResult.data;
    expect(platform.length).toBeGreaterThanOrEqual(60);
    expect(new Set(platform.map((e: { skuId: number }) => sandbox.data.skus.get(e.skuId)!.shopId)).size).toBeGreaterThan(1);
    const defaultPage = unwrap(await jos(sandbox, 'jd.union.open.goods.rank.query', {}), 'jd.union.open.goods.rank.query').queryResult.data;
    expect(defaultPage).toEqual(platform.slice(0, 20));
    expect(
      unwrap(await jos(sandbox, 'jd.union.open.goods.rank.query', { shopId: 1 }), 'jd.union.open.goods.rank.query').queryResult.data,
    ).toEqual([]);
  });

  it('cart (sandbox extension) per customerPin; unknown customers have an empty cart', async () => {
    const r = unwrap(await jos(sandbox, 'jd.sandbox.cart.get', { customerPin: 'jd_demo_bob' }), 'jd.sandbox.cart.get');
    expect(r.cartItems).toEqual(sandbox.data.carts.get('jd_demo_bob'));
    expect(r.cartItems).toHaveLength(3);
    expect(unwrap(await jos(sandbox, 'jd.sandbox.cart.get', { customerPin: 'nobody' }), 'jd.sandbox.cart.get').cartItems).toEqual([]);
  });
});
