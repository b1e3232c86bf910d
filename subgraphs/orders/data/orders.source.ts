import type { JdLoaders } from '../../../jd/loaders/types';
import { requireCustomer, translateJdError, type BaseContext } from '../../kit';
import type { OrderConnection } from '../order/order-connection.type';
import { toConnection, type PositionedOrder } from '../order/order-connection';
import { toOrder } from '../order/order.mapper';
import type { Order } from '../order/order.type';
import type { OrdersWindow } from '../order/orders-args';
import { planPages } from '../order/page-plan';

/** Builds the request's loaders; `customerPin` is undefined for partners and anonymous callers. */
export type LoadersFactory = (customerPin: string | undefined) => JdLoaders;

/**
 * The orders subgraph's only door to JD. Enforces ownership (an order whose buyer is not the
 * caller does not exist), maps JD records to graph objects and JD failures to coded errors.
 */
export class OrdersSource {
  private loadersCache?: JdLoaders;

  constructor(
    private readonly ctx: Pick<BaseContext, 'identity' | 'language'>,
    private readonly createLoaders: LoadersFactory,
  ) {}

  private get loaders(): JdLoaders {
    this.loadersCache ??= this.createLoaders(this.ctx.identity.kind === 'customer' ? this.ctx.identity.pin : undefined);
    return this.loadersCache;
  }

  private async jd<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw translateJdError(err, this.ctx.language);
    }
  }

  /** The caller's order, or null when it does not exist or belongs to someone else (indistinguishable). */
  async order(id: string): Promise<Order | null> {
    const pin = requireCustomer(this.ctx as BaseContext);
    // JD order ids are digits; anything else cannot exist, so spare JD the call.
    if (!/^\d{1,30}$/.test(id)) return null;
    const info = await this.jd(() => this.loaders.order.load(id));
    if (!info || info.pin !== pin) return null;
    return toOrder(info);
  }

  /** A page of the caller's own orders via jingdong.pop.order.search (page_size ≤ 100). */
  async orders(window: OrdersWindow): Promise<OrderConnection> {
    const pin = requireCustomer(this.ctx as BaseContext);
    const plan = planPages(window.offset, window.first);
    const pages = await this.jd(() =>
      Promise.all(
        plan.pages.map((page) =>
          this.loaders.searchOrders({
            page: String(page),
            page_size: String(plan.pageSize),
            ...(window.jdStates ? { order_state: window.jdStates.join(',') } : {}),
          }),
        ),
      ),
    );
    const total = pages[0].total;
    const records = pages.flatMap((p) => p.orders).slice(plan.skip, plan.skip + window.first);
    const entries: PositionedOrder[] = [];
    records.forEach((info, i) => {
      // Seeded for this request: a follow-up order(id) or _entities for the same id costs no JD call.
      if (info.pin !== pin) return;
      this.loaders.order.prime(String(info.orderId), info);
      entries.push({ order: toOrder(info), position: window.offset + i });
    });
    return toConnection(entries, window.offset + records.length, total, window.filter);
  }

  /** Product name from JD goods info; null when JD does not know the SKU. */
  async productName(skuId: string): Promise<string | null> {
    const goods = await this.jd(() => this.loaders.goods.load(skuId));
    return goods?.goodsName ?? null;
  }

  /** Shop name learned from a SKU bought there; null when JD does not know the SKU. */
  async shopNameViaSku(skuId: string): Promise<string | null> {
    const goods = await this.jd(() => this.loaders.goods.load(skuId));
    return goods?.shopName ?? null;
  }
}
