/**
 * A recording fake JD client for loader tests (dataloader's `idLoader()` idea): it answers from a
 * tiny in-memory world and records every call, so tests assert exactly what was sent upstream.
 */
import type { JdClient } from '../../../jd/client';
import { createJdCache, type JdCache } from '../../../jd/loaders';
import {
  JD_METHODS,
  type JdMethodName,
  type JdParamsByMethod,
  type JdResultByMethod,
  type JdOrderInfo,
  type JdAfsApplyCreateParams,
  type JdAfsServiceSummary,
} from '../../../jd/protocol';

export interface RecordedCall {
  method: JdMethodName | 'createAfterSalesApplication';
  params: Record<string, unknown>;
}

export interface FakeJdOptions {
  /** SKUs JD does not know: absent from batch answers. */
  missingSkus?: string[];
  orders?: JdOrderInfo[];
  services?: JdAfsServiceSummary[];
  /** Return an Error to make that call fail (after it is recorded). */
  fail?: (method: JdMethodName, params: Record<string, unknown>) => Error | undefined;
  /** Milliseconds each call takes, so concurrent callers overlap. */
  latencyMs?: number;
}

export function makeOrder(orderId: string, pin: string): JdOrderInfo {
  return {
    orderId,
    venderId: '1001',
    pin,
    orderState: 'FINISHED_L',
    orderTotalPrice: '199.00',
    orderSellerPrice: '199.00',
    orderPayment: '189.00',
    freightPrice: '0.00',
    sellerDiscount: '10.00',
    orderStartTime: '2026-01-02 10:00:00',
    paymentConfirmTime: '2026-01-02 10:01:00',
    orderEndTime: '2026-01-05 09:00:00',
    modified: '2026-01-05 09:00:00',
    consigneeInfo: {
      fullname: 'Li Lei',
      mobile: '13800000000',
      telephone: '',
      fullAddress: '1 Road',
      province: 'Beijing',
      city: 'Beijing',
      county: 'Chaoyang',
      countryCode: 'CN',
    },
    itemInfoList: [{ skuId: '100001', skuName: 'Kettle', wareId: '9', jdPrice: '199.00', itemTotal: '1' }],
    plusMember: false,
  };
}

export function makeService(afsServiceId: number, orderId: string): JdAfsServiceSummary {
  return {
    afsServiceId,
    orderId,
    skuId: '100001',
    serviceStatus: 1,
    afsServiceStep: 10,
    afsApplyType: 10,
    thirdApplyId: `t-${afsServiceId}`,
    applyTime: '2026-01-06 10:00:00',
  };
}

/** "199.50"-style price derived from the SKU id, so every SKU has its own exact answer. */
export const priceOf = (skuId: string) => `${Number(skuId) % 1000}.50`;

