/**
 * Which cached JD answers a request was served past their TTL (stale-while-revalidate), and the
 * oldest of them. The record travels with the request's async context, so the subgraph can label
 * its response without every loader and resolver passing it along.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface StalenessRecord {
  /** Age in ms of the oldest stale answer served; undefined when every answer was fresh. */
  oldestAgeMs?: number;
  /** JD methods whose answers were served stale. */
  methods: Set<string>;
}

const current = new AsyncLocalStorage<StalenessRecord>();

/** Runs `work` (one request) with its own staleness record; read it with `stalenessOf` meanwhile. */
export function withStalenessRecord<T>(work: () => T): T {
  return current.run({ methods: new Set() }, work);
}

/** The running request's record, if it has one. */
export function currentStaleness(): StalenessRecord | undefined {
  return current.getStore();
}

/** Notes that an answer of `method`, `ageMs` old, was served past its TTL. */
export function recordStale(method: string, ageMs: number): void {
  const record = current.getStore();
  if (!record) return;
  record.methods.add(method);
  record.oldestAgeMs = Math.max(record.oldestAgeMs ?? 0, Math.round(ageMs));
}
