import { TaskCancelledError, timeout, TimeoutStrategy } from 'cockatiel';
import { timeoutError } from '../errors';

/**
 * Runs one attempt under cockatiel's aggressive timeout: `fn` gets a signal that aborts after
 * `timeoutMs` or with the caller's signal, and the wait ends then even if `fn` ignores it.
 * A timeout becomes JdApiError kind 'timeout'; a caller's abort rethrows the caller's reason.
 */
export async function withTimeout<T>(
  method: string,
  timeoutMs: number,
  fn: (signal: AbortSignal) => Promise<T>,
  callerSignal?: AbortSignal,
): Promise<T> {
  callerSignal?.throwIfAborted();
  // Only two things abort the attempt's signal before it returns: the caller, or the timer.
  const whyStopped = () => (callerSignal?.aborted ? callerSignal.reason : timeoutError(method, timeoutMs));
  try {
    return await timeout(timeoutMs, TimeoutStrategy.Aggressive).execute(async ({ signal }) => {
      try {
        return await fn(signal);
      } catch (error) {
        // fetch rejects with its own AbortError; report why we aborted instead.
        throw signal.aborted ? whyStopped() : error;
      }
    }, callerSignal);
  } catch (error) {
    throw error instanceof TaskCancelledError ? whyStopped() : error;
  }
}
