/**
 * Which cached JD answers a request was served past their TTL (stale-while-revalidate), and the
 * oldest of them. Each request has its own record, handed to its loaders (createJdLoaders'
 * `staleness`) and read back by whoever labels the response. It is passed explicitly rather than kept
 * in async local storage: on Node 20 that turns on promise hooks for every promise of the process, a
 * cost every request pays.
 */

export interface StalenessRecord {
  /** Age in ms of the oldest stale answer served; undefined when every answer was fresh. */
  oldestAgeMs?: number;
  /** JD methods whose answers were served stale. */
  methods: Set<string>;
}

/** A new, empty record for one request. */
export function createStalenessRecord(): StalenessRecord {
  return { methods: new Set() };
}

/** Notes in `record` (when the request keeps one) that an answer of `method`, `ageMs` old, was served past its TTL. */
export function recordStale(record: StalenessRecord | undefined, method: string, ageMs: number): void {
  if (!record) return;
  record.methods.add(method);
  record.oldestAgeMs = Math.max(record.oldestAgeMs ?? 0, Math.round(ageMs));
}
