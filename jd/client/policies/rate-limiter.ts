import { rateLimitedError } from '../errors';
import { sleep } from './abort';
import type { JdCallOptions } from '../types';

export interface RateLimiterOptions {
  /** At most this many calls start in any 1000 ms window. */
  perSecond: number;
  /** A caller waits at most this long for a slot; beyond it the call fails with kind 'rate-limited'. */
  maxWaitMs: number;
  /**
   * Share of each window kept for calls a customer waits on (default 0.2): a background refresh
   * (a call with `background: true`) takes a slot only when one is free now and the window is below 1 − this share full.
   */
  foregroundReserve?: number;
  /**
   * Share of a window one caller (a call's `caller`: a customer or a partner) may queue for while other
   * callers are spending the budget too (default 1: no cap): past it, that caller takes only a slot free
   * now and queues ahead of nobody. Alone, a caller may use the whole budget.
   */
  callerShare?: number;
  /**
   * The app key's budget shared with other processes (Redis), asked after this process's own slot:
   * refused, the caller waits for its next window within the same bound (a refresh never waits).
   */
  shared?: SharedBudget;
}

/** One budget for every process of an app key (see subgraphs/kit's JD runtime: Redis through rate-limiter-flexible). */
export interface SharedBudget {
  /** Takes one call from the current window, or says how long until the next one. */
  take(): Promise<{ allowed: boolean; resetMs: number }>;
}

const DEFAULT_FOREGROUND_RESERVE = 0.2;
// Off unless configured (JD_CALLER_SHARE_PERCENT): a burst of one customer's own calls then waits like any other.
const DEFAULT_CALLER_SHARE = 1;

const WINDOW_MS = 1000;

/** What the limiter has done since start: how often and how long callers waited for a slot. */
export interface RateLimiterSnapshot {
  /** Slots granted. */
  granted: number;
  /** Granted slots that were not free at once. */
  waited: number;
  /** Total milliseconds granted callers were told to wait. */
  waitedMs: number;
  /** Callers refused because the wait would pass their bound. */
  refused: number;
  /** Background refreshes refused (no free slot now, or the window already in the foreground's reserve). */
  backgroundRefused: number;
  /** Calls refused because their caller had taken its share of the window and no slot was free for it now. */
  overShareRefused: number;
}

/**
 * Sliding-window limiter for one app key: callers wait for a free slot instead of earning JD's
 * code 2. Slots are handed out in call order; any 1000 ms window holds at most `perSecond` starts.
 * cockatiel has no rate limiter (its bulkhead bounds concurrency, not starts per second).
 */
export class RateLimiter {
  /** Start times already granted (non-decreasing), at most `perSecond` of them kept. */
  private readonly granted: number[] = [];
  /** Who each of `granted` was for (same index); undefined for refreshes and callers without a key. */
  private readonly grantedTo: (string | undefined)[] = [];
  /** When granted calls actually went (non-decreasing), at most `perSecond` of them kept. */
  private readonly started: number[] = [];
  private readonly counts: RateLimiterSnapshot = {
    granted: 0,
    waited: 0,
    waitedMs: 0,
    refused: 0,
    backgroundRefused: 0,
    overShareRefused: 0,
  };

  constructor(private readonly options: RateLimiterOptions) {}

