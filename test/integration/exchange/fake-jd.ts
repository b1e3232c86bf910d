/**
 * A recording fake JD client for exchange tests: real protocol shapes, an in-memory catalog
 * (prices, stock, rankings, carts), orders and after-sales services; every call logged with its params.
 */
import type { JdClient } from '../../../jd/client/types';
import { JD_METHODS, type JdMethodName, type JdParamsByMethod, type JdResultByMethod } from '../../../jd/protocol/methods';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import type { JdAfsApplyCreateParams, JdAfsDetailResult, JdServiceStatus } from '../../../jd/protocol/after-sales';
import { formatFen } from '../../../jd/protocol/money';

type Detail = JdAfsDetailResult['serviceDetailInfo'];
export interface JdCall { method: string; params: Record<string, unknown> }

const ok = { resultCode: 100, resultComment: 'Success' };

export class FakeJd implements JdClient {
  readonly orders = new Map<string, JdOrderInfo>();
  /** sku -> shop */
  readonly shopOfSku = new Map<string, number>();
  readonly priceFen = new Map<string, number>();
  readonly stock = new Map<string, number>();
  readonly shopRank = new Map<number, string[]>();
  platformRank: string[] = [];
  readonly carts = new Map<string, string[]>();
  readonly services = new Map<number, { detail: Detail; customerPin: string }>();
  readonly calls: JdCall[] = [];
  private nextId = 8000;

  callsOf(method: string): JdCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
  }

  /** An existing service on an order line (open unless a closed status is given). */
  addService(orderId: string, skuId: string, customerPin: string, serviceStatus: JdServiceStatus = 2): number {
    const afsServiceId = this.nextId++;
    this.services.set(afsServiceId, {
      customerPin,
      detail: {
        afsServiceId, orderId, skuId, skuNum: 1, afsApplyType: 10, customerExpect: 10, questionDesc: 'broken', questionPic: '',
        isNeedDetectionReport: 0, processResult: '', status: 'In progress', serviceStatus, afsServiceStep: 21,
        applyTime: '2025-05-30 09:00:00', cancelable: 1, thirdApplyId: `seed-${afsServiceId}`,
      },
    });
    return afsServiceId;
  }

  async call<M extends JdMethodName>(method: M, params: JdParamsByMethod[M]): Promise<JdResultByMethod[M]> {
    this.calls.push({ method, params: params as unknown as Record<string, unknown> });
    await new Promise((r) => setTimeout(r, 1));
    return this.answer(method, params as unknown as Record<string, string & number>) as JdResultByMethod[M];
  }

  async createAfterSalesApplication(params: JdAfsApplyCreateParams): Promise<{ afsServiceId: number; reused: boolean }> {
    this.calls.push({ method: JD_METHODS.afsApplyCreate, params: params as unknown as Record<string, unknown> });
    const existing = [...this.services.values()].find((s) => s.detail.thirdApplyId === params.thirdApplyId);
    if (existing) return { afsServiceId: existing.detail.afsServiceId, reused: true };
    const afsServiceId = this.nextId++;
    this.services.set(afsServiceId, {
      customerPin: params.customerPin,
      detail: {
        afsServiceId, orderId: params.orderId, skuId: params.skuId, skuNum: params.skuNum, afsApplyType: params.afsApplyType,
        customerExpect: params.customerExpect, questionDesc: params.questionDesc, questionPic: params.images.join(','),
        isNeedDetectionReport: params.isNeedDetectionReport, processResult: '', status: 'Pending', serviceStatus: 1, afsServiceStep: 10,
        applyTime: '2025-06-01 12:00:00', cancelable: 1, thirdApplyId: params.thirdApplyId,
        exchangeSkuId: params.exchangeSkuId, priceDifferenceFen: params.priceDifferenceFen,
      },
    });
    return { afsServiceId, reused: false };
  }

  private answer(method: JdMethodName, p: Record<string, string & number>): unknown {
    const list = (value: string) => String(value).split(',');
    switch (method) {
      case JD_METHODS.orderGet:
        return { code: '0', orderDetailInfo: { apiResult: { success: true, englishErrCode: '', chineseErrCode: '', numberCode: 0 }, orderInfo: this.orders.get(p.order_id) ?? null } };
      case JD_METHODS.goodsInfo:
        return {
          code: '0',
          queryResult: {
            code: 200, message: 'success',
            data: list(p.skuIds).filter((id) => this.shopOfSku.has(id)).map((id) => ({
              skuId: Number(id), goodsName: `sku ${id}`, unitPrice: '1.00', imgUrl: '', materialUrl: '', shopId: this.shopOfSku.get(id)!, shopName: 'Shop',
              cid: 652, cidName: '', cid2: 0, cid2Name: '', cid3: 0, cid3Name: '', isJdSale: 1,
            })),
          },
        };
      case JD_METHODS.priceGet:
        return {
          code: '0',
          price_changes: list(p.sku_id).map((j) => j.slice(2)).filter((id) => this.priceFen.has(id))
            .map((id) => ({ sku_id: `J_${id}`, price: formatFen(this.priceFen.get(id)!), market_price: formatFen(this.priceFen.get(id)!) })),
        };
      case JD_METHODS.stockGet:
        return {
          code: '0',
          stockList: list(p.skuIds).filter((id) => this.stock.has(id)).map((id) => {
            const n = this.stock.get(id)!;
            return { skuId: Number(id), stockStateId: n > 0 ? 33 : 34, stockStateDesc: n > 0 ? '有货' : '无货', remainNum: n };
          }),
        };
      case JD_METHODS.rankQuery: {
        const ranked = p.shopId !== undefined ? this.shopRank.get(Number(p.shopId)) ?? [] : this.platformRank;
        return { code: '0', queryResult: { code: 200, message: 'success', data: ranked.map((skuId, i) => ({ skuId: Number(skuId), rank: i + 1 })) } };
      }
      case JD_METHODS.cartGet:
        return { code: '0', cartItems: (this.carts.get(p.customerPin) ?? []).map((skuId) => ({ skuId: Number(skuId), quantity: 1, addedAt: '2025-05-31 10:00:00' })) };
      case JD_METHODS.afsOrderGet:
        return {
          ...ok,
          afsServiceList: [...this.services.values()]
            .filter((s) => s.detail.orderId === p.orderId && s.customerPin === p.customerPin)
            .map(({ detail: d }) => ({
              afsServiceId: d.afsServiceId, orderId: d.orderId, skuId: d.skuId, serviceStatus: d.serviceStatus,
              afsServiceStep: d.afsServiceStep, afsApplyType: d.afsApplyType, thirdApplyId: d.thirdApplyId, applyTime: d.applyTime,
            })),
        };
      case JD_METHODS.afsDetailGet: {
        const s = this.services.get(p.afsServiceId);
        if (!s) return { ...ok, customerInfo: null, serviceDetailInfo: null };
        return { ...ok, customerInfo: { linkMan: 'Zhang San', phone: '13800000000', customerPin: s.customerPin }, serviceDetailInfo: { ...s.detail } };
      }
      default:
        throw new Error(`fake JD does not serve ${method}`);
    }
  }
}
