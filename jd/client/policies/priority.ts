/**
 * Who a JD call is for, so the rate limiter can put customers first and share the budget fairly:
 * a background refresh of a cached answer (nobody waits on it), or a caller (one customer or one
 * partner) whose request it serves. It travels with the async context, so a loader's existing
 * fetch code needs no new parameter to carry it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

interface JdCallContext {
  background?: true;
  /** The customer or partner the call serves, e.g. `customer:jd_demo_alice`. */
  caller?: string;
}

const context = new AsyncLocalStorage<JdCallContext>();

/** Runs `work` so that every JD call it makes asks the rate limiter with background priority (for nobody). */
export function inBackground<T>(work: () => Promise<T>): Promise<T> {
  return context.run({ background: true }, work);
}

/** Runs `work` (one request) so that its JD calls count against `caller`'s fair share of the budget. */
export function asCaller<T>(caller: string, work: () => T): T {
  return context.run({ caller }, work);
}

/**
 * Runs `work` as a foreground call for no single caller. A call that serves several requests at once
 * (the loaders' cross-request batch window) would otherwise inherit whichever request happened to
 * start its timer: counted against that one caller's share, or even run as a background refresh.
 */
export function forSeveralCallers<T>(work: () => T): T {
  return context.run({}, work);
}

/** True inside `inBackground`. */
export function isBackground(): boolean {
  return context.getStore()?.background === true;
}

/** The caller set by `asCaller`, if any. */
export function currentCaller(): string | undefined {
  return context.getStore()?.caller;
}
