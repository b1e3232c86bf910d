/**
 * Hand-made data for a running JD sandbox, built the way its generator builds it (order money
 * from lines, service status and schedule titles from the step machine), so a test states the few
 * facts it is about and the sandbox answers for them exactly as it does for generated data.
 */
import {
  type JdAfsApplyType,
  type JdAfsStep,
  type JdOrderInfo,
  type JdOrderState,
  formatShanghai,
  JD_CATEGORIES,
  parseShanghai,
} from '../../jd/protocol';
import type { Sandbox, SandboxAfsService, SandboxCustomer, SandboxShop, SandboxSku } from '../../jd/sandbox';
import { pathTo } from '../../jd/sandbox/afs-steps';
import { buildOrder } from '../../jd/sandbox/data/order-builder';
import { PRODUCT_FAMILIES } from '../../jd/sandbox/data/products';

/** A time as JD writes it: 'yyyy-MM-dd HH:mm:ss' in Asia/Shanghai. */
export type ShanghaiTime = string;
export type CategoryKey = keyof typeof JD_CATEGORIES;

export interface SeedCustomer {
  pin: string;
  fullname?: string;
  mobile?: string;
  plusMember?: boolean;
}
export interface SeedShop {
  shopId: number;
  venderId?: number;
  shopName?: string;
  /** 1 (default): JD handles returned goods itself. */ isJdSelf?: 0 | 1;
}
export interface SeedSku {
  skuId: string;
  priceFen: number;
  /** Units in stock (default 10); 0 is out of stock. */
  stock?: number;
  /** Must be a shop the sandbox has (seeded or generated); default: the first generated shop. */
  shopId?: number;
  category?: CategoryKey;
  name?: string;
}
export interface SeedOrderLine {
  skuId: string;
  quantity?: number;
  /** What the buyer paid a unit, in fen; default the SKU's price. */ unitFen?: number;
}
export interface SeedOrder {
  orderId: string;
  pin: string;
  lines: SeedOrderLine[];
  state?: JdOrderState;
  placedAt: ShanghaiTime;
  paidAt?: ShanghaiTime | null;
  receivedAt?: ShanghaiTime | null;
  discountFen?: number;
  freightFen?: number;
  /** JD records membership on the order; default the customer's. */
  plusMember?: boolean;
}
export interface SeedService {
  afsServiceId: number;
  orderId: string;
  step: JdAfsStep;
  /** Default: the order's first line. */
  skuId?: string;
  skuNum?: number;
  /** Application type, and the customer's expectation (JD requires them to agree). Default 10 (return). */
  type?: JdAfsApplyType;
  questionDesc?: string;
  images?: string[];
  isNeedDetectionReport?: 0 | 1;
  applyTime: ShanghaiTime;
  /** Default: the steps up to `step`, an hour apart from `applyTime`. */
  schedule?: { step: JdAfsStep; date: ShanghaiTime }[];
  thirdApplyId?: string;
  exchangeSkuId?: string;
  priceDifferenceFen?: number;
}

/** Typed writes into a sandbox's live data; each returns what JD will now answer with. */
export interface SandboxSeeder {
  customer(spec: SeedCustomer): SandboxCustomer;
  shop(spec: SeedShop): SandboxShop;
  sku(spec: SeedSku): SandboxSku;
  order(spec: SeedOrder): JdOrderInfo;
  service(spec: SeedService): SandboxAfsService;
  /** The customer's cart, in JD's order (one unit each). */
  cart(pin: string, skuIds: string[]): void;
  /** A shop's (its id) or the platform's bestsellers, best first; SKUs JD does not sell may be listed. */
  bestsellers(scope: number | 'platform', skuIds: string[]): void;
  /** JD's price moves. */
  price(skuId: string, priceFen: number): void;
  /** JD's stock changes. */
  stock(skuId: string, units: number): void;
}

const HOUR = 3_600_000;

function shanghai(time: ShanghaiTime): Date {
  const at = parseShanghai(time);
  if (!at) throw new Error(`seed times are 'yyyy-MM-dd HH:mm:ss' (Shanghai), got ${JSON.stringify(time)}`);
  return at;
}

function categoryOf(key: CategoryKey) {
  return PRODUCT_FAMILIES.find((f) => f.category.key === key)!.category;
}

