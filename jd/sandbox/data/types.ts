/** The sandbox's in-memory JD: what the generator produces and the methods read and change. */
import type { JdOrderInfo, JdAfsApplyType, JdAfsStep, JdCustomerExpect } from '../../protocol';

export interface SandboxShop {
  shopId: number;
  venderId: number;
  shopName: string;
  /** 1 when JD itself runs the shop (自营). */
  isJdSelf: 0 | 1;
}

export interface SandboxCategory {
  cid1: number;
  cid1Name: string;
  cid2: number;
  cid2Name: string;
  cid3: number;
  cid3Name: string;
  /** JD_CATEGORIES key, e.g. 'personalised'. */
  key: string;
}

export interface SandboxSku {
  skuId: number;
  wareId: number;
  name: string;
  /** Current price in fen. */
  priceFen: number;
  marketPriceFen: number;
  shopId: number;
  category: SandboxCategory;
  /** Units in stock; 0 means out of stock. */
  stock: number;
  imgUrl: string;
}

export interface SandboxAddress {
  countryCode: string;
  province: string;
  city: string;
  county: string;
  street: string;
}

export interface SandboxCustomer {
  pin: string;
  fullname: string;
  mobile: string;
  plusMember: boolean;
  address: SandboxAddress;
}

export interface SandboxScheduleEntry {
  step: JdAfsStep;
  /** 'yyyy-MM-dd HH:mm:ss', Asia/Shanghai. */
  date: string;
}

export interface SandboxAfsService {
  afsServiceId: number;
  orderId: string;
  skuId: string;
  skuNum: number;
  customerPin: string;
  afsApplyType: JdAfsApplyType;
  customerExpect: JdCustomerExpect;
  questionDesc: string;
  images: string[];
  isNeedDetectionReport: 0 | 1;
  thirdApplyId: string;
  step: JdAfsStep;
  applyTime: string;
  schedule: SandboxScheduleEntry[];
  exchangeSkuId?: string;
  priceDifferenceFen?: number;
}

export interface SandboxCartLine {
  skuId: number;
  quantity: number;
  addedAt: string;
}

/** Everything the sandbox knows. Maps are keyed the way the methods look things up. */
export interface SandboxData {
  seed: string;
  /** The data clock's reading at generation time ("a few days ago" is relative to it). */
  generatedAt: Date;
  shops: SandboxShop[];
  skus: Map<number, SandboxSku>;
  customers: Map<string, SandboxCustomer>;
  /** Orders by orderId, in generation order. */
  orders: Map<string, JdOrderInfo>;
  afsServices: Map<number, SandboxAfsService>;
  carts: Map<string, SandboxCartLine[]>;
  /** Bestseller SKU ids, best first, per shopId. */
  shopBestsellers: Map<number, number[]>;
  platformBestsellers: number[];
  /** Next id handed to a new after-sales service. */
  nextAfsServiceId: number;
}
