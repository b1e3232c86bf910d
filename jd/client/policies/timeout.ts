import { timeoutError } from '../errors';

/**
 * Runs `fn` with a signal that aborts after `timeoutMs` or when the caller's signal aborts, and stops
 * waiting at that moment even if `fn` ignores the signal. A timeout becomes JdApiError kind
 * 'timeout'; a caller's abort rethrows the caller's reason.
 */
export async function withTimeout<T>(method: string, timeoutMs: number, fn: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
  if (callerSignal?.aborted) throw callerSignal.reason;
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(callerSignal?.reason);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  const timer = setTimeout(() => controller.abort(timeoutError(method, timeoutMs)), timeoutMs);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  try {
    return await Promise.race([fn(controller.signal), aborted]);
  } catch (error) {
    // fetch rejects with its own AbortError; report why we aborted instead.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
}
