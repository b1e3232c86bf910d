/** jingdong.pop.order.get and jingdong.pop.order.search. */
import {
  JD_MAX_PAGE_SIZE,
  JD_ORDER_STATES,
  type JdApiResult,
  type JdOrderGetResult,
  type JdOrderInfo,
  type JdOrderSearchResult,
  parseShanghai,
} from '../../protocol';
import { JdRouterError } from '../router/errors';
import { optionalString, requireId, requireInt, type Params } from '../router/business-params';
import type { MethodHandler } from './types';

const OK: JdApiResult = { success: true, englishErrCode: 'success', chineseErrCode: '成功', numberCode: 10100000 };

function stateFilter(p: Params): Set<string> | null {
  const raw = optionalString(p, 'order_state');
  if (!raw) return null;
  const states = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of states)
    if (!(JD_ORDER_STATES as readonly string[]).includes(s)) throw new JdRouterError('61', `order_state ${s} is unknown`);
  return new Set(states);
}

function dateParam(p: Params, name: string): number | null {
  const raw = optionalString(p, name);
  if (!raw) return null;
  const at = parseShanghai(raw);
  if (!at) throw new JdRouterError('61', `${name} must be yyyy-MM-dd HH:mm:ss`);
  return at.getTime();
}

/** Unknown orders (or a state filter that excludes it) answer orderInfo null, not an error. */
export const orderGet: MethodHandler = (p, { data }) => {
  const orderId = requireId(p, 'order_id');
  const states = stateFilter(p);
  const order = data.orders.get(orderId);
  const orderInfo = order && (!states || states.has(order.orderState)) ? order : null;
  const result: JdOrderGetResult = { code: '0', orderDetailInfo: { apiResult: OK, orderInfo } };
  return { result };
};

/**
 * Filters by `pin` (the buyer), `order_state`, and start/end dates on orderStartTime (dateType 0,
 * default) or modified (dateType 1). Newest first; sortType "1" gives oldest first (assumption).
 */
export const orderSearch: MethodHandler = (p, { data }) => {
  const page = requireInt(p, 'page', 1, 1_000_000);
  const pageSize = requireInt(p, 'page_size', 1, JD_MAX_PAGE_SIZE);
  const states = stateFilter(p);
  const from = dateParam(p, 'start_date');
  const to = dateParam(p, 'end_date');
  const pin = optionalString(p, 'pin');
  const dateType = optionalString(p, 'dateType') ?? '0';
  if (dateType !== '0' && dateType !== '1') throw new JdRouterError('61', 'dateType must be 0 or 1');
  const timeOf = (o: JdOrderInfo) => parseShanghai(dateType === '1' ? o.modified : o.orderStartTime)!.getTime();
  const matching = [...data.orders.values()].filter(
    (o) =>
      (!pin || o.pin === pin) &&
      (!states || states.has(o.orderState)) &&
      (from === null || timeOf(o) >= from) &&
      (to === null || timeOf(o) <= to),
  );
  const oldestFirst = optionalString(p, 'sortType') === '1';
  matching.sort((a, b) => (oldestFirst ? timeOf(a) - timeOf(b) : timeOf(b) - timeOf(a)) || a.orderId.localeCompare(b.orderId));
  const result: JdOrderSearchResult = {
    code: '0',
    searchorderinfo_result: {
      apiResult: OK,
      orderTotal: matching.length,
      orderInfoList: matching.slice((page - 1) * pageSize, page * pageSize),
    },
  };
  return { result };
};
