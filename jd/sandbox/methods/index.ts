/** The method table: every name in JD_METHODS has a handler (the type makes a missing one a compile error). */
import { JD_METHODS, type JdMethodName } from '../../protocol';
import { afsApplyCreate, afsCancel, afsDetailGet, afsOrderGet, afsScheduleGet } from './after-sales';
import { cartGet, goodsInfo, priceGet, rankQuery, stockGet } from './catalog';
import { orderGet, orderSearch } from './orders';
import type { MethodHandler } from './types';

export const METHOD_HANDLERS: Record<JdMethodName, MethodHandler> = {
  [JD_METHODS.orderGet]: orderGet,
  [JD_METHODS.orderSearch]: orderSearch,
  [JD_METHODS.afsApplyCreate]: afsApplyCreate,
  [JD_METHODS.afsOrderGet]: afsOrderGet,
  [JD_METHODS.afsDetailGet]: afsDetailGet,
  [JD_METHODS.afsScheduleGet]: afsScheduleGet,
  [JD_METHODS.afsCancel]: afsCancel,
  [JD_METHODS.priceGet]: priceGet,
  [JD_METHODS.goodsInfo]: goodsInfo,
  [JD_METHODS.stockGet]: stockGet,
  [JD_METHODS.rankQuery]: rankQuery,
  [JD_METHODS.cartGet]: cartGet,
};
