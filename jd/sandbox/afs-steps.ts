/**
 * The after-sales step machine (real JD's afsServiceStep, VOP 1.0): which step follows which, what
 * serviceStatus each step means, the schedule titles, and when a customer may still cancel.
 */
import type { JdAfsApplyType, JdAfsStep, JdServiceStatus } from '../protocol';

/** Steps a customer may cancel at (before goods are handed over). */
export const CANCELABLE_STEPS: ReadonlySet<JdAfsStep> = new Set<JdAfsStep>([10, 21, 22]);
export const TERMINAL_STEPS: ReadonlySet<JdAfsStep> = new Set<JdAfsStep>([20, 50, 60]);

/** Schedule titles, in the style of JD's published examples ("Review Approved", "Product Under Inspection"). */
export const STEP_TITLES: Record<JdAfsStep, string> = {
  10: 'Application Submitted',
  20: 'Application Rejected',
  21: 'Customer Service Reviewing',
  22: 'Review Approved, Merchant Reviewing',
  31: 'JD Received Product',
  32: 'Merchant Received Product',
  33: 'Product Under Inspection by JD',
  34: 'Product Under Inspection by Merchant',
  40: 'Awaiting User Confirmation',
  50: 'Service Completed',
  60: 'Application Cancelled',
};

/** serviceStatus for a step: 1 pending, 2 in progress, 3 completed (incl. rejected), 4 cancelled. */
export function statusOfStep(step: JdAfsStep): JdServiceStatus {
  if (step === 60) return 4;
  if (step === 50 || step === 20) return 3;
  if (step === 10) return 1;
  return 2;
}

const STATUS_TEXT: Record<JdServiceStatus, string> = { 1: 'Pending', 2: 'In progress', 3: 'Completed', 4: 'Cancelled' };
/** Human status text for serviceDetailInfo.status. */
export function statusText(step: JdAfsStep): string {
  return step === 20 ? 'Rejected' : STATUS_TEXT[statusOfStep(step)];
}

/** processResult: '' until JD decides. */
export function processResult(step: JdAfsStep, type: JdAfsApplyType): string {
  if (step === 20) return 'Rejected: not eligible';
  if (step !== 40 && step !== 50) return '';
  return type === 10 ? 'Return and refund' : type === 20 ? 'Exchange for a new item' : 'Repaired';
}

/** The normal next step; JD-run shops handle goods themselves (31/33), others via the merchant (32/34). */
export function nextStep(step: JdAfsStep, jdHandled: boolean): JdAfsStep | null {
  switch (step) {
    case 10:
      return 21;
    case 21:
      return 22;
    case 22:
      return jdHandled ? 31 : 32;
    case 31:
      return 33;
    case 32:
      return 34;
    case 33:
    case 34:
      return 40;
    case 40:
      return 50;
    default:
      return null;
  }
}

/** Steps from 10 up to `target` (inclusive), the history a service at `target` has walked. */
export function pathTo(target: JdAfsStep, jdHandled: boolean): JdAfsStep[] {
  if (target === 20) return [10, 21, 20];
  if (target === 60) return [10, 21, 60];
  const path: JdAfsStep[] = [10];
  while (path[path.length - 1] !== target) {
    const next = nextStep(path[path.length - 1], jdHandled);
    if (next === null) throw new Error(`step ${target} is not on the ${jdHandled ? 'JD' : 'merchant'} path`);
    path.push(next);
  }
  return path;
}
