import { JdApiError, type JdCallOptions } from '../../../jd/client';
import { ForeignCustomerError, type AfsDetail, type JdLoaders, type StalenessRecord } from '../../../jd/loaders';
import { AFS_RESULT_NOT_CANCELLABLE, type JdAfsServiceSummary, type JdOrderInfo } from '../../../jd/protocol';
import type { BaseContext } from '../context';
import { isJdApiError, translateJdError } from '../errors/translate-jd-error';
import { userError, type UserError } from '../types/user-error';
import { jdCallerKey } from './jd-caller';

/**
 * Builds one request's loaders; `customerPin` is undefined for partners and anonymous callers, `call`
 * carries the request's signal, deadline and caller to every JD call the loaders make, and `staleness`
 * (the request's record) notes every answer they serve past its TTL.
 */
export type LoadersFactory = (customerPin: string | undefined, call?: JdCallOptions, staleness?: StalenessRecord) => JdLoaders;

/** A write either happened or JD refused it for a business reason the customer can act on. */
export type WriteOutcome<T> = { ok: T } | { refused: UserError };

// JD order ids are digits; anything else cannot exist, so JD is spared the call.
const JD_ORDER_ID = /^\d{1,30}$/;

/** The answer to a write on an order that is missing or someone else's: both read exactly alike. */
export const ORDER_NOT_FOUND = userError('ORDER_NOT_FOUND', 'No order with this id.', ['input', 'orderId']);

/** True when `id` has the shape of a JD order id (digits only). */
function isJdOrderId(id: string): boolean {
  return JD_ORDER_ID.test(id);
}

/**
 * What every subgraph's door to JD shares: per-request loaders built on first use, ownership
 * (another customer's order, service or cart reads exactly like a missing one), JD failures as
 * coded GraphQL errors, and a refused write as a user error. Subclasses add what is their own.
 */
export abstract class JdSource {
  private loadersMemo?: JdLoaders;

  constructor(
    protected readonly ctx: Pick<BaseContext, 'identity' | 'language'> & Partial<Pick<BaseContext, 'signal' | 'deadline' | 'staleness'>>,
    private readonly createLoaders: LoadersFactory,
  ) {}

  // Lazy: a request that never reaches JD builds no loaders.
  protected get loaders(): JdLoaders {
    const { identity, signal, deadline, staleness } = this.ctx;
    // The caller rides on every JD call's options, so the rate limiter's fair shares need no async context.
    const call = { signal, deadline, caller: jdCallerKey(identity) };
    this.loadersMemo ??= this.createLoaders(identity.kind === 'customer' ? identity.pin : undefined, call, staleness);
    return this.loadersMemo;
  }

  /** The order if it exists and belongs to `pin`, else null (no hint which); a non-digit id costs no JD call. */
  async ownedOrder(pin: string, orderId: string): Promise<JdOrderInfo | null> {
    if (!isJdOrderId(orderId)) return null;
    const order = await this.read(() => this.loaders.order.load(orderId));
    return order && order.pin === pin ? order : null;
  }

  /** The applications filed against an order (jingdong.afsservice.order.get); none for an id that cannot exist. */
  async serviceSummaries(orderId: string): Promise<JdAfsServiceSummary[]> {
    if (!isJdOrderId(orderId)) return [];
    return (await this.read(() => this.loaders.afsServicesByOrder.load(orderId))) ?? [];
  }

  /**
   * The order's applications, for a write whose thirdApplyId repeats on a retry. When JD cannot list
   * them now (a failure a retry may cure), the write must not depend on this read: the caller gets
   * the translated error as `unreadable` and lets the idempotent create decide, since JD answers a
   * repeated thirdApplyId with the service it filed. Anything else is thrown as from serviceSummaries.
   */
  async serviceSummariesForKeyedWrite(orderId: string): Promise<{ services: JdAfsServiceSummary[]; unreadable?: unknown }> {
    if (!isJdOrderId(orderId)) return { services: [] };
    try {
      return { services: (await this.loaders.afsServicesByOrder.load(orderId)) ?? [] };
    } catch (err) {
      if (err instanceof ForeignCustomerError) return { services: [] };
      if (isJdApiError(err) && err.retryable) return { services: [], unreadable: this.translated(err) };
      throw this.translated(err);
    }
  }

  /** A service's details if it exists and belongs to `pin`, else null (no hint which). */
  async ownedService(pin: string, afsServiceId: number): Promise<AfsDetail | null> {
    const detail = await this.read(() => this.loaders.afsDetail.load(afsServiceId));
    return detail && detail.customerInfo.customerPin === pin ? detail : null;
  }

  /** Runs JD work; a JD failure becomes UPSTREAM_UNAVAILABLE or UPSTREAM_REJECTED in the caller's language. */
  protected async jd<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (err) {
      throw this.translated(err);
    }
  }

  /** Like `jd`, but another customer's data is simply not there: null. */
  protected async read<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      return await work();
    } catch (err) {
      if (err instanceof ForeignCustomerError) return null;
      throw this.translated(err);
    }
  }

  /**
   * Runs a JD write. A business refusal JD will repeat (not retryable) is an answer about this
   * request, returned as a user error at `field`; transient and system failures are thrown.
   */
  protected async write<T>(work: () => Promise<T>, field: string[]): Promise<WriteOutcome<T>> {
    try {
      return { ok: await work() };
    } catch (err) {
      if (err instanceof JdApiError && err.kind === 'business' && !err.retryable) {
        const message = (this.ctx.language === 'zh' ? err.zhDesc : err.enDesc) || err.enDesc || err.zhDesc;
        const code = err.code === String(AFS_RESULT_NOT_CANCELLABLE) ? 'NOT_CANCELLABLE' : 'JD_REJECTED';
        return { refused: userError(code, `${message} (JD ${err.code})`, field) };
      }
      throw this.translated(err);
    }
  }

  /** A JD failure as a coded GraphQL error; anything else (a bug, a loader's own refusal) unchanged. */
  protected translated(err: unknown): unknown {
    return isJdApiError(err) ? translateJdError(err, this.ctx.language) : err;
  }
}
