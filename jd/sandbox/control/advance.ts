/** Moves a service along the step machine, so partners can watch a schedule grow. */
import { JD_AFS_STEPS, type JdAfsStep, formatShanghai } from '../../protocol';
import { nextStep, statusOfStep, TERMINAL_STEPS } from '../afs-steps';
import type { SandboxAfsService, SandboxData } from '../data/types';

export class AdvanceError extends Error {
  constructor(
    readonly status: 404 | 409 | 400,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Advances `afsServiceId` to its next step (or to `toStep`, e.g. 20 to reject) and appends a
 * schedule entry dated `now`. Terminal services (20, 50, 60) cannot move.
 */
export function advanceService(
  data: SandboxData,
  afsServiceId: number,
  now: Date,
  toStep?: number,
): SandboxAfsService & { serviceStatus: number } {
  const service = data.afsServices.get(afsServiceId);
  if (!service) throw new AdvanceError(404, `afsServiceId ${afsServiceId} not found`);
  if (TERMINAL_STEPS.has(service.step)) throw new AdvanceError(409, `service is at terminal step ${service.step}`);
  if (toStep !== undefined && !(toStep in JD_AFS_STEPS))
    throw new AdvanceError(400, `toStep must be one of ${Object.keys(JD_AFS_STEPS).join(', ')}`);
  const shop = data.shops.find((s) => String(s.venderId) === data.orders.get(service.orderId)?.venderId);
  const step = (toStep as JdAfsStep | undefined) ?? nextStep(service.step, shop?.isJdSelf === 1)!;
  service.step = step;
  service.schedule.push({ step, date: formatShanghai(now) });
  return { ...structuredClone(service), serviceStatus: statusOfStep(step) };
}