  /**
   * Resolves when the caller may send; throws JdApiError kind 'rate-limited' at once when the wait
   * would exceed the bound (maxWaitMs, or what is left before `call.deadline`, epoch ms), and the
   * signal's reason when the caller aborts first. `call.background` and `call.caller` set its priority.
   */
  async acquire(method: string, call: JdCallOptions = {}): Promise<void> {
    const { signal, deadline, caller } = call;
    const background = call.background === true;
    signal?.throwIfAborted();
    const now = Date.now();
    const { perSecond } = this.options;
    // A caller with a deadline waits no longer than it leaves: a slot after it is refused now, not at the deadline.
    const maxWaitMs = deadline === undefined ? this.options.maxWaitMs : Math.max(0, Math.min(this.options.maxWaitMs, deadline - now));
    const last = this.granted.at(-1) ?? -Infinity;
    const windowStart = this.granted.length >= perSecond ? this.granted[this.granted.length - perSecond] + WINDOW_MS : -Infinity;
    const slot = Math.max(now, last, windowStart);
    const wait = slot - now;
    const reserveReached = this.inWindow(now) >= perSecond * (1 - (this.options.foregroundReserve ?? DEFAULT_FOREGROUND_RESERVE));
    // Nobody waits on a refresh: it never queues, and never takes what a customer may need this second.
    const refusedRefresh = background && (wait > 0 || reserveReached);
    // Under contention a caller past its share queues ahead of no one (alone, it may use the whole budget).
    const refusedOverShare = !background && wait > 0 && caller !== undefined && this.overShare(caller, now);
    if (refusedRefresh || refusedOverShare) {
      this.counts[refusedRefresh ? 'backgroundRefused' : 'overShareRefused'] += 1;
      throw rateLimitedError(method, wait, 0);
    }
    if (wait > maxWaitMs) {
      this.counts.refused += 1;
      throw rateLimitedError(method, wait, maxWaitMs);
    }
    this.counts.granted += 1;
    if (wait > 0) {
      this.counts.waited += 1;
      this.counts.waitedMs += wait;
    }
    // Reserve before sleeping so concurrent callers queue behind this one.
    this.granted.push(slot);
    this.grantedTo.push(background ? undefined : caller);
    if (this.granted.length > perSecond) {
      this.granted.shift();
      this.grantedTo.shift();
    }
    if (wait > 0) await sleep(wait, signal);
    await this.untilStartFits(method, deadline, signal);
    if (this.options.shared) await this.takeShared(method, now + maxWaitMs, background, signal);
  }

  /**
   * The slots above are planned times; a call goes when its timer fires, and a held-up event loop fires
   * many late together, beside callers that arrive then and find the plan's window free. So the starts
   * that really happened are kept too, and a call whose start would put more than `perSecond` of them
   * into 1000 ms waits for the oldest to leave the window: JD sees the budget, not the plan.
   */
  private async untilStartFits(method: string, deadline: number | undefined, signal?: AbortSignal): Promise<void> {
    const { perSecond } = this.options;
    for (;;) {
      const now = Date.now();
      const oldest = this.started.length >= perSecond ? this.started[this.started.length - perSecond] : -Infinity;
      const wait = oldest + WINDOW_MS - now;
      if (wait <= 0) break;
      if (deadline !== undefined && now + wait > deadline) {
        this.counts.refused += 1;
        throw rateLimitedError(method, wait, Math.max(0, deadline - now));
      }
      this.counts.waitedMs += wait;
      await sleep(wait, signal);
    }
    this.started.push(Date.now());
    if (this.started.length > perSecond) this.started.shift();
  }

  /** Waits for the shared budget's next window while the caller's bound allows; refuses past it. */
  private async takeShared(method: string, latest: number, background: boolean, signal?: AbortSignal): Promise<void> {
    for (;;) {
      const { allowed, resetMs } = await (this.options.shared as SharedBudget).take();
      if (allowed) return;
      const wait = Math.max(1, resetMs);
      if (background || Date.now() + wait > latest) {
        this.counts[background ? 'backgroundRefused' : 'refused'] += 1;
        throw rateLimitedError(method, wait, Math.max(0, latest - Date.now()));
      }
      this.counts.waited += 1;
      this.counts.waitedMs += wait;
      await sleep(wait, signal);
    }
  }

  /** True when `caller` holds its share of the current window and another caller holds some of it too. */
  private overShare(caller: string, now: number): boolean {
    const share = Math.max(1, Math.floor(this.options.perSecond * (this.options.callerShare ?? DEFAULT_CALLER_SHARE)));
    let mine = 0;
    let others = false;
    for (let i = this.granted.length - 1; i >= 0 && this.granted[i] > now - WINDOW_MS; i--) {
      if (this.grantedTo[i] === caller) mine++;
      else if (this.grantedTo[i] !== undefined) others = true;
    }
    return others && mine >= share;
  }

  /** Slots granted from `now - 1000 ms` on (reserved future slots included). */
  private inWindow(now: number): number {
    let n = 0;
    for (let i = this.granted.length - 1; i >= 0 && this.granted[i] > now - WINDOW_MS; i--) n++;
    return n;
  }

  /** Counts since start (benches and metrics read them). */
  snapshot(): RateLimiterSnapshot {
    return { ...this.counts };
  }
}