const OK = { resultCode: 100, resultComment: 'success' };
const apiOk = { success: true, englishErrCode: '', chineseErrCode: '', numberCode: 0 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Returns `[client, calls]`: the fake JD client and the list of calls it received, in order. */
export function recordingJd(
  options: FakeJdOptions = {},
): [JdClient & { services: JdAfsServiceSummary[]; owners: Map<number, string> }, RecordedCall[]] {
  const calls: RecordedCall[] = [];
  const missing = new Set(options.missingSkus ?? []);
  const orders = options.orders ?? [];
  const services = [...(options.services ?? [])];
  const owners = new Map<number, string>(services.map((s) => [s.afsServiceId, orders.find((o) => o.orderId === s.orderId)?.pin ?? '']));
  const known = (csv: string, prefix = '') =>
    csv
      .split(',')
      .map((id) => id.slice(prefix.length))
      .filter((id) => !missing.has(id));

  const answer = (method: JdMethodName, p: Record<string, unknown>): unknown => {
    switch (method) {
      case JD_METHODS.priceGet:
        return {
          code: '0',
          price_changes: known(String(p.sku_id), 'J_').map((id) => ({ sku_id: `J_${id}`, price: priceOf(id), market_price: '999.00' })),
        };
      case JD_METHODS.goodsInfo:
        return {
          code: '0',
          queryResult: {
            code: 200,
            message: 'ok',
            data: known(String(p.skuIds)).map((id) => ({
              skuId: Number(id),
              goodsName: `Goods ${id}`,
              unitPrice: priceOf(id),
              imgUrl: '',
              materialUrl: '',
              shopId: 7,
              shopName: 'Shop',
              cid: 652,
              cidName: 'Electronics',
              cid2: 1,
              cid2Name: '',
              cid3: 2,
              cid3Name: '',
              isJdSale: 1,
            })),
          },
        };
      case JD_METHODS.stockGet:
        return {
          code: '0',
          stockList: known(String(p.skuIds)).map((id) => ({
            skuId: Number(id),
            stockStateId: Number(id) % 2 ? 33 : 34,
            stockStateDesc: '',
            remainNum: Number(id) % 2 ? 5 : 0,
          })),
        };
      case JD_METHODS.rankQuery:
        return {
          code: '0',
          queryResult: {
            code: 200,
            message: 'ok',
            data: [
              { skuId: 3, rank: 2 },
              { skuId: p.shopId ?? 1, rank: 1 },
            ],
          },
        };
      case JD_METHODS.cartGet:
        return { code: '0', cartItems: [{ skuId: 100001, quantity: 2, addedAt: '2026-01-01 08:00:00' }] };
      case JD_METHODS.orderGet:
        return { code: '0', orderDetailInfo: { apiResult: apiOk, orderInfo: orders.find((o) => o.orderId === p.order_id) ?? null } };
      case JD_METHODS.orderSearch: {
        const mine = orders.filter((o) => o.pin === p.pin);
        const size = Number(p.page_size);
        const start = (Number(p.page) - 1) * size;
        return {
          code: '0',
          searchorderinfo_result: { apiResult: apiOk, orderTotal: mine.length, orderInfoList: mine.slice(start, start + size) },
        };
      }
      case JD_METHODS.afsOrderGet:
        return { ...OK, afsServiceList: services.filter((s) => s.orderId === p.orderId && owners.get(s.afsServiceId) === p.customerPin) };
      case JD_METHODS.afsDetailGet: {
        const s = services.find((x) => x.afsServiceId === p.afsServiceId);
        if (!s) throw new Error(`no service ${String(p.afsServiceId)}`);
        return {
          ...OK,
          customerInfo: { linkMan: 'Li Lei', phone: '13800000000', customerPin: owners.get(s.afsServiceId) },
          serviceDetailInfo: {
            ...s,
            skuNum: 1,
            customerExpect: 10,
            questionDesc: 'broken',
            questionPic: '',
            isNeedDetectionReport: 0,
            processResult: '',
            status: 'Pending',
            cancelable: s.serviceStatus === 4 ? 0 : 1,
          },
        };
      }
      case JD_METHODS.afsScheduleGet:
        return { ...OK, scheduleList: [{ step: 'applied', date: '2026-01-06 10:00:00' }] };
      case JD_METHODS.afsCancel: {
        const s = services.find((x) => x.afsServiceId === p.afsServiceId);
        if (s) s.serviceStatus = 4;
        return OK;
      }
      default:
        throw new Error(`fake JD does not answer ${method}`);
    }
  };

  const client = {
    services,
    owners,
    async call<M extends JdMethodName>(method: M, params: JdParamsByMethod[M]): Promise<JdResultByMethod[M]> {
      const p = params as unknown as Record<string, unknown>;
      calls.push({ method, params: p });
      const failure = options.fail?.(method, p);
      // JD answers from the state at the moment it received the call, even if the reply is slow.
      let outcome: () => unknown;
      try {
        const snapshot = failure ? undefined : structuredClone(answer(method, p));
        outcome = () => snapshot;
      } catch (error) {
        outcome = () => {
          throw error;
        };
      }
      if (options.latencyMs) await sleep(options.latencyMs);
      if (failure) throw failure;
      return outcome() as JdResultByMethod[M];
    },
    async createAfterSalesApplication(params: JdAfsApplyCreateParams) {
      calls.push({ method: 'createAfterSalesApplication', params: params as unknown as Record<string, unknown> });
      const afsServiceId = 9000 + services.length;
      services.push({ ...makeService(afsServiceId, params.orderId), thirdApplyId: params.thirdApplyId });
      owners.set(afsServiceId, params.customerPin);
      return { afsServiceId, reused: false };
    },
  };
  return [client, calls];
}

/** The calls of one method, in order. */
export const callsOf = (calls: RecordedCall[], method: RecordedCall['method']) => calls.filter((c) => c.method === method);

/**
 * A new in-memory JD cache for each test of the calling describe block, handed to `use`; closed after
 * the test, with any jest spies restored.
 */
export function freshCachePerTest(use: (cache: JdCache) => void): void {
  let cache: JdCache;
  beforeEach(() => {
    cache = createJdCache();
    use(cache);
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await cache.close();
  });
}
