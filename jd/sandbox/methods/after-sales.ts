/** The five jingdong.afsservice.* methods with the shapes and business codes of JD's after-sales guide. */
import {
  AFS_RESULT_NO_PERMISSION,
  AFS_RESULT_NOT_CANCELLABLE,
  AFS_RESULT_PARAM_ERROR,
  AFS_RESULT_SUCCESS,
  type JdAfsApplyCreateResult,
  type JdAfsApplyType,
  type JdAfsBusinessResult,
  type JdAfsCancelResult,
  type JdAfsDetailResult,
  type JdAfsOrderGetResult,
  type JdAfsScheduleResult,
  type JdCustomerExpect,
  formatShanghai,
} from '../../protocol';
import { CANCELABLE_STEPS, processResult, STEP_TITLES, statusOfStep, statusText } from '../afs-steps';
import type { SandboxAfsService, SandboxData } from '../data/types';
import { JdRouterError } from '../router/errors';
import { optionalInt, optionalString, requireEnum, requireId, requireInt, requireString, type Params } from '../router/business-params';
import type { MethodHandler } from './types';

const TYPES = [10, 20, 30] as const;
const MAX_QUESTION = 1000;
const MAX_PICS = 2000;
/** JD's image CDNs: img*.jd.com and img*.360buyimg.com over https. */
const JD_CDN = /^https:\/\/img\d*\.(?:jd\.com|360buyimg\.com)\/\S+$/;

const ok = (comment = '成功 Success'): JdAfsBusinessResult => ({ resultCode: AFS_RESULT_SUCCESS, resultComment: comment });
const refuse = (resultCode: number, resultComment: string) => ({ result: { resultCode, resultComment } });

function imagesParam(p: Params): string[] {
  const v = p.images;
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new JdRouterError('61', 'images must be an array of URLs');
  return v as string[];
}

/** Why an application is refused with 3001, or null. */
function formatProblem(type: JdAfsApplyType, expect: JdCustomerExpect, question: string, images: string[]): string | null {
  if (type !== expect) return `afsApplyType ${type} does not agree with customerExpect ${expect} (10/10, 20/20, 30/30)`;
  if (question.length > MAX_QUESTION) return `questionDesc is longer than ${MAX_QUESTION} characters`;
  if (images.some((u) => !JD_CDN.test(u))) return 'images must be JD-CDN URLs (https://img*.jd.com/… or https://img*.360buyimg.com/…)';
  if (images.join(',').length > MAX_PICS) return `images joined are longer than ${MAX_PICS} characters`;
  return null;
}

export const afsApplyCreate: MethodHandler = (p, { data, now }) => {
  const afsApplyType = requireEnum(p, 'afsApplyType', TYPES);
  const orderId = requireId(p, 'orderId');
  const skuId = requireId(p, 'skuId');
  const skuNum = requireInt(p, 'skuNum', 1, 10_000);
  const customerExpect = requireEnum(p, 'customerExpect', TYPES);
  const customerPin = requireString(p, 'customerPin');
  const thirdApplyId = requireString(p, 'thirdApplyId');
  const questionDesc = optionalString(p, 'questionDesc') ?? '';
  const isNeedDetectionReport = optionalInt(p, 'isNeedDetectionReport', 0, 1, 0) as 0 | 1;
  const images = imagesParam(p);

  // Idempotency: a retried create with the same thirdApplyId returns the service it made.
  const existing = [...data.afsServices.values()].find((s) => s.thirdApplyId === thirdApplyId);
  if (existing) {
    if (existing.customerPin !== customerPin) return refuse(AFS_RESULT_NO_PERMISSION, 'thirdApplyId belongs to another customer');
    const result: JdAfsApplyCreateResult = { ...ok('成功 Success (existing application)'), afsServiceId: existing.afsServiceId };
    return { result };
  }
  const problem = formatProblem(afsApplyType, customerExpect, questionDesc, images);
  if (problem) return refuse(AFS_RESULT_PARAM_ERROR, problem);
  const order = data.orders.get(orderId);
  const line = order?.pin === customerPin ? order.itemInfoList.find((l) => l.skuId === skuId) : undefined;
  if (!order || !line) return refuse(AFS_RESULT_NO_PERMISSION, 'no such order line for this customer');
  if (skuNum > Number(line.itemTotal)) return refuse(AFS_RESULT_PARAM_ERROR, `skuNum ${skuNum} exceeds the ${line.itemTotal} bought`);

  const applyTime = formatShanghai(now());
  const service: SandboxAfsService = {
    afsServiceId: data.nextAfsServiceId++,
    orderId,
    skuId,
    skuNum,
    customerPin,
    afsApplyType,
    customerExpect,
    questionDesc,
    images,
    isNeedDetectionReport,
    thirdApplyId,
    step: 10,
    applyTime,
    schedule: [{ step: 10, date: applyTime }],
  };
  const exchangeSkuId = optionalString(p, 'exchangeSkuId');
  if (exchangeSkuId) service.exchangeSkuId = exchangeSkuId;
  if (p.priceDifferenceFen !== undefined) service.priceDifferenceFen = requireInt(p, 'priceDifferenceFen', -1e12, 1e12);
  data.afsServices.set(service.afsServiceId, service);
  const result: JdAfsApplyCreateResult = { ...ok(), afsServiceId: service.afsServiceId };
  return { result };
};

