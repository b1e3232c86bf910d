/**
 * Who is waiting for a JD call: a customer (the default), or nobody — a background refresh of a
 * cached answer that is being served stale meanwhile. The priority travels with the async context,
 * so a loader's existing fetch code needs no new parameter to make its call a background one.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const background = new AsyncLocalStorage<true>();

/** Runs `work` so that every JD call it makes asks the rate limiter with background priority. */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return background.run(true, work);
}

/** True inside `inBackground`. */
export function isBackground(): boolean {
  return background.getStore() === true;
}
