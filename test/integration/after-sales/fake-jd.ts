/**
 * A recording fake JD client for after-sales integration tests: real protocol shapes, an in-memory
 * JD, every call logged (method, params) with the peak number in flight, so tests assert what was sent.
 */
import type { JdClient } from '../../../jd/client/types';
import { businessError } from '../../../jd/client/errors';
import type { JdMethodName, JdParamsByMethod, JdResultByMethod } from '../../../jd/protocol/methods';
import { JD_METHODS } from '../../../jd/protocol/methods';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import type { JdGoodsInfo } from '../../../jd/protocol/catalog';
import type { JdAfsApplyCreateParams, JdAfsDetailResult, JdAfsStep, JdServiceStatus } from '../../../jd/protocol/after-sales';
import { AFS_RESULT_NOT_CANCELLABLE } from '../../../jd/protocol/after-sales';

type Detail = JdAfsDetailResult['serviceDetailInfo'];
export interface FakeService { detail: Detail; customerPin: string; schedule: { step: string; date: string }[]; refuseCancel?: boolean }
export interface JdCall { method: string; params: unknown }

const ok = { resultCode: 100, resultComment: 'Success' };

export class FakeJd implements JdClient {
  readonly orders = new Map<string, JdOrderInfo>();
  readonly goods = new Map<string, JdGoodsInfo>();
  readonly services = new Map<number, FakeService>();
  readonly calls: JdCall[] = [];
  private inFlight = 0;
  peakInFlight = 0;
  private nextId = 7000;

  callsOf(method: string): JdCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  reset(): void {
    this.calls.length = 0;
    this.peakInFlight = 0;
  }

  async call<M extends JdMethodName>(method: M, params: JdParamsByMethod[M]): Promise<JdResultByMethod[M]> {
    this.calls.push({ method, params });
    this.inFlight += 1;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    try {
      // A real round trip is never synchronous; let concurrent calls overlap.
      await new Promise((r) => setTimeout(r, 2));
      return this.answer(method, params) as JdResultByMethod[M];
    } finally {
      this.inFlight -= 1;
    }
  }

  async createAfterSalesApplication(params: JdAfsApplyCreateParams): Promise<{ afsServiceId: number; reused: boolean }> {
    this.calls.push({ method: JD_METHODS.afsApplyCreate, params });
    const existing = [...this.services.values()].find((s) => s.detail.thirdApplyId === params.thirdApplyId);
    if (existing) return { afsServiceId: existing.detail.afsServiceId, reused: true };
    const afsServiceId = this.nextId++;
    this.services.set(afsServiceId, {
      customerPin: params.customerPin,
      schedule: [{ step: 'Application submitted', date: '2025-06-01 12:00:00' }],
      detail: {
        afsServiceId, orderId: params.orderId, skuId: params.skuId, skuNum: params.skuNum, afsApplyType: params.afsApplyType,
        customerExpect: params.customerExpect, questionDesc: params.questionDesc, questionPic: params.images.join(','),
        isNeedDetectionReport: params.isNeedDetectionReport, processResult: '', status: 'Pending', serviceStatus: 1,
        afsServiceStep: 10, applyTime: '2025-06-01 12:00:00', cancelable: 1, thirdApplyId: params.thirdApplyId,
      },
    });
    return { afsServiceId, reused: false };
  }

  private answer(method: JdMethodName, params: unknown): unknown {
    const p = params as Record<string, string & number>;
    switch (method) {
      case JD_METHODS.orderGet: {
        const orderInfo = this.orders.get(p.order_id) ?? null;
        return { code: '0', orderDetailInfo: { apiResult: { success: true, englishErrCode: '', chineseErrCode: '', numberCode: 0 }, orderInfo } };
      }
      case JD_METHODS.afsOrderGet: {
        const afsServiceList = [...this.services.values()]
          .filter((s) => s.detail.orderId === p.orderId && s.customerPin === p.customerPin)
          .map(({ detail: d }) => ({
            afsServiceId: d.afsServiceId, orderId: d.orderId, skuId: d.skuId, serviceStatus: d.serviceStatus,
            afsServiceStep: d.afsServiceStep, afsApplyType: d.afsApplyType, thirdApplyId: d.thirdApplyId, applyTime: d.applyTime,
          }));
        return { ...ok, afsServiceList };
      }
      case JD_METHODS.afsDetailGet: {
        const s = this.services.get(p.afsServiceId);
        if (!s) return { ...ok, customerInfo: null, serviceDetailInfo: null };
        return { ...ok, customerInfo: { linkMan: 'Zhang San', phone: '13800000000', customerPin: s.customerPin }, serviceDetailInfo: { ...s.detail } };
      }
      case JD_METHODS.afsScheduleGet:
        return { ...ok, scheduleList: this.services.get(p.afsServiceId)?.schedule ?? [] };
      case JD_METHODS.afsCancel: {
        const s = this.services.get(p.afsServiceId);
        if (!s || s.customerPin !== p.customerPin) throw businessError(method, '403', '无权限', 'No permission');
        if (s.refuseCancel || s.detail.cancelable !== 1) {
          throw businessError(method, String(AFS_RESULT_NOT_CANCELLABLE), '服务单已审核, 不可取消', 'The service can no longer be cancelled');
        }
        Object.assign(s.detail, { serviceStatus: 4 as JdServiceStatus, afsServiceStep: 60 as JdAfsStep, cancelable: 0, status: 'Cancelled' });
        s.schedule.push({ step: 'Cancelled by customer', date: '2025-06-01 12:30:00' });
        return { ...ok };
      }
      case JD_METHODS.goodsInfo: {
        const data = String(p.skuIds).split(',').map((id) => this.goods.get(id)).filter(Boolean);
        return { code: '0', queryResult: { code: 200, message: 'success', data } };
      }
      default:
        throw new Error(`fake JD does not serve ${method}`);
    }
  }
}