/** Services filed against an order; with customerPin, another customer's order is 403. */
export const afsOrderGet: MethodHandler = (p, { data }) => {
  const orderId = requireId(p, 'orderId');
  const pin = optionalString(p, 'customerPin');
  const order = data.orders.get(orderId);
  if (pin && order && order.pin !== pin) return refuse(AFS_RESULT_NO_PERMISSION, 'order belongs to another customer');
  const afsServiceList = [...data.afsServices.values()]
    .filter((s) => s.orderId === orderId)
    .map((s) => ({
      afsServiceId: s.afsServiceId,
      orderId: s.orderId,
      skuId: s.skuId,
      serviceStatus: statusOfStep(s.step),
      afsServiceStep: s.step,
      afsApplyType: s.afsApplyType,
      thirdApplyId: s.thirdApplyId,
      applyTime: s.applyTime,
    }));
  const result: JdAfsOrderGetResult = { ...ok(), afsServiceList };
  return { result };
};

/** Assumption: an unknown afsServiceId is refused with 3001 (JD publishes no dedicated code). */
function findService(p: Params, data: SandboxData): SandboxAfsService | { result: JdAfsBusinessResult } {
  const id = requireInt(p, 'afsServiceId', 1, Number.MAX_SAFE_INTEGER);
  return data.afsServices.get(id) ?? refuse(AFS_RESULT_PARAM_ERROR, `afsServiceId ${id} not found`);
}

export const afsDetailGet: MethodHandler = (p, { data }) => {
  const s = findService(p, data);
  if ('result' in s) return s;
  const customer = data.customers.get(s.customerPin);
  const order = data.orders.get(s.orderId);
  const result: JdAfsDetailResult = {
    ...ok(),
    customerInfo: {
      linkMan: order?.consigneeInfo.fullname ?? customer?.fullname ?? '',
      phone: customer?.mobile ?? '',
      customerPin: s.customerPin,
    },
    serviceDetailInfo: {
      afsServiceId: s.afsServiceId,
      orderId: s.orderId,
      skuId: s.skuId,
      skuNum: s.skuNum,
      afsApplyType: s.afsApplyType,
      customerExpect: s.customerExpect,
      questionDesc: s.questionDesc,
      questionPic: s.images.join(','),
      isNeedDetectionReport: s.isNeedDetectionReport,
      processResult: processResult(s.step, s.afsApplyType),
      status: statusText(s.step),
      serviceStatus: statusOfStep(s.step),
      afsServiceStep: s.step,
      applyTime: s.applyTime,
      cancelable: CANCELABLE_STEPS.has(s.step) ? 1 : 0,
      thirdApplyId: s.thirdApplyId,
      ...(s.exchangeSkuId !== undefined ? { exchangeSkuId: s.exchangeSkuId } : {}),
      ...(s.priceDifferenceFen !== undefined ? { priceDifferenceFen: s.priceDifferenceFen } : {}),
    },
  };
  return { result };
};

export const afsScheduleGet: MethodHandler = (p, { data }) => {
  const s = findService(p, data);
  if ('result' in s) return s;
  const result: JdAfsScheduleResult = { ...ok(), scheduleList: s.schedule.map((e) => ({ step: STEP_TITLES[e.step], date: e.date })) };
  return { result };
};

/** Only the owner (else 403), only while cancelable: steps 10, 21, 22 (else 3003). */
export const afsCancel: MethodHandler = (p, { data, now }) => {
  const s = findService(p, data);
  const pin = requireString(p, 'customerPin');
  if ('result' in s) return s;
  if (s.customerPin !== pin) return refuse(AFS_RESULT_NO_PERMISSION, 'service belongs to another customer');
  if (!CANCELABLE_STEPS.has(s.step)) return refuse(AFS_RESULT_NOT_CANCELLABLE, `service at step ${s.step} can no longer be cancelled`);
  s.step = 60;
  s.schedule.push({ step: 60, date: formatShanghai(now()) });
  const result: JdAfsCancelResult = ok();
  return { result };
};
