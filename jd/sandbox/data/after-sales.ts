/** Generates after-sales services with schedule histories consistent with the step machine. */
import { type JdAfsApplyType, type JdAfsStep, type JdOrderInfo, formatShanghai, parseShanghai } from '../../protocol';
import { pathTo } from '../afs-steps';
import type { Rng } from '../rng';
import type { SandboxAfsService } from './types';

const HOUR = 3600_000;
const QUESTIONS: Record<JdAfsApplyType, readonly string[]> = {
  10: ['尺码不合适，想退货', 'The phone will not power on or respond to charging', '商品与描述不符', 'Arrived with a cracked screen'],
  20: ['颜色发错了，想换货', 'Wrong size delivered, please exchange', '包装破损，换一个新的'],
  30: ['耳机左耳没有声音', 'Laptop keyboard stopped working after two weeks', '屏幕出现坏点'],
};

/** Every step, so the generator can make sure each appears at least once. */
export const ALL_STEPS: readonly JdAfsStep[] = [10, 20, 21, 22, 31, 32, 33, 34, 40, 50, 60];

export interface ServiceSpec {
  afsServiceId: number;
  order: JdOrderInfo;
  lineIndex: number;
  step: JdAfsStep;
  type: JdAfsApplyType;
  appliedAt: Date;
  now: Date;
  jdHandled: boolean;
}

/** A JD-CDN image URL, the only kind apply.create accepts. */
export function cdnImage(rng: Rng): string {
  return `https://img30.360buyimg.com/afs/jfs/t1/${rng.int(100000, 999999)}/${rng.int(1, 99999).toString(36)}.jpg`;
}

/** One service at `spec.step`, its schedule spread between `appliedAt` and `now`. */
export function makeService(rng: Rng, spec: ServiceSpec): SandboxAfsService {
  const line = spec.order.itemInfoList[spec.lineIndex];
  const path = pathTo(spec.step, spec.jdHandled);
  const span = Math.max(spec.now.getTime() - spec.appliedAt.getTime(), HOUR);
  const gap = Math.min(30 * HOUR, span / (path.length + 1));
  let at = spec.appliedAt.getTime();
  const schedule = path.map((step, i) => {
    if (i > 0) at += Math.max(60_000, Math.floor(gap * (0.5 + rng.next() / 2)));
    return { step, date: formatShanghai(new Date(at)) };
  });
  return {
    afsServiceId: spec.afsServiceId,
    orderId: spec.order.orderId,
    skuId: line.skuId,
    skuNum: rng.int(1, Number(line.itemTotal)),
    customerPin: spec.order.pin,
    afsApplyType: spec.type,
    customerExpect: spec.type,
    questionDesc: rng.pick(QUESTIONS[spec.type]),
    images: Array.from({ length: rng.int(0, 2) }, () => cdnImage(rng)),
    isNeedDetectionReport: spec.type === 30 ? 1 : 0,
    thirdApplyId: `sandbox-seed-${spec.afsServiceId}`,
    step: spec.step,
    applyTime: schedule[0].date,
    schedule,
  };
}

/** When a service on a received order may have been filed: after receipt, before now. */
export function applyTimeAfter(rng: Rng, order: JdOrderInfo, now: Date): Date {
  const received = parseShanghai(order.orderEndTime || order.modified)!.getTime();
  const room = Math.max(now.getTime() - received, 2 * HOUR);
  return new Date(received + Math.floor(room * (0.1 + rng.next() * 0.3)));
}
