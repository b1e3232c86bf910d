/**
 * The process-wide batch window: misses that different requests send for one batch method within
 * `windowMs` of the first leave as ONE JD call (≤ maxKeysPerCall keys), because JD's call budget,
 * not its batch size, is the limit. Each participant gets the whole call's answers (or its error);
 * batch.ts's fetchMisses keeps the per-key bookkeeping (in flight, write-back, abandoned loads).
 */
import { isStopped, throwIfStopped, withBatchKeys, type JdCallOptions } from '../client';
import type { BatchDeps, CachedBatchSpec } from './batch';

/** Starts a timer that calls `close` after `ms`; returns what cancels it. Tests pass one they fire by hand. */
export type WindowTimer = (close: () => void, ms: number) => () => void;

export interface BatchWindowOptions {
  /** How long the first miss waits for others; > 0 (0 means "no window": do not create one). */
  windowMs: number;
  /** Default: setTimeout, unref'd so an open window never keeps the process alive. */
  timer?: WindowTimer;
}

export interface BatchWindow {
  readonly windowMs: number;
  /**
   * Adds `misses` (≤ spec.maxKeysPerCall, [cacheKey, key] pairs) to the method's open batch and
   * resolves to the merged call's answers, or rejects with its error or with this participant's
   * own stop error when its request stopped before the window closed.
   */
  join<K, V>(misses: [string, K][], spec: CachedBatchSpec<K, V>, deps: BatchDeps): Promise<Map<K, V | Error>>;
}

interface Participant {
  misses: [string, unknown][];
  spec: CachedBatchSpec<unknown, unknown>;
  deps: BatchDeps;
  resolve(answers: Map<unknown, unknown>): void;
  reject(error: unknown): void;
}

interface OpenBatch {
  participants: Participant[];
  cacheKeys: Set<string>;
  cancelTimer(): void;
}

const realTimer: WindowTimer = (close, ms) => {
  const timer = setTimeout(close, ms);
  timer.unref();
  return () => clearTimeout(timer);
};

/** The reason `options` stopped (what throwIfStopped throws). */
function stopError(method: string, options: JdCallOptions | undefined): unknown {
  try {
    throwIfStopped(method, options);
  } catch (error) {
    return error;
  }
  return new Error(`${method}: the request stopped`);
}

/**
 * One signal for the merged call that aborts only once EVERY participant's has (with the last reason):
 * none when any participant has none, since that one never gives up. `release` removes the listeners.
 */
function allAborted(signals: (AbortSignal | undefined)[]): { signal?: AbortSignal; release(): void } {
  if (signals.length === 0 || signals.some((s) => s === undefined)) return { release: () => undefined };
  const controller = new AbortController();
  const live = signals as AbortSignal[];
  const onAbort = (event: Event) => {
    if (live.every((s) => s.aborted)) controller.abort((event.target as AbortSignal).reason);
  };
  for (const s of live) s.addEventListener('abort', onAbort, { once: true });
  return { signal: controller.signal, release: () => live.forEach((s) => s.removeEventListener('abort', onAbort)) };
}

/** The latest participant deadline, or none when any participant has none. */
function latestDeadline(deadlines: (number | undefined)[]): number | undefined {
  if (deadlines.some((d) => d === undefined)) return undefined;
  return Math.max(...(deadlines as number[]));
}

/** Sends one closed batch: drops stopped participants, merges the rest into one JD call. */
function send(batch: OpenBatch): void {
  batch.cancelTimer();
  const { participants } = batch;
  const method = participants[0].spec.method;
  const live: Participant[] = [];
  for (const p of participants) {
    if (!isStopped(p.deps.call)) {
      live.push(p);
      continue;
    }
    // Counted like a batch that waited past its request's end without a window: dropped, never sent.
    p.deps.stats.jdCallError(method);
    p.reject(stopError(method, p.deps.call));
  }
  if (live.length === 0) return;

  // A stopped participant's keys are sent only if a live one wants them too.
  const keys = new Map<string, unknown>();
  for (const p of live) for (const [cacheKey, key] of p.misses) if (!keys.has(cacheKey)) keys.set(cacheKey, key);
  const { spec, deps } = live[0];
  const abort = allAborted(live.map((p) => p.deps.call?.signal));
  // Every field named, even when undefined: forRequest lets explicit options override the first participant's
  // own. The call serves several requests, so it runs in the foreground for no single caller: it is not
  // counted against the first participant's fair share.
  const options: JdCallOptions = {
    signal: abort.signal,
    deadline: latestDeadline(live.map((p) => p.deps.call?.deadline)),
    background: false,
    caller: undefined,
  };
  deps.stats.jdCall(method, keys.size);
  deps.stats.windowSaved(method, live.length - 1);
  const call = new Promise<Map<unknown, unknown>>((resolve) =>
    resolve(withBatchKeys(keys.size, () => spec.fetchChunk([...keys.values()], options))),
  );
  void call
    .then(
      (answers) => live.forEach((p) => p.resolve(answers)),
      (error: unknown) => {
        deps.stats.jdCallError(method);
        live.forEach((p) => p.reject(error));
      },
    )
    .finally(() => abort.release());
}

/** Creates the process's window: share one between every request's loaders (createJdLoaders' `batchWindow`). */
export function createBatchWindow(options: BatchWindowOptions): BatchWindow {
  const timer = options.timer ?? realTimer;
  const open = new Map<string, OpenBatch>();
  const close = (method: string, batch: OpenBatch) => {
    if (open.get(method) === batch) open.delete(method);
    send(batch);
  };
  return {
    windowMs: options.windowMs,
    join<K, V>(misses: [string, K][], spec: CachedBatchSpec<K, V>, deps: BatchDeps) {
      return new Promise<Map<K, V | Error>>((resolve, reject) => {
        const method = spec.method;
        let batch = open.get(method);
        const added = batch ? misses.filter(([cacheKey]) => !batch?.cacheKeys.has(cacheKey)).length : misses.length;
        // This participant's keys would overflow one call: the open batch leaves now, a new one opens.
        if (batch && batch.cacheKeys.size + added > spec.maxKeysPerCall) {
          close(method, batch);
          batch = undefined;
        }
        if (!batch) {
          const fresh: OpenBatch = { participants: [], cacheKeys: new Set(), cancelTimer: () => undefined };
          fresh.cancelTimer = timer(() => close(method, fresh), options.windowMs);
          open.set(method, fresh);
          batch = fresh;
        }
        for (const [cacheKey] of misses) batch.cacheKeys.add(cacheKey);
        batch.participants.push({
          misses,
          spec: spec as CachedBatchSpec<unknown, unknown>,
          deps,
          resolve: resolve as (answers: Map<unknown, unknown>) => void,
          reject,
        });
      });
    },
  };
}
