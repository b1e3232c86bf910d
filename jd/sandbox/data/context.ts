/** Shared state while generating: the catalog, id counters and the maps orders and services go into. */
import type { JdOrderInfo, JdOrderState } from '../../protocol';
import type { Rng } from '../rng';
import type { Catalog } from './catalog';
import { buildOrder, type OrderLineSpec, type OrderSpec } from './order-builder';
import type { SandboxAfsService, SandboxCustomer, SandboxShop, SandboxSku } from './types';

const DAY = 86_400_000;
const HOUR = 3_600_000;

export class GenerationContext {
  readonly orders = new Map<string, JdOrderInfo>();
  readonly afsServices = new Map<number, SandboxAfsService>();
  readonly skusByShop = new Map<number, SandboxSku[]>();
  private orderSeq = 0;
  private afsSeq = 0;

  constructor(
    readonly rng: Rng,
    readonly now: Date,
    readonly catalog: Catalog,
  ) {
    for (const shop of catalog.shops) this.skusByShop.set(shop.shopId, []);
    for (const sku of catalog.skus.values()) this.skusByShop.get(sku.shopId)!.push(sku);
  }

  /** Twelve-digit order ids, increasing in generation order. */
  nextOrderId(): string {
    this.orderSeq += this.rng.int(1, 9999);
    return String(280000000000 + this.orderSeq);
  }

  nextAfsServiceId(): number {
    this.afsSeq += this.rng.int(1, 50);
    return 700000000 + this.afsSeq;
  }

  shopOf(sku: SandboxSku): SandboxShop {
    return this.catalog.shops.find((s) => s.shopId === sku.shopId)!;
  }

  /** A time `days` days (plus some hours) before now. */
  daysAgo(days: number): Date {
    return new Date(this.now.getTime() - days * DAY - this.rng.int(0, 20 * 3600) * 1000);
  }

  /** Order times consistent with `state`: received orders were placed days before receipt, and so on. */
  timesFor(state: JdOrderState, receivedDaysAgo?: number): Pick<OrderSpec, 'placedAt' | 'paidAt' | 'receivedAt'> {
    const r = this.rng;
    const after = (d: Date, minMinutes: number, maxMinutes: number) =>
      new Date(d.getTime() + r.int(minMinutes * 60, maxMinutes * 60) * 1000);
    if (state === 'FINISHED_L') {
      const receivedAt = this.daysAgo(receivedDaysAgo ?? r.int(1, 120));
      const placedAt = new Date(receivedAt.getTime() - r.int(2 * 24 * 3600, 8 * 24 * 3600) * 1000);
      return { placedAt, paidAt: after(placedAt, 1, 40), receivedAt };
    }
    const placedDaysAgo: Record<JdOrderState, [number, number]> = {
      WAIT_SELLER_STOCK_OUT: [0, 2],
      WAIT_SELLER_DELIVERY: [0, 2],
      WAIT_GOODS_RECEIVE_CONFIRM: [2, 6],
      PAUSE: [1, 10],
      POP_ORDER_PAUSE: [1, 10],
      LOCKED: [1, 15],
      TRADE_CANCELED: [1, 90],
      FINISHED_L: [0, 0],
    };
    const [min, max] = placedDaysAgo[state];
    const placedAt = new Date(this.now.getTime() - r.int(min * 24, max * 24 + 20) * HOUR - r.int(60, 3599) * 1000);
    const unpaid = (state === 'TRADE_CANCELED' && r.chance(0.6)) || (state === 'LOCKED' && r.chance(0.5));
    return { placedAt, paidAt: unpaid ? null : after(placedAt, 1, 40), receivedAt: null };
  }

  /** Freight in fen: free over ¥99 at home, a flat cross-border fee abroad. */
  freightFor(customer: SandboxCustomer, goodsFen: number): number {
    if (customer.address.countryCode !== 'CN') return this.rng.int(25, 99) * 100;
    return goodsFen >= 9900 ? 0 : 600;
  }

  /** A line for `sku` at roughly its current price (prices move, which exchange quotes care about). */
  line(sku: SandboxSku, quantity = 1): OrderLineSpec {
    const drift = this.rng.chance(0.5) ? 100 : this.rng.int(85, 115);
    return { sku, quantity, unitFen: Math.max(100, Math.round((sku.priceFen * drift) / 100 / 10) * 10) };
  }

  addOrder(spec: Omit<OrderSpec, 'orderId' | 'freightFen'> & { freightFen?: number }): JdOrderInfo {
    const goodsFen = spec.lines.reduce((s, l) => s + l.unitFen * l.quantity, 0);
    const order = buildOrder({
      ...spec,
      orderId: this.nextOrderId(),
      freightFen: spec.freightFen ?? this.freightFor(spec.customer, goodsFen),
    });
    this.orders.set(order.orderId, order);
    return order;
  }
}
