/** What every chaos scenario reports, and the scale it runs at. */

/** `full` for `npm run chaos` (RELIABILITY.md), `smoke` for the few-second versions in npm test. */
export type Scale = 'full' | 'smoke';

export interface Target {
  /** What must hold, e.g. "lost = 0". */
  label: string;
  met: boolean;
}

export interface ScenarioResult {
  name: string;
  /** The fault injected, in words. */
  fault: string;
  /** The load, in words. */
  load: string;
  /** Outcome counts, in the order they should be read. */
  outcomes: Record<string, number>;
  /** Over every request of the scenario, in ms. */
  latency: { p50: number; p99: number };
  targets: Target[];
  /** Anything a reader needs besides the counts (an example leak, a phase's figures). */
  notes: string[];
}
