import { JdSource, requireCustomer } from '../../kit';
import type { OrderConnection } from '../order/order-connection.type';
import { toConnection, type PositionedOrder } from '../order/order-connection';
import { toOrder } from '../order/order.mapper';
import type { Order } from '../order/order.type';
import type { OrdersWindow } from '../order/orders.args';
import { planPages } from '../order/page-plan';

/**
 * The orders subgraph's only door to JD: the kit's JdSource (ownership, lazy loaders, coded JD
 * errors) plus paging over jingdong.pop.order.search and the mapping of JD records to graph objects.
 */
export class OrdersSource extends JdSource {
  /** The caller's order, or null when it does not exist or belongs to someone else (indistinguishable). */
  async order(id: string): Promise<Order | null> {
    const info = await this.ownedOrder(requireCustomer(this.ctx), id);
    return info && toOrder(info);
  }

  /** A page of the caller's own orders via jingdong.pop.order.search (page_size ≤ 100). */
  async orders(window: OrdersWindow): Promise<OrderConnection> {
    const pin = requireCustomer(this.ctx);
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