/** A seeder over `sandbox.data` (read on every call, so it follows a data reset). */
export function sandboxSeeder(sandbox: Sandbox): SandboxSeeder {
  const skuOf = (skuId: string): SandboxSku => {
    const sku = sandbox.data.skus.get(Number(skuId));
    if (!sku) throw new Error(`seed SKU ${skuId} before using it`);
    return sku;
  };
  const shopOf = (shopId: number): SandboxShop => {
    const shop = sandbox.data.shops.find((s) => s.shopId === shopId);
    if (!shop) throw new Error(`seed shop ${shopId} before using it`);
    return shop;
  };

  const seeder: SandboxSeeder = {
    customer({ pin, fullname = 'Zhang San', mobile = '13800000000', plusMember = false }) {
      const customer: SandboxCustomer = {
        pin,
        fullname,
        mobile,
        plusMember,
        address: { countryCode: 'CN', province: '北京', city: '北京市', county: '朝阳区', street: '建国路88号' },
      };
      sandbox.data.customers.set(pin, customer);
      sandbox.data.carts.set(pin, sandbox.data.carts.get(pin) ?? []);
      return customer;
    },

    shop({ shopId, venderId = shopId, shopName = `Shop ${shopId}`, isJdSelf = 1 }) {
      const shop: SandboxShop = { shopId, venderId, shopName, isJdSelf };
      sandbox.data.shops.push(shop);
      sandbox.data.shopBestsellers.set(shopId, []);
      return shop;
    },

    sku({ skuId, priceFen, stock = 10, shopId = sandbox.data.shops[0].shopId, category = 'electronics', name = `sku ${skuId}` }) {
      shopOf(shopId);
      const id = Number(skuId);
      const sku: SandboxSku = {
        skuId: id,
        wareId: id,
        name,
        priceFen,
        marketPriceFen: priceFen,
        shopId,
        category: categoryOf(category),
        stock,
        imgUrl: `https://img10.360buyimg.com/n1/${skuId}.jpg`,
      };
      sandbox.data.skus.set(id, sku);
      return sku;
    },

    order({
      orderId,
      pin,
      lines,
      state = 'FINISHED_L',
      placedAt,
      paidAt = null,
      receivedAt = null,
      discountFen = 0,
      freightFen = 0,
      plusMember,
    }) {
      const customer = sandbox.data.customers.get(pin);
      if (!customer) throw new Error(`seed customer ${pin} before their orders`);
      const skus = lines.map((l) => skuOf(l.skuId));
      const order = buildOrder({
        orderId,
        state,
        discountFen,
        freightFen,
        customer: { ...customer, plusMember: plusMember ?? customer.plusMember },
        shop: shopOf(skus[0].shopId),
        lines: lines.map((l, i) => ({ sku: skus[i], quantity: l.quantity ?? 1, unitFen: l.unitFen ?? skus[i].priceFen })),
        placedAt: shanghai(placedAt),
        paidAt: paidAt === null ? null : shanghai(paidAt),
        receivedAt: receivedAt === null ? null : shanghai(receivedAt),
      });
      sandbox.data.orders.set(orderId, order);
      return order;
    },

    service(spec) {
      const order = sandbox.data.orders.get(spec.orderId);
      if (!order) throw new Error(`seed order ${spec.orderId} before its services`);
      const type = spec.type ?? 10;
      const jdHandled = sandbox.data.shops.find((s) => String(s.venderId) === order.venderId)?.isJdSelf === 1;
      const applied = shanghai(spec.applyTime).getTime();
      const service: SandboxAfsService = {
        afsServiceId: spec.afsServiceId,
        orderId: spec.orderId,
        skuId: spec.skuId ?? order.itemInfoList[0].skuId,
        skuNum: spec.skuNum ?? 1,
        customerPin: order.pin,
        afsApplyType: type,
        customerExpect: type,
        questionDesc: spec.questionDesc ?? 'Does not work',
        images: spec.images ?? [],
        isNeedDetectionReport: spec.isNeedDetectionReport ?? 0,
        thirdApplyId: spec.thirdApplyId ?? `seed-${spec.afsServiceId}`,
        step: spec.step,
        applyTime: spec.applyTime,
        schedule:
          spec.schedule ?? pathTo(spec.step, jdHandled).map((step, i) => ({ step, date: formatShanghai(new Date(applied + i * HOUR)) })),
        ...(spec.exchangeSkuId !== undefined ? { exchangeSkuId: spec.exchangeSkuId } : {}),
        ...(spec.priceDifferenceFen !== undefined ? { priceDifferenceFen: spec.priceDifferenceFen } : {}),
      };
      sandbox.data.afsServices.set(service.afsServiceId, service);
      // New applications get ids above every seeded one, as JD's sequence would.
      sandbox.data.nextAfsServiceId = Math.max(sandbox.data.nextAfsServiceId, service.afsServiceId + 1);
      return service;
    },

    cart(pin, skuIds) {
      const addedAt = formatShanghai(sandbox.now());
      sandbox.data.carts.set(
        pin,
        skuIds.map((skuId) => ({ skuId: Number(skuId), quantity: 1, addedAt })),
      );
    },

    bestsellers(scope, skuIds) {
      const ranked = skuIds.map(Number);
      if (scope === 'platform') sandbox.data.platformBestsellers = ranked;
      else sandbox.data.shopBestsellers.set(shopOf(scope).shopId, ranked);
    },

    price(skuId, priceFen) {
      skuOf(skuId).priceFen = priceFen;
    },

    stock(skuId, units) {
      skuOf(skuId).stock = units;
    },
  };
  return seeder;
}
