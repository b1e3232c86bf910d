import type { AfsDetail } from '../../../jd/loaders';
import { money, shanghaiToIso } from '../../kit';
import { AfterSalesService } from './service.type';
import { expectationFromJd, statusFromJd, stepFromJd, typeFromJd } from './service.enums';

/** JD's service details -> the graph's AfterSalesService. */
export function toAfterSalesService(d: AfsDetail): AfterSalesService {
  const s = new AfterSalesService();
  s.id = String(d.afsServiceId);
  s.orderId = d.orderId;
  s.skuId = d.skuId;
  s.quantity = d.skuNum;
  s.type = typeFromJd(d.afsApplyType);
  s.expectation = expectationFromJd(d.customerExpect);
  s.status = statusFromJd(d.serviceStatus);
  s.step = stepFromJd(d.afsServiceStep);
  s.description = d.questionDesc;
  s.images = d.questionPic
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  s.needsDetectionReport = d.isNeedDetectionReport === 1;
  s.appliedAt = shanghaiToIso(d.applyTime);
  s.result = d.processResult ? d.processResult : null;
  s.cancellable = d.cancelable === 1;
  s.exchangeSkuId = d.exchangeSkuId ? d.exchangeSkuId : null;
  s.priceDifference = d.priceDifferenceFen != null ? money(d.priceDifferenceFen) : null;
  return s;
}

/** A GraphQL service id -> JD's numeric afsServiceId; null for anything JD could not have issued. */
export function parseServiceId(id: string): number | null {
  if (!/^[1-9]\d{0,15}$/.test(id)) return null;
  const n = Number(id);
  return Number.isSafeInteger(n) ? n : null;
}
