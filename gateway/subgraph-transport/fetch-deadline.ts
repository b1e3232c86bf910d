/**
 * Why a subgraph fetch's signal aborted: its own timeout (the subgraph's fault), the request's deadline
 * (the request ran out of time, e.g. a client's short `timeout`), or the client left.
 */
export type FetchStop = 'timeout' | 'deadline' | 'disconnected';

/** One subgraph fetch's time: when it must end, the signal that ends it, and why it ended. */
export interface FetchDeadline {
  /** Epoch ms: the earlier of now + the subgraph's timeout and the request's deadline. */
  endsAt: number;
  signal: AbortSignal;
  /** Set once the signal has aborted. */
  stopped(): FetchStop | undefined;
  /** What is left, in whole ms (at least 1), for the `x-deadline-ms` header. */
  remainingMs(): number;
  done(): void;
}

/**
 * A fetch may take the subgraph's timeout, never more than what is left of the request's deadline; it
 * also ends when the request's signal aborts (the client left). The timer goes when the fetch is over.
 */
export function fetchDeadline(timeoutMs: number, request: { deadline?: number; signal?: AbortSignal } | undefined): FetchDeadline {
  const now = Date.now();
  const requestDeadline = request?.deadline ?? Infinity;
  const endsAt = Math.min(now + timeoutMs, requestDeadline);
  // Which limit the timer enforces decides whose fault a stop is.
  const timerStop: FetchStop = endsAt === requestDeadline ? 'deadline' : 'timeout';
  const controller = new AbortController();
  let why: FetchStop | undefined;
  const stop = (reason: FetchStop) => {
    why ??= reason;
    controller.abort(new Error(reason === 'disconnected' ? 'the client closed the connection' : `subgraph fetch stopped: ${reason}`));
  };
  const timer = setTimeout(() => stop(timerStop), Math.max(0, endsAt - now));
  const requestSignal = request?.signal;
  const onRequestStop = () => stop(Date.now() >= requestDeadline ? 'deadline' : 'disconnected');
  if (requestSignal?.aborted) onRequestStop();
  else requestSignal?.addEventListener('abort', onRequestStop, { once: true });
  if (endsAt <= now) stop(timerStop);
  return {
    endsAt,
    signal: controller.signal,
    stopped: () => why,
    remainingMs: () => Math.max(1, Math.ceil(endsAt - Date.now())),
    done: () => {
      clearTimeout(timer);
      requestSignal?.removeEventListener('abort', onRequestStop);
    },
  };
}

/** Settles like `work`, or rejects as soon as `signal` aborts (a fetch that joined another's must not outwait its own deadline). */
export function untilStopped<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
