/** JD POP order API shapes (camelCase fields, money as strings, Asia/Shanghai wall-clock times). */

/** Every `orderState` the project maps. */
export const JD_ORDER_STATES = [
  'WAIT_SELLER_STOCK_OUT', // paid, waiting for the seller to ship
  'WAIT_GOODS_RECEIVE_CONFIRM', // shipped, waiting for the buyer to confirm receipt
  'WAIT_SELLER_DELIVERY',
  'PAUSE',
  'FINISHED_L', // received and completed
  'TRADE_CANCELED',
  'LOCKED',
  'POP_ORDER_PAUSE',
] as const;
export type JdOrderState = (typeof JD_ORDER_STATES)[number];

export interface JdConsigneeInfo {
  fullname: string;
  mobile: string;
  telephone: string;
  fullAddress: string;
  province: string;
  city: string;
  county: string;
  /** Assumption (JD Worldwide): ISO 3166-1 alpha-2 destination country; domestic orders say "CN". */
  countryCode: string;
}

export interface JdOrderItem {
  skuId: string;
  skuName: string;
  wareId: string;
  /** Unit list price, "199.00". */
  jdPrice: string;
  /** Quantity bought, as a string (JD's own field name). */
  itemTotal: string;
}

export interface JdOrderInfo {
  orderId: string;
  venderId: string;
  /** Buyer's JD account (pin). */
  pin: string;
  orderState: JdOrderState;
  orderTotalPrice: string;
  orderSellerPrice: string;
  orderPayment: string;
  freightPrice: string;
  sellerDiscount: string;
  /** 'yyyy-MM-dd HH:mm:ss', Asia/Shanghai. */
  orderStartTime: string;
  /** Payment time; '' while unpaid. */
  paymentConfirmTime: string;
  /** Time the buyer confirmed receipt (completion); '' until then. */
  orderEndTime: string;
  modified: string;
  consigneeInfo: JdConsigneeInfo;
  itemInfoList: JdOrderItem[];
  /** SANDBOX EXTENSION: JD Plus membership of the buyer at order time (pop APIs do not expose it). */
  plusMember: boolean;
}

export interface JdApiResult {
  success: boolean;
  englishErrCode: string;
  chineseErrCode: string;
  numberCode: number;
}

export interface JdOrderGetParams {
  order_id: string;
  optional_fields?: string;
  order_state?: string;
}
export interface JdOrderGetResult {
  code: string;
  orderDetailInfo: { apiResult: JdApiResult; orderInfo: JdOrderInfo | null };
}

export interface JdOrderSearchParams {
  start_date?: string;
  end_date?: string;
  /** Comma-separated JdOrderState list. */
  order_state?: string;
  optional_fields?: string;
  page: string;
  /** ≤ 100. */
  page_size: string;
  sortType?: string;
  dateType?: string;
  /** Assumption: a buyer-scoped filter; with a seller token JD filters by the token's buyer. */
  pin?: string;
}
export interface JdOrderSearchResult {
  code: string;
  searchorderinfo_result: { apiResult: JdApiResult; orderTotal: number; orderInfoList: JdOrderInfo[] };
}
