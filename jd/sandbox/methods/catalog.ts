/** Batch catalog reads (price, goods facts, stock, rankings) and the sandbox cart extension. */
import {
  JD_STOCK_IN_STOCK,
  JD_STOCK_OUT_OF_STOCK,
  type JdCartGetResult,
  type JdGoodsInfoResult,
  type JdPriceGetResult,
  type JdRankQueryResult,
  type JdStockGetResult,
  JD_MAX_BATCH,
  formatFen,
} from '../../protocol';
import type { SandboxData, SandboxSku } from '../data/types';
import { optionalInt, requireIdList, requireString } from '../router/business-params';
import type { MethodHandler } from './types';

const J_SKU = /^J_(\d{1,20})$/;
const PLAIN_SKU = /^(\d{1,20})$/;

function knownSkus(data: SandboxData, ids: string[]): SandboxSku[] {
  return ids.map((id) => data.skus.get(Number(id))).filter((s): s is SandboxSku => s !== undefined);
}

/** `J_`-prefixed SKUs; unknown ones are absent from price_changes. */
export const priceGet: MethodHandler = (p, { data }) => {
  const ids = requireIdList(p, 'sku_id', J_SKU);
  const result: JdPriceGetResult = {
    code: '0',
    price_changes: knownSkus(data, ids).map((s) => ({
      sku_id: `J_${s.skuId}`,
      price: formatFen(s.priceFen),
      market_price: formatFen(s.marketPriceFen),
    })),
  };
  return { result, batchSize: ids.length };
};

export const goodsInfo: MethodHandler = (p, { data }) => {
  const ids = requireIdList(p, 'skuIds', PLAIN_SKU);
  const shopName = new Map(data.shops.map((s) => [s.shopId, s]));
  const result: JdGoodsInfoResult = {
    code: '0',
    queryResult: {
      code: 200,
      message: 'success',
      data: knownSkus(data, ids).map((s) => {
        const shop = shopName.get(s.shopId)!;
        const c = s.category;
        return {
          skuId: s.skuId,
          goodsName: s.name,
          unitPrice: formatFen(s.priceFen),
          imgUrl: s.imgUrl,
          materialUrl: `https://item.jd.com/${s.skuId}.html`,
          shopId: s.shopId,
          shopName: shop.shopName,
          cid: c.cid1,
          cidName: c.cid1Name,
          cid2: c.cid2,
          cid2Name: c.cid2Name,
          cid3: c.cid3,
          cid3Name: c.cid3Name,
          isJdSale: shop.isJdSelf,
        };
      }),
    },
  };
  return { result, batchSize: ids.length };
};

export const stockGet: MethodHandler = (p, { data }) => {
  const ids = requireIdList(p, 'skuIds', PLAIN_SKU);
  const result: JdStockGetResult = {
    code: '0',
    stockList: knownSkus(data, ids).map((s) => ({
      skuId: s.skuId,
      stockStateId: s.stock > 0 ? JD_STOCK_IN_STOCK : JD_STOCK_OUT_OF_STOCK,
      stockStateDesc: s.stock > 0 ? '有货' : '无货',
      remainNum: s.stock,
    })),
  };
  return { result, batchSize: ids.length };
};

/** A shop's bestsellers with shopId (unknown shop: empty), else the platform's. */
export const rankQuery: MethodHandler = (p, { data }) => {
  const pageSize = optionalInt(p, 'pageSize', 1, JD_MAX_BATCH, 20);
  const hasShop = p.shopId !== undefined && p.shopId !== null && p.shopId !== '';
  const ranked = hasShop
    ? (data.shopBestsellers.get(optionalInt(p, 'shopId', 1, Number.MAX_SAFE_INTEGER, 0)) ?? [])
    : data.platformBestsellers;
  const result: JdRankQueryResult = {
    code: '0',
    queryResult: { code: 200, message: 'success', data: ranked.slice(0, pageSize).map((skuId, i) => ({ skuId, rank: i + 1 })) },
  };
  return { result };
};

/** SANDBOX EXTENSION: a customer's cart; an unknown customer has an empty cart. */
export const cartGet: MethodHandler = (p, { data }) => {
  const pin = requireString(p, 'customerPin');
  const result: JdCartGetResult = { code: '0', cartItems: (data.carts.get(pin) ?? []).map((l) => ({ ...l })) };
  return { result };
};
