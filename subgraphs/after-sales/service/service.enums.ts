import { registerEnumType } from 'type-graphql';
import type { JdAfsApplyType, JdAfsStep, JdCustomerExpect, JdServiceStatus } from '../../../jd/protocol';

/** What the customer applies for; JD `afsApplyType`. */
export enum AfterSalesType {
  RETURN = 'RETURN',
  EXCHANGE = 'EXCHANGE',
  REPAIR = 'REPAIR',
}
/** What the customer expects to get; JD `customerExpect`. */
export enum AfterSalesExpectation {
  REFUND = 'REFUND',
  EXCHANGE = 'EXCHANGE',
  REPAIR = 'REPAIR',
}
/** Coarse lifecycle; JD `serviceStatus`. */
export enum AfterSalesStatus {
  PENDING = 'PENDING',
  IN_PROGRESS = 'IN_PROGRESS',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
/** Fine-grained handling step; JD `afsServiceStep` (jd/protocol JD_AFS_STEPS). */
export enum AfterSalesStep {
  APPLIED = 'APPLIED',
  REJECTED = 'REJECTED',
  CUSTOMER_SERVICE_REVIEW = 'CUSTOMER_SERVICE_REVIEW',
  MERCHANT_REVIEW = 'MERCHANT_REVIEW',
  JD_RECEIVED = 'JD_RECEIVED',
  MERCHANT_RECEIVED = 'MERCHANT_RECEIVED',
  JD_PROCESSING = 'JD_PROCESSING',
  MERCHANT_PROCESSING = 'MERCHANT_PROCESSING',
  AWAITING_USER_CONFIRMATION = 'AWAITING_USER_CONFIRMATION',
  DONE = 'DONE',
  CANCELLED = 'CANCELLED',
}

registerEnumType(AfterSalesType, {
  name: 'AfterSalesType',
  description: 'What the customer applied for. Backed by JD `afsApplyType` (10 return, 20 exchange, 30 repair).',
  valuesConfig: {
    RETURN: { description: 'Send the goods back (JD afsApplyType 10). Goes with expectation REFUND.' },
    EXCHANGE: { description: 'Swap the goods for another unit or SKU (JD afsApplyType 20). Goes with expectation EXCHANGE.' },
    REPAIR: { description: 'Have the goods repaired (JD afsApplyType 30). Goes with expectation REPAIR.' },
  },
});
registerEnumType(AfterSalesExpectation, {
  name: 'AfterSalesExpectation',
  description:
    'What the customer expects as the outcome. Backed by JD `customerExpect` (10 refund, 20 exchange, 30 repair); it must agree with the type.',
  valuesConfig: {
    REFUND: { description: 'Money back (JD customerExpect 10).' },
    EXCHANGE: { description: 'A replacement (JD customerExpect 20).' },
    REPAIR: { description: 'A repaired item (JD customerExpect 30).' },
  },
});
registerEnumType(AfterSalesStatus, {
  name: 'AfterSalesStatus',
  description: 'Coarse lifecycle of a service. Backed by JD `serviceStatus`.',
  valuesConfig: {
    PENDING: { description: 'Filed, not yet picked up (JD serviceStatus 1).' },
    IN_PROGRESS: { description: 'Being reviewed or handled (JD serviceStatus 2).' },
    COMPLETED: { description: 'Handling finished; see `result` (JD serviceStatus 3).' },
    CANCELLED: { description: 'Withdrawn by the customer (JD serviceStatus 4).' },
  },
});
registerEnumType(AfterSalesStep, {
  name: 'AfterSalesStep',
  description: 'Fine-grained handling step. Backed by JD `afsServiceStep`.',
  valuesConfig: {
    APPLIED: { description: 'Application received (JD step 10).' },
    REJECTED: { description: 'Application rejected (JD step 20).' },
    CUSTOMER_SERVICE_REVIEW: { description: 'Under review by JD customer service (JD step 21).' },
    MERCHANT_REVIEW: { description: 'Under review by the merchant (JD step 22).' },
    JD_RECEIVED: { description: 'JD received the returned goods (JD step 31).' },
    MERCHANT_RECEIVED: { description: 'The merchant received the returned goods (JD step 32).' },
    JD_PROCESSING: { description: 'JD is handling it (JD step 33).' },
    MERCHANT_PROCESSING: { description: 'The merchant is handling it (JD step 34).' },
    AWAITING_USER_CONFIRMATION: { description: 'Waiting for the customer to confirm the outcome (JD step 40).' },
    DONE: { description: 'Finished (JD step 50).' },
    CANCELLED: { description: 'Cancelled (JD step 60).' },
  },
});

const TYPE_BY_JD: Record<JdAfsApplyType, AfterSalesType> = {
  10: AfterSalesType.RETURN,
  20: AfterSalesType.EXCHANGE,
  30: AfterSalesType.REPAIR,
};
const EXPECTATION_BY_JD: Record<JdCustomerExpect, AfterSalesExpectation> = {
  10: AfterSalesExpectation.REFUND,
  20: AfterSalesExpectation.EXCHANGE,
  30: AfterSalesExpectation.REPAIR,
};
const STATUS_BY_JD: Record<JdServiceStatus, AfterSalesStatus> = {
  1: AfterSalesStatus.PENDING,
  2: AfterSalesStatus.IN_PROGRESS,
  3: AfterSalesStatus.COMPLETED,
  4: AfterSalesStatus.CANCELLED,
};
const STEP_BY_JD: Record<JdAfsStep, AfterSalesStep> = {
  10: AfterSalesStep.APPLIED,
  20: AfterSalesStep.REJECTED,
  21: AfterSalesStep.CUSTOMER_SERVICE_REVIEW,
  22: AfterSalesStep.MERCHANT_REVIEW,
  31: AfterSalesStep.JD_RECEIVED,
  32: AfterSalesStep.MERCHANT_RECEIVED,
  33: AfterSalesStep.JD_PROCESSING,
  34: AfterSalesStep.MERCHANT_PROCESSING,
  40: AfterSalesStep.AWAITING_USER_CONFIRMATION,
  50: AfterSalesStep.DONE,
  60: AfterSalesStep.CANCELLED,
};

// An unknown JD code is a protocol change we must notice, not silently map to a default.
function lookup<K extends number, V>(table: Record<K, V>, code: number, what: string): V {
  const value = (table as Record<number, V | undefined>)[code];
  if (value === undefined) throw new Error(`unknown JD ${what}: ${code}`);
  return value;
}

export const typeFromJd = (code: number): AfterSalesType => lookup(TYPE_BY_JD, code, 'afsApplyType');
export const expectationFromJd = (code: number): AfterSalesExpectation => lookup(EXPECTATION_BY_JD, code, 'customerExpect');
export const statusFromJd = (code: number): AfterSalesStatus => lookup(STATUS_BY_JD, code, 'serviceStatus');
export const stepFromJd = (code: number): AfterSalesStep => lookup(STEP_BY_JD, code, 'afsServiceStep');

export const JD_TYPE_CODE: Record<AfterSalesType, JdAfsApplyType> = { RETURN: 10, EXCHANGE: 20, REPAIR: 30 };
export const JD_EXPECT_CODE: Record<AfterSalesExpectation, JdCustomerExpect> = { REFUND: 10, EXCHANGE: 20, REPAIR: 30 };
/** The only expectation each type allows (JD's after-sales guide: return goes with refund, and so on). */
export const EXPECTATION_FOR_TYPE: Record<AfterSalesType, AfterSalesExpectation> = {
  RETURN: AfterSalesExpectation.REFUND,
  EXCHANGE: AfterSalesExpectation.EXCHANGE,
  REPAIR: AfterSalesExpectation.REPAIR,
};
/** serviceStatus values that mean the application is still open (blocks a second one). */
export const OPEN_SERVICE_STATUSES: ReadonlySet<number> = new Set([1, 2]);
