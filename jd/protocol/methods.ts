/**
 * The JD Open Platform methods this project speaks, and their business-parameter and result shapes.
 * Shared by jd/client, jd/loaders and jd/sandbox: it is the protocol, not an implementation.
 * Where JD publishes no shape, the choice is a documented assumption (see each comment).
 */
import type { JdOrderGetParams, JdOrderGetResult, JdOrderSearchParams, JdOrderSearchResult } from './orders';
import type {
  JdAfsApplyCreateParams,
  JdAfsApplyCreateResult,
  JdAfsOrderGetParams,
  JdAfsOrderGetResult,
  JdAfsServiceIdParams,
  JdAfsDetailResult,
  JdAfsScheduleResult,
  JdAfsCancelParams,
  JdAfsCancelResult,
} from './after-sales';
import type {
  JdPriceGetParams,
  JdPriceGetResult,
  JdGoodsInfoParams,
  JdGoodsInfoResult,
  JdStockGetParams,
  JdStockGetResult,
  JdRankQueryParams,
  JdRankQueryResult,
  JdCartGetParams,
  JdCartGetResult,
} from './catalog';

export const JD_METHODS = {
  orderGet: 'jingdong.pop.order.get',
  orderSearch: 'jingdong.pop.order.search',
  afsApplyCreate: 'jingdong.afsservice.apply.create',
  afsOrderGet: 'jingdong.afsservice.order.get',
  afsDetailGet: 'jingdong.afsservice.service.detail.get',
  afsScheduleGet: 'jingdong.afsservice.service.schedule.get',
  afsCancel: 'jingdong.afsservice.service.cancel',
  priceGet: 'jingdong.ware.price.get',
  // Assumption: JD Union's batch goods-info query stands in for "product facts, ≤100 SKUs a call".
  goodsInfo: 'jd.union.open.goods.promotiongoodsinfo.query',
  // Assumption: modelled on VOP's batch stock query (stockStateId 33 = in stock, 34 = out of stock).
  stockGet: 'jingdong.ware.stock.batch.get',
  // Assumption: modelled on JD Union's rank query; with shopId it ranks that shop, without it the platform.
  rankQuery: 'jd.union.open.goods.rank.query',
  // SANDBOX EXTENSION: JD publishes no cart API. Production must supply its own cart source.
  cartGet: 'jd.sandbox.cart.get',
} as const;

export type JdMethodName = (typeof JD_METHODS)[keyof typeof JD_METHODS];

/** Business parameters (the JSON in `360buy_param_json`) per method. */
export interface JdParamsByMethod {
  'jingdong.pop.order.get': JdOrderGetParams;
  'jingdong.pop.order.search': JdOrderSearchParams;
  'jingdong.afsservice.apply.create': JdAfsApplyCreateParams;
  'jingdong.afsservice.order.get': JdAfsOrderGetParams;
  'jingdong.afsservice.service.detail.get': JdAfsServiceIdParams;
  'jingdong.afsservice.service.schedule.get': JdAfsServiceIdParams;
  'jingdong.afsservice.service.cancel': JdAfsCancelParams;
  'jingdong.ware.price.get': JdPriceGetParams;
  'jd.union.open.goods.promotiongoodsinfo.query': JdGoodsInfoParams;
  'jingdong.ware.stock.batch.get': JdStockGetParams;
  'jd.union.open.goods.rank.query': JdRankQueryParams;
  'jd.sandbox.cart.get': JdCartGetParams;
}

/** The object inside `<method_with_underscores>_responce`, per method. */
export interface JdResultByMethod {
  'jingdong.pop.order.get': JdOrderGetResult;
  'jingdong.pop.order.search': JdOrderSearchResult;
  'jingdong.afsservice.apply.create': JdAfsApplyCreateResult;
  'jingdong.afsservice.order.get': JdAfsOrderGetResult;
  'jingdong.afsservice.service.detail.get': JdAfsDetailResult;
  'jingdong.afsservice.service.schedule.get': JdAfsScheduleResult;
  'jingdong.afsservice.service.cancel': JdAfsCancelResult;
  'jingdong.ware.price.get': JdPriceGetResult;
  'jd.union.open.goods.promotiongoodsinfo.query': JdGoodsInfoResult;
  'jingdong.ware.stock.batch.get': JdStockGetResult;
  'jd.union.open.goods.rank.query': JdRankQueryResult;
  'jd.sandbox.cart.get': JdCartGetResult;
}

/** Writes are never retried blindly; everything else is a read. */
export const JD_WRITE_METHODS: ReadonlySet<JdMethodName> = new Set<JdMethodName>([JD_METHODS.afsApplyCreate, JD_METHODS.afsCancel]);

/** JD's batch APIs accept at most this many SKUs a call; more earns error 61. */
export const JD_MAX_BATCH = 100;

/** `jingdong.pop.order.search` page_size ceiling. */
export const JD_MAX_PAGE_SIZE = 100;

/** `jingdong.ware.price.get` -> `jingdong_ware_price_get_responce`. JD's own spelling. */
export function responseKey(method: string): string {
  return `${method.replace(/\./g, '_')}_responce`;
}
