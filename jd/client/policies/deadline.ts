import { deadlineError } from '../errors';
import type { JdCallOptions } from '../types';

/** The caller's signal and deadline folded into one signal, and what to call when the call is over. */
export interface CallScope {
  signal?: AbortSignal;
  done(): void;
}

/**
 * Throws why a call must not start: the caller's signal has aborted (its reason), or the deadline has
 * passed (JdApiError kind 'deadline'). Checked before every attempt and before a queued batch leaves.
 */
export function throwIfStopped(method: string, options: JdCallOptions = {}): void {
  options.signal?.throwIfAborted();
  if (options.deadline !== undefined && Date.now() >= options.deadline) throw deadlineError(method);
}

/** True once the caller's signal has aborted or its deadline has passed. */
export function isStopped(options: JdCallOptions = {}): boolean {
  return Boolean(options.signal?.aborted) || (options.deadline !== undefined && Date.now() >= options.deadline);
}

/**
 * One signal for a whole call (attempts, backoff, rate-limit wait): it aborts with the caller's reason,
 * or with a 'deadline' JdApiError when the deadline passes, so no wait outlives the request that asked.
 */
export function callScope(method: string, options: JdCallOptions = {}): CallScope {
  throwIfStopped(method, options);
  const { signal, deadline } = options;
  if (deadline === undefined) return { signal, done: () => undefined };
  const controller = new AbortController();
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer = setTimeout(() => controller.abort(deadlineError(method)), deadline - Date.now());
  return {
    signal: controller.signal,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    },
  };
}
