/**
 * The graph bench's stack child (bench/graph/stack-child.ts) with this profile's fixes switched off on
 * request, so before and after run side by side in one A/B run. STACK_VARIANT (comma-separated):
 *   no-memo     WeeklySchedule.nextOpensAt / nextOpensAtIso / openAt compute with luxon on every call (as before 01df1c6)
 *   no-fetcher  subgraph calls go through Apollo's default make-fetch-happen fetcher (as before 891163c)
 * Bench-only monkey patches; the production code has no switch.
 */
import { WeeklySchedule } from '../../subgraphs/offices/hours/weekly-schedule';
import { SignedIdentityDataSource } from '../../gateway/subgraph-transport';

const off = new Set((process.env.STACK_VARIANT ?? '').split(',').filter(Boolean));

if (off.has('no-memo')) {
  type Internals = {
    alwaysOpen: boolean;
    openings: number[];
    computeNextOpensAt(from: Date): Date | null;
    computeOpenAt(instant: Date): boolean;
  };
  WeeklySchedule.prototype.nextOpensAt = function (this: Internals, from: Date) {
    if (this.alwaysOpen || this.openings.length === 0) return null;
    return this.computeNextOpensAt(from);
  } as WeeklySchedule['nextOpensAt'];
  // With no memo entry, nextOpensAtIso formats on every call (what the resolver did before).
  WeeklySchedule.prototype.openAt = function (this: Internals, instant: Date) {
    return this.computeOpenAt(instant);
  } as WeeklySchedule['openAt'];
}

if (off.has('no-fetcher')) {
  // The same defaults RemoteGraphQLDataSource's constructor uses.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- make-fetch-happen ships no types
  const defaultFetcher = (require('make-fetch-happen') as { defaults(o: object): unknown }).defaults({
    maxSockets: Infinity,
    retry: false,
  });
  // An accessor on the prototype swallows both the base constructor's and Object.assign's writes.
  Object.defineProperty(SignedIdentityDataSource.prototype, 'fetcher', {
    configurable: true,
    get: () => defaultFetcher,
    set: () => undefined,
  });
}

// eslint-disable-next-line @typescript-eslint/no-require-imports -- runs the child's main() after the patches
require('../graph/stack-child');
