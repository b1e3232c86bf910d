import type { JdMethodName, JdParamsByMethod, JdResultByMethod, JdAfsApplyCreateParams } from '../protocol';

/**
 * What a caller hands every JD call of one request; loaders apply it to each call and queued batch.
 * Priority (background, caller) travels here, explicitly, rather than in async local storage: on
 * Node 20 the first one run turns on promise hooks for every promise of the process (~6% CPU).
 */
export interface JdCallOptions {
  /** Aborts the call (and its retries) when the caller no longer needs the answer (e.g. the client disconnected). */
  signal?: AbortSignal;
  /**
   * Epoch ms (Date.now clock) after which the answer is useless: no attempt, retry or queued batch starts
   * after it, and a wait in progress ends then with JdApiError kind 'deadline'.
   */
  deadline?: number;
  /**
   * A background refresh of a cached answer that nobody waits on: the rate limiter grants it only a slot
   * free now, and never one of the last 20% of a second's budget (kept for calls a customer waits on).
   */
  background?: boolean;
  /**
   * Who the call serves, e.g. `customer:jd_demo_alice` or `partner:p1`: under contention one caller may
   * take only its share of the budget (JD_CALLER_SHARE_PERCENT). Absent: nobody in particular.
   */
  caller?: string;
}

/**
 * What every consumer of JD (loaders, data sources) depends on. The real client signs, limits,
 * retries reads and breaks circuits; tests substitute a recording fake with the same shape.
 */
export interface JdClient {
  /** One JOS call; resolves to the object inside `<method>_responce`, or throws JdApiError. */
  call<M extends JdMethodName>(method: M, params: JdParamsByMethod[M], options?: JdCallOptions): Promise<JdResultByMethod[M]>;
  /**
   * Idempotent `afsservice.apply.create`: sends `params.thirdApplyId`; when the outcome is unknown
   * (timeout, 5xx) it asks `afsservice.order.get` whether the application exists before trying again.
   */
  createAfterSalesApplication(params: JdAfsApplyCreateParams, options?: JdCallOptions): Promise<{ afsServiceId: number; reused: boolean }>;
}
