/** Resolves after `ms`, or rejects with the signal's own reason the moment it aborts (and drops the timer). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Settles like `work`, or rejects with the signal's reason as soon as it aborts. cockatiel's retry
 * sits out its backoff without watching the signal; a caller who gave up must not wait for it.
 */
export function untilAborted<T>(work: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return work;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    // `work` may still settle after an abort (the next attempt sees the aborted signal); that outcome is dropped.
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
