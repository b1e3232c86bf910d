/**
 * The one place that enforces the DataLoader batch contract for every JD loader: the answer has
 * the keys' length and order, a failed JD call puts an Error in its own keys' slots only, and a
 * missing entity gets the loader's "missing" value. Cache first; only misses that no other loader
 * in this process is already fetching go to JD, in chunks of at most `maxKeysPerCall` (batch methods
 * through the process's batch window when there is one, which merges other requests' chunks in).
 * A fresh read (`freshBatchFn`) skips the cache read but still writes its answers back.
 * Stale-while-revalidate: an entry past its TTL but within its grace is served (the request's
 * staleness record, `deps.staleness`, notes its age) while one background refresh per key asks JD, only when the
 * budget has a slot free for it; past the grace the entry is gone.
 */
import DataLoader from 'dataloader';
import { isStopped, throwIfStopped, type JdCallOptions } from '../client';
import type { JdCache } from './cache';
import { recordStale, type StalenessRecord } from './staleness';
import type { JdLoaderStats } from './stats';
import { asError } from './errors';
import { withBatchKeys } from '../client';
import { tracedLoad, type LoadCounts } from './load-span';
import type { BatchWindow } from './batch-window';

export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export interface CachedBatchSpec<K, V> {
  /** The JD method this loader calls; labels the stats. */
  method: string;
  cacheKey(key: K): string;
  ttlMs: number;
  /** How long past `ttlMs` an entry may still be served stale while it is refreshed; 0 or absent: never. */
  graceMs?: number;
  /** Keys one JD call may carry: JD_MAX_BATCH for batch APIs, 1 for methods that read one entity. */
  maxKeysPerCall: number;
  /**
   * One JD call for `keys`. Keys absent from the map are missing; throwing fails only these keys.
   * Pass `options` on to the JD call: when given they override the request's own, field by field (a
   * merged call serving several requests; a background refresh), so priority never rides on async context.
   */
  fetchChunk(keys: K[], options?: JdCallOptions): Promise<Map<K, V | Error>>;
  /** The answer for a key JD does not know (null for entities, [] for lists). Cached like any answer. */
  missing(): V;
}

export interface BatchDeps {
  cache: JdCache;
  stats: JdLoaderStats;
  /** Caps concurrent JD calls (one request's loaders share it). */
  limit: Limiter;
  /**
   * The request's call options: its signal and deadline (a batch still queued when either ends never
   * leaves) and its caller; the client view the specs call applies them to every JD call.
   */
  call?: JdCallOptions;
  /** The request's staleness record: every answer served past its TTL is noted there. */
  staleness?: StalenessRecord;
  /** Grace in ms per JD method (see CachedBatchSpec.graceMs); a method absent here has none. */
  grace?: Partial<Record<string, number>>;
  /** The process's cross-request batch window; without it each request's misses make their own calls. */
  window?: BatchWindow;
}

/** The spec's own grace, else the table's for its method, else none. */
const graceOf = (spec: { method: string; graceMs?: number }, deps: BatchDeps): number => spec.graceMs ?? deps.grace?.[spec.method] ?? 0;

type Slot<V> = V | Error;

/**
 * What other requests see of a load whose own request stopped (left or ran out of time) before it got
 * an answer: the failure is that request's, not the key's, so a request that joined the load fetches
 * the key itself instead of inheriting the cancellation.
 */
class AbandonedLoad extends Error {
  constructor(cause: Error) {
    super('the request that started this JD load stopped before it was answered', { cause });
    this.name = 'AbandonedLoad';
  }
}

/** What the cache holds for a key: JD's answer and when JD gave it (epoch ms), so its age is known. */
export interface Stamped<V> {
  v: V;
  at: number;
}

/** Writes answers with their time; kept for TTL + grace, so a stale entry can still be served within its grace. */
export async function writeStamped<V>(deps: BatchDeps, entries: { key: string; value: V }[], ttlMs: number, graceMs = 0): Promise<void> {
  const at = Date.now();
  await deps.cache
    .setMany(
      entries.map(({ key, value }) => ({ key, value: { v: value, at } satisfies Stamped<V> })),
      ttlMs + graceMs,
    )
    .catch(() => deps.stats.cacheError());
}

