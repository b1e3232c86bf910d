import type { JdLoaders, AfsDetail, ScheduleEntry } from '../../../jd/loaders/types';
import type { JdOrderInfo } from '../../../jd/protocol/orders';
import type { JdAfsApplyCreateParams, JdAfsServiceSummary } from '../../../jd/protocol/after-sales';
import { AFS_RESULT_NOT_CANCELLABLE } from '../../../jd/protocol/after-sales';
import { isJdApiError, translateJdError } from '../../kit';
import type { ApplyProblem } from '../apply/apply.rules';

/** A write either happened or JD refused it for a business reason the customer can act on. */
export type WriteOutcome<T> = { ok: T } | { refused: ApplyProblem };

// The loaders report someone else's data with this error name; to a customer it is simply "not there".
const FOREIGN = 'ForeignCustomerError';

/**
 * The only door from the after-sales subgraph to JD: reads through the per-request loaders,
 * enforces ownership (another customer's data reads as missing), and turns JdApiError into coded
 * GraphQL errors — or, for a refused write, into a user error.
 */
export class AfterSalesSource {
  constructor(private readonly loaders: JdLoaders, private readonly language: 'zh' | 'en') {}

  /** The order if it exists and belongs to `pin`, else null (no hint which). */
  async ownedOrder(pin: string, orderId: string): Promise<JdOrderInfo | null> {
    const order = await this.read(this.loaders.order.load(orderId));
    return order && order.pin === pin ? order : null;
  }

  /** The applications filed against an order (jingdong.afsservice.order.get). */
  serviceSummaries(orderId: string): Promise<JdAfsServiceSummary[]> {
    return this.read(this.loaders.afsServicesByOrder.load(orderId));
  }

  /** A service's details if it exists and belongs to `pin`, else null. */
  async service(pin: string, afsServiceId: number): Promise<AfsDetail | null> {
    const detail = await this.read(this.loaders.afsDetail.load(afsServiceId));
    return detail && detail.customerInfo.customerPin === pin ? detail : null;
  }

  /**
   * The details of every service on an order the customer owns. The ownership check and the list
   * run side by side, and the details load in one round (DataLoader), so N orders cost no N-deep chain.
   */
  async servicesOfOrder(pin: string, orderId: string): Promise<AfsDetail[]> {
    const [order, summaries] = await Promise.all([this.ownedOrder(pin, orderId), this.serviceSummaries(orderId)]);
    if (!order) return [];
    const details = await Promise.all(summaries.map((s) => this.service(pin, s.afsServiceId)));
    return details.filter((d): d is AfsDetail => d !== null);
  }

  /** jingdong.afsservice.service.schedule.get, oldest step first as JD sends it. */
  schedule(afsServiceId: number): Promise<ScheduleEntry[]> {
    return this.read(this.loaders.afsSchedule.load(afsServiceId));
  }

  /** Top-level category (cid) per sku; skus JD no longer knows are absent. */
  async categories(skuIds: string[]): Promise<Map<string, number>> {
    const goods = await Promise.all(skuIds.map((sku) => this.read(this.loaders.goods.load(sku))));
    const bySku = new Map<string, number>();
    goods.forEach((g, i) => {
      if (g) bySku.set(skuIds[i], g.cid);
    });
    return bySku;
  }

  /** Idempotent create (the loaders send thirdApplyId and evict the order's after-sales list). */
  apply(params: JdAfsApplyCreateParams): Promise<WriteOutcome<{ afsServiceId: number; reused: boolean }>> {
    return this.write(this.loaders.applyForAfterSales(params), ['input']);
  }

  /** Cancels (the loaders evict the service and the order's list). */
  cancel(afsServiceId: number, orderId: string): Promise<WriteOutcome<true>> {
    return this.write(this.loaders.cancelAfterSales(afsServiceId, orderId).then(() => true as const), ['id']);
  }

  private async read<T>(pending: Promise<T>): Promise<T> {
    try {
      return await pending;
    } catch (err) {
      if (err instanceof Error && err.name === FOREIGN) return null as T;
      throw translateJdError(err, this.language);
    }
  }

  private async write<T>(pending: Promise<T>, field: string[]): Promise<WriteOutcome<T>> {
    try {
      return { ok: await pending };
    } catch (err) {
      // A business refusal is an answer about this request; transient or system failures are errors.
      if (isJdApiError(err) && err.kind === 'business' && !err.retryable) {
        const message = (this.language === 'zh' ? err.zhDesc : err.enDesc) || err.enDesc || err.zhDesc;
        const code = err.code === String(AFS_RESULT_NOT_CANCELLABLE) ? 'NOT_CANCELLABLE' : 'JD_REJECTED';
        return { refused: { field, code, message: `${message} (JD ${err.code})` } };
      }
      throw translateJdError(err, this.language);
    }
  }
}
