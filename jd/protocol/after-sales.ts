/**
 * After-sales shapes from JD's published after-sales API guide, with fields real JD shows (VOP 1.0/2.0).
 * Every after-sales response carries `resultCode` (100 = success) and `resultComment`.
 */

/** afsApplyType: 10 return, 20 exchange, 30 repair. */
export type JdAfsApplyType = 10 | 20 | 30;
/** customerExpect: 10 refund, 20 exchange, 30 repair. Must agree with the apply type (JD's after-sales guide, "Practical Tips"). */
export type JdCustomerExpect = 10 | 20 | 30;
/** serviceStatus: 1 pending, 2 in progress, 3 completed (JD's after-sales guide); 4 cancelled (assumption). */
export type JdServiceStatus = 1 | 2 | 3 | 4;
/** afsServiceStep (real JD, VOP 1.0). */
export const JD_AFS_STEPS = {
  10: 'applied',
  20: 'rejected',
  21: 'customer-service review',
  22: 'merchant review',
  31: 'JD received',
  32: 'merchant received',
  33: 'JD processing',
  34: 'merchant processing',
  40: 'awaiting user confirmation',
  50: 'done',
  60: 'cancelled',
} as const;
export type JdAfsStep = keyof typeof JD_AFS_STEPS;

export const AFS_RESULT_SUCCESS = 100;
/** Business codes from JD's after-sales guide ("Common Error Codes"). */
export const AFS_RESULT_PARAM_ERROR = 3001;
export const AFS_RESULT_NO_PERMISSION = 403;
export const AFS_RESULT_SYSTEM_ERROR = 500;
/** Assumption: JD's refusal to cancel a service past review (no public code; documented here). */
export const AFS_RESULT_NOT_CANCELLABLE = 3003;

export interface JdAfsBusinessResult {
  resultCode: number;
  resultComment: string;
}

export interface JdAfsApplyCreateParams {
  afsApplyType: JdAfsApplyType;
  orderId: string;
  skuId: string;
  /** Quantity to return/exchange/repair. */
  skuNum: number;
  customerExpect: JdCustomerExpect;
  /** ≤ 1000 characters. */
  questionDesc: string;
  isNeedDetectionReport: 0 | 1;
  /** JD-CDN image URLs (the guide's `images`). Joined they must stay ≤ 2000 characters. */
  images: string[];
  /** Client-made idempotency id (VOP 2.0): a retried create with the same id returns the same service. */
  thirdApplyId: string;
  /** Buyer pin the application is filed for. */
  customerPin: string;
  /** SANDBOX EXTENSION (exchange with price difference): the SKU the customer exchanges to. */
  exchangeSkuId?: string;
  /** SANDBOX EXTENSION: the settled difference in fen (positive: customer pays extra). */
  priceDifferenceFen?: number;
}
export interface JdAfsApplyCreateResult extends JdAfsBusinessResult {
  afsServiceId: number;
}

export interface JdAfsOrderGetParams {
  orderId: string;
  customerPin?: string;
}
export interface JdAfsServiceSummary {
  afsServiceId: number;
  orderId: string;
  skuId: string;
  serviceStatus: JdServiceStatus;
  afsServiceStep: JdAfsStep;
  afsApplyType: JdAfsApplyType;
  thirdApplyId: string;
  /** 'yyyy-MM-dd HH:mm:ss', Asia/Shanghai. */
  applyTime: string;
}
export interface JdAfsOrderGetResult extends JdAfsBusinessResult {
  afsServiceList: JdAfsServiceSummary[];
}

export interface JdAfsServiceIdParams {
  afsServiceId: number;
}

export interface JdAfsDetailResult extends JdAfsBusinessResult {
  customerInfo: { linkMan: string; phone: string; customerPin: string };
  serviceDetailInfo: {
    afsServiceId: number;
    orderId: string;
    skuId: string;
    skuNum: number;
    afsApplyType: JdAfsApplyType;
    customerExpect: JdCustomerExpect;
    questionDesc: string;
    /** Comma-separated JD-CDN URLs. */
    questionPic: string;
    isNeedDetectionReport: 0 | 1;
    /** Handling result, '' until decided. */
    processResult: string;
    /** Human status, e.g. "In progress". */
    status: string;
    serviceStatus: JdServiceStatus;
    afsServiceStep: JdAfsStep;
    applyTime: string;
    /** 1 while the customer may still cancel. */
    cancelable: 0 | 1;
    thirdApplyId: string;
    exchangeSkuId?: string;
    priceDifferenceFen?: number;
  };
}

export interface JdAfsScheduleResult extends JdAfsBusinessResult {
  scheduleList: { step: string; date: string }[];
}

export interface JdAfsCancelParams {
  afsServiceId: number;
  customerPin: string;
}
export type JdAfsCancelResult = JdAfsBusinessResult;
