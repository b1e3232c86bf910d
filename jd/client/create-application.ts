import { JD_METHODS, type JdAfsApplyCreateParams, type JdAfsServiceSummary } from '../protocol';
import type { JdCallOptions, JdClient } from './types';
import { isTransientUpstreamFailure } from './errors';
import { backoffDelays, type BackoffOptions } from './policies/backoff';
import { sleep } from './policies/abort';

export interface CreateApplicationDeps {
  call: JdClient['call'];
  /** Creates sent at most; each send after the first follows a lookup that did not find the application. */
  maxAttempts: number;
  backoff: BackoffOptions;
}

/** The lookup could not tell: JD did not answer afsservice.order.get. */
const UNKNOWN = Symbol('lookup failed');

/**
 * Idempotent after-sales create: always sends the caller's thirdApplyId. When an attempt's outcome
 * is unknown (timeout, network, 5xx, transient code) it asks afsservice.order.get whether the
 * application landed; found -> reuse it, not found -> send again with the same thirdApplyId. When
 * that lookup fails too it sends again all the same: JD answers a repeated thirdApplyId with the
 * service it filed, so the lookup only saves a send, and a failing read must never strand a filed
 * application. Definite rejections (3001, 403, ...) are thrown at once. Not a cockatiel retry: each
 * repeat follows a lookup, and the last unknown outcome is looked up too.
 */
export async function createAfterSalesApplication(
  deps: CreateApplicationDeps,
  params: JdAfsApplyCreateParams,
  options?: JdCallOptions,
): Promise<{ afsServiceId: number; reused: boolean }> {
  if (!params.thirdApplyId) throw new Error('createAfterSalesApplication needs a thirdApplyId: it is what makes a repeated create safe');
  const delays = backoffDelays(deps.backoff);
  let unknownOutcome: unknown;
  // After a failed lookup JD's answer to the next send may be an earlier send's service.
  let mayBeEarlier = false;
  for (let attempt = 1; attempt <= deps.maxAttempts; attempt++) {
    try {
      const created = await deps.call(JD_METHODS.afsApplyCreate, params, options);
      return { afsServiceId: created.afsServiceId, reused: mayBeEarlier };
    } catch (error) {
      if (!isTransientUpstreamFailure(error)) throw error;
      unknownOutcome = error;
    }
    // Give JD a moment to finish a create that may still be in flight before asking about it.
    await sleep(delays.next().value, options?.signal);
    const existing = await findByThirdApplyId(deps, params, options);
    if (existing === UNKNOWN) mayBeEarlier = true;
    else if (existing) return { afsServiceId: existing.afsServiceId, reused: true };
    else mayBeEarlier = false;
  }
  throw unknownOutcome;
}

async function findByThirdApplyId(
  deps: CreateApplicationDeps,
  params: JdAfsApplyCreateParams,
  options: JdCallOptions | undefined,
): Promise<JdAfsServiceSummary | undefined | typeof UNKNOWN> {
  try {
    const { afsServiceList } = await deps.call(
      JD_METHODS.afsOrderGet,
      { orderId: params.orderId, customerPin: params.customerPin },
      options,
    );
    return (afsServiceList ?? []).find((service) => service.thirdApplyId === params.thirdApplyId);
  } catch (error) {
    // The caller gave up: nothing more may be sent.
    if (options?.signal?.aborted) throw error;
    return UNKNOWN;
  }
}
