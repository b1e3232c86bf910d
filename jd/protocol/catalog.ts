/** Batch catalog reads (≤ 100 SKUs a call): prices, goods facts, stock, rankings, and the sandbox cart. */

export interface JdPriceGetParams {
  /** Comma-separated `J_<skuId>` list, ≤ 100. */
  sku_id: string;
}
export interface JdPriceGetResult {
  code: string;
  /** Unknown SKUs are simply absent. */
  price_changes: { sku_id: string; price: string; market_price: string }[];
}

/** Category ids (cid1) the sandbox uses; returns policy keys off them. */
export const JD_CATEGORIES = {
  electronics: 652,
  home: 1620,
  apparel: 1315,
  books: 1713,
  beauty: 1316,
  /** Made to the customer's order (engraved, printed): not returnable. */
  personalised: 9855,
  /** Delivered as a download or code: not returnable. */
  digital: 4938,
} as const;

export interface JdGoodsInfo {
  skuId: number;
  goodsName: string;
  /** List price, "199.00". */
  unitPrice: string;
  imgUrl: string;
  materialUrl: string;
  shopId: number;
  shopName: string;
  cid: number;
  cidName: string;
  cid2: number;
  cid2Name: string;
  cid3: number;
  cid3Name: string;
  /** 1 when JD itself sells it (自营). */
  isJdSale: 0 | 1;
}
export interface JdGoodsInfoParams {
  /** Comma-separated SKU ids, ≤ 100. */
  skuIds: string;
}
export interface JdGoodsInfoResult {
  code: string;
  /** Unknown SKUs are absent from data. */
  queryResult: { code: number; message: string; data: JdGoodsInfo[] };
}

export const JD_STOCK_IN_STOCK = 33;
export const JD_STOCK_OUT_OF_STOCK = 34;
export interface JdStockGetParams {
  /** Comma-separated SKU ids, ≤ 100. */
  skuIds: string;
}
export interface JdStockGetResult {
  code: string;
  stockList: { skuId: number; stockStateId: number; stockStateDesc: string; remainNum: number }[];
}

export interface JdRankQueryParams {
  /** A shop's bestsellers; omit for the platform's. */
  shopId?: number;
  /** ≤ 100. */
  pageSize?: number;
}
export interface JdRankQueryResult {
  code: string;
  queryResult: { code: number; message: string; data: { skuId: number; rank: number }[] };
}

/** SANDBOX EXTENSION: JD publishes no cart API. */
export interface JdCartGetParams {
  customerPin: string;
}
export interface JdCartGetResult {
  code: string;
  cartItems: { skuId: number; quantity: number; addedAt: string }[];
}
