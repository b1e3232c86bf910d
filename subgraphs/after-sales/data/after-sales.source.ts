import type { AfsDetail, ScheduleEntry } from '../../../jd/loaders';
import type { JdAfsApplyCreateParams } from '../../../jd/protocol';
import { JdSource, type WriteOutcome } from '../../kit';

/**
 * The only door from the after-sales subgraph to JD: the kit's JdSource (ownership, lazy loaders,
 * coded JD errors, refused writes as user errors) plus what only after-sales reads and writes.
 */
export class AfterSalesSource extends JdSource {
  /**
   * The details of every service on an order the customer owns. The ownership check and the list
   * run side by side, and the details load in one round (DataLoader), so N orders cost no N-deep chain.
   */
  async servicesOfOrder(pin: string, orderId: string): Promise<AfsDetail[]> {
    const [order, summaries] = await Promise.all([this.ownedOrder(pin, orderId), this.serviceSummaries(orderId)]);
    if (!order) return [];
    const details = await Promise.all(summaries.map((s) => this.ownedService(pin, s.afsServiceId)));
    return details.filter((d): d is AfsDetail => d !== null);
  }

  /** jingdong.afsservice.service.schedule.get, oldest step first as JD sends it. */
  async schedule(afsServiceId: number): Promise<ScheduleEntry[]> {
    return (await this.read(() => this.loaders.afsSchedule.load(afsServiceId))) ?? [];
  }

  /** Top-level category (cid) per sku; skus JD no longer knows are absent. */
  async categories(skuIds: string[]): Promise<Map<string, number>> {
    const goods = await Promise.all(skuIds.map((sku) => this.jd(() => this.loaders.goods.load(sku))));
    const bySku = new Map<string, number>();
    goods.forEach((g, i) => {
      if (g) bySku.set(skuIds[i], g.cid);
    });
    return bySku;
  }

  /** Idempotent create (the loaders send thirdApplyId and evict the order's after-sales list). */
  apply(params: JdAfsApplyCreateParams): Promise<WriteOutcome<{ afsServiceId: number; reused: boolean }>> {
    return this.write(() => this.loaders.applyForAfterSales(params), ['input']);
  }

  /** Cancels (the loaders evict the service and the order's list). */
  cancel(afsServiceId: number, orderId: string): Promise<WriteOutcome<true>> {
    return this.write(() => this.loaders.cancelAfterSales(afsServiceId, orderId).then(() => true as const), ['id']);
  }
}