async function readCache<V>(keys: string[], method: string, deps: BatchDeps): Promise<(Stamped<V> | undefined)[]> {
  try {
    return await deps.cache.getMany<Stamped<V>>(keys);
  } catch {
    // A cache outage must not fail the request: count it and treat every key as a miss.
    deps.stats.cacheError();
    return keys.map(() => undefined);
  }
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * JD's answers for `misses`: through the process's batch window for batch methods (the window counts
 * the call and its failure once, however many requests share it), else one call under the request's limit.
 * A windowed call is not held to one request's concurrency cap: it serves several, and it is one call.
 */
function startCall<K, V>(misses: [string, K][], spec: CachedBatchSpec<K, V>, deps: BatchDeps): Promise<Map<K, Slot<V>>> {
  if (deps.window && spec.maxKeysPerCall > 1) return deps.window.join(misses, spec, deps);
  const call = deps.limit(() => {
    // A batch that waited for a slot past its request's end is dropped here, before it counts or calls.
    throwIfStopped(spec.method, deps.call);
    deps.stats.jdCall(spec.method, misses.length);
    return withBatchKeys(misses.length, () => spec.fetchChunk(misses.map(([, key]) => key)));
  });
  call.catch(() => deps.stats.jdCallError(spec.method));
  return call;
}

/** Starts one JD call for `misses`, registering each key as in flight until its answer is cached. */
function fetchMisses<K, V>(misses: [string, K][], spec: CachedBatchSpec<K, V>, deps: BatchDeps): Map<string, Promise<Slot<V>>> {
  const { cache } = deps;
  const perKey = new Map<string, Promise<Slot<V>>>();
  const shared = new Map<string, Promise<Slot<V>>>();
  // An entry evicted while its call was on the way (a write) is no longer "ours": never write it back.
  const stillOurs = (cacheKey: string) => cache.inFlight.get(cacheKey) === shared.get(cacheKey);
  // The write-back starts in the same tick the call answers, before any slot settles: the memory cache
  // freezes what it stores as it is handed over, so this request and those joining it get the frozen,
  // shared value too, and code that mutates a loaded value fails on a cold read as on a hit.
  const answered = startCall(misses, spec, deps).then((found) => {
    const slots = new Map(
      misses.map(([cacheKey, key]): [string, Slot<V>] => [cacheKey, found.has(key) ? (found.get(key) as Slot<V>) : spec.missing()]),
    );
    const entries: { key: string; value: V }[] = [];
    for (const [cacheKey, value] of slots) if (!(value instanceof Error) && stillOurs(cacheKey)) entries.push({ key: cacheKey, value });
    return { slots, written: writeStamped(deps, entries, spec.ttlMs, graceOf(spec, deps)) };
  });
  for (const [cacheKey] of misses) {
    const slot = answered.then(
      ({ slots }) => slots.get(cacheKey) as Slot<V>,
      (thrown: unknown) => asError(thrown),
    );
    perKey.set(cacheKey, slot);
    const seenByOthers = deps.call
      ? slot.then((value) => (value instanceof Error && isStopped(deps.call) ? new AbandonedLoad(value) : value))
      : slot;
    shared.set(cacheKey, seenByOthers);
    cache.inFlight.set(cacheKey, seenByOthers);
  }
  void answered
    .then(
      ({ written }) => written,
      // Counted where the call was made (startCall or the window); its keys' slots carry the error.
      () => undefined,
    )
    .finally(() => {
      for (const cacheKey of perKey.keys()) if (stillOurs(cacheKey)) cache.inFlight.delete(cacheKey);
    });
  return perKey;
}

/** Joins a load another request has on its way; if that request stops first, fetches the key itself. */
function joinInFlight<K, V>(
  pending: Promise<Slot<V>>,
  cacheKey: string,
  key: K,
  spec: CachedBatchSpec<K, V>,
  deps: BatchDeps,
): Promise<Slot<V>> {
  return pending.then((value) => {
    if (!(value instanceof AbandonedLoad)) return value;
    const joined = deps.cache.inFlight.get(cacheKey) as Promise<Slot<V>> | undefined;
    // Someone else already started a new load of the key: join that one instead.
    if (joined && joined !== pending) return joinInFlight(joined, cacheKey, key, spec, deps);
    return fetchMisses([[cacheKey, key]], spec, deps).get(cacheKey) as Promise<Slot<V>>;
  });
}

/**
 * A refresh's priority, on its call's options (they override the request's): background, so the limiter
 * grants it only a slot free now and outside the foreground's reserve, and for no caller, so no
 * customer's fair share pays for it. The request's signal and deadline still apply.
 */
const REFRESH: JdCallOptions = { background: true, caller: undefined };

/**
 * One background JD call for stale keys nobody is refreshing yet: never queued behind or ahead of a
 * customer's call (the limiter refuses it unless a slot is free now), never joined by a reader (a
 * refused refresh must not fail anyone), and not written back if a write evicted the key meanwhile.
 */
function refreshStale<K, V>(stale: [string, K][], spec: CachedBatchSpec<K, V>, deps: BatchDeps): void {
  const { cache, stats } = deps;
  const mine = stale.filter(([cacheKey]) => !cache.refreshing.has(cacheKey) && !cache.inFlight.has(cacheKey));
  if (mine.length === 0) return;
  const token = {};
  for (const [cacheKey] of mine) cache.refreshing.set(cacheKey, token);
  const stillOurs = (cacheKey: string) => cache.refreshing.get(cacheKey) === token;
  const keys = mine.map(([, key]) => key);
  void spec
    .fetchChunk(keys, REFRESH)
    .then(
      async (found) => {
        stats.jdCall(spec.method, mine.length);
        const entries = mine
          .filter(([cacheKey, key]) => stillOurs(cacheKey) && !(found.get(key) instanceof Error))
          .map(([cacheKey, key]) => ({ key: cacheKey, value: (found.has(key) ? found.get(key) : spec.missing()) as V }));
        await writeStamped(deps, entries, spec.ttlMs, graceOf(spec, deps));
      },
      // Refused for want of a free slot, or JD failed: the stale entry stays until its grace ends, and the next reader tries again.
      () => stats.refreshSkipped(spec.method),
    )
    .finally(() => {
      for (const [cacheKey] of mine) if (stillOurs(cacheKey)) cache.refreshing.delete(cacheKey);
    });
}

/** Each key's cache key, and the first key asked for each distinct cache key (DataLoader may repeat keys). */
function byCacheKey<K, V>(
  keys: readonly K[],
  spec: CachedBatchSpec<K, V>,
): { cacheKeys: string[]; distinct: Map<string, K>; distinctKeys: string[] } {
  const cacheKeys = keys.map((key) => spec.cacheKey(key));
  const distinct = new Map<string, K>();
  keys.forEach((key, i) => {
    if (!distinct.has(cacheKeys[i])) distinct.set(cacheKeys[i], key);
  });
  return { cacheKeys, distinct, distinctKeys: [...distinct.keys()] };
}

/** The batch function behind every JD DataLoader (see the file comment for its contract). */
export function cachedBatchFn<K, V>(spec: CachedBatchSpec<K, V>, deps: BatchDeps): (keys: readonly K[]) => Promise<Slot<V>[]> {
  const load = async (keys: readonly K[], record: (counts: LoadCounts) => void) => {
    const { cacheKeys, distinct, distinctKeys } = byCacheKey(keys, spec);
    const cached = await readCache<V>(distinctKeys, spec.method, deps);

    const answers = new Map<string, Slot<V> | Promise<Slot<V>>>();
    const misses: [string, K][] = [];
    const stale: [string, K][] = [];
    const now = Date.now();
    distinctKeys.forEach((cacheKey, i) => {
      const entry = cached[i];
      const age = entry ? now - entry.at : Infinity;
      if (age <= spec.ttlMs) answers.set(cacheKey, (entry as Stamped<V>).v);
      else if (age <= spec.ttlMs + graceOf(spec, deps)) {
        answers.set(cacheKey, (entry as Stamped<V>).v);
        stale.push([cacheKey, distinct.get(cacheKey) as K]);
        recordStale(deps.staleness, spec.method, age);
      } else misses.push([cacheKey, distinct.get(cacheKey) as K]);
    });
    deps.stats.cacheHit(spec.method, distinctKeys.length - misses.length);
    deps.stats.cacheMiss(spec.method, misses.length);
    deps.stats.staleServed(spec.method, stale.length);
    for (const part of chunk(stale, spec.maxKeysPerCall)) refreshStale(part, spec, deps);

    // No await between looking up in-flight loads and registering ours: nobody can slip in between.
    const toFetch = misses.filter(([cacheKey, key]) => {
      const pending = deps.cache.inFlight.get(cacheKey) as Promise<Slot<V>> | undefined;
      if (pending) answers.set(cacheKey, joinInFlight(pending, cacheKey, key, spec, deps));
      return !pending;
    });
    deps.stats.inFlightJoin(spec.method, misses.length - toFetch.length);
    const parts = chunk(toFetch, spec.maxKeysPerCall);
    record({
      keys: distinctKeys.length,
      hits: distinctKeys.length - misses.length,
      misses: misses.length,
      joined: misses.length - toFetch.length,
      calls: parts.length,
    });
    for (const part of parts) {
      for (const [cacheKey, slot] of fetchMisses(part, spec, deps)) answers.set(cacheKey, slot);
    }
    return Promise.all(cacheKeys.map((cacheKey) => answers.get(cacheKey) as Slot<V> | Promise<Slot<V>>));
  };
  return (keys) => tracedLoad(spec.method, false, (record) => load(keys, record));
}

/**
 * The batch function for a read that must not trust the cache (a write deciding on JD's answer now):
 * same contract as `cachedBatchFn`, but every key goes to JD, and the answers replace the cached ones.
 * It may share the batch window with other requests' misses: that delays it by at most the window,
 * and the merged call still leaves after this read decided to go to JD, so its answer is as fresh.
 */
export function freshBatchFn<K, V>(spec: CachedBatchSpec<K, V>, deps: BatchDeps): (keys: readonly K[]) => Promise<Slot<V>[]> {
  const load = async (keys: readonly K[], record: (counts: LoadCounts) => void) => {
    const { cacheKeys, distinct, distinctKeys } = byCacheKey(keys, spec);
    // A load already on its way may have left before the value moved: neither join it nor let it write back.
    for (const cacheKey of distinctKeys) {
      deps.cache.inFlight.delete(cacheKey);
      deps.cache.refreshing.delete(cacheKey);
    }
    // Evicting first makes readers that come while this call is out join it instead of reading the stale entry.
    await deps.cache.delete(distinctKeys).catch(() => deps.stats.cacheError());
    // Never read from the cache, so every key counts as a miss (keeps joins a subset of misses in the stats).
    deps.stats.cacheMiss(spec.method, distinctKeys.length);

    const answers = new Map<string, Slot<V> | Promise<Slot<V>>>();
    // Loads registered during the eviction started after this read did: as fresh as ours, so join them.
    const toFetch = distinctKeys
      .filter((cacheKey) => {
        const pending = deps.cache.inFlight.get(cacheKey) as Promise<Slot<V>> | undefined;
        if (pending) answers.set(cacheKey, joinInFlight(pending, cacheKey, distinct.get(cacheKey) as K, spec, deps));
        return !pending;
      })
      .map((cacheKey): [string, K] => [cacheKey, distinct.get(cacheKey) as K]);
    deps.stats.inFlightJoin(spec.method, distinctKeys.length - toFetch.length);
    const parts = chunk(toFetch, spec.maxKeysPerCall);
    record({
      keys: distinctKeys.length,
      hits: 0,
      misses: distinctKeys.length,
      joined: distinctKeys.length - toFetch.length,
      calls: parts.length,
    });
    for (const part of parts) {
      for (const [cacheKey, slot] of fetchMisses(part, spec, deps)) answers.set(cacheKey, slot);
    }
    return Promise.all(cacheKeys.map((cacheKey) => answers.get(cacheKey) as Slot<V> | Promise<Slot<V>>));
  };
  return (keys) => tracedLoad(spec.method, true, (record) => load(keys, record));
}

/** A per-request DataLoader over `cachedBatchFn`; its own memo collapses duplicate keys. */
export function createCachedLoader<K, V>(spec: CachedBatchSpec<K, V>, deps: BatchDeps): DataLoader<K, V> {
  return new DataLoader<K, V>(cachedBatchFn(spec, deps), { name: spec.method });
}

/**
 * A per-request DataLoader over `freshBatchFn`. Each answer also replaces `memo`'s entry for its key
 * (the request's cached loader of the same method), so the rest of the request sees the fresh value.
 */
export function createFreshLoader<K, V>(spec: CachedBatchSpec<K, V>, deps: BatchDeps, memo?: DataLoader<K, V>): DataLoader<K, V> {
  const fetchFresh = freshBatchFn(spec, deps);
  return new DataLoader<K, V>(
    async (keys) => {
      const answers = await fetchFresh(keys);
      if (memo)
        answers.forEach((answer, i) => {
          if (!(answer instanceof Error)) memo.clear(keys[i]).prime(keys[i], answer);
        });
      return answers;
    },
    { name: `${spec.method} (fresh)` },
  );
}
