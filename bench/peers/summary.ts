/** Turns the peers bench's samples into report rows: medians over rounds and ratios against ours. */
import type { BenchTable } from '../lib/report';
import { median, round } from '../lib/stats';
import type { TargetId } from './options';
import type { WrkResult } from './wrk';

export interface RunSample {
  workload: string;
  target: TargetId;
  connections: number;
  round: number;
  wrk: WrkResult;
  /** Seconds inside the run over which CPU and subgraph requests were counted (ramp-up and tail left out). */
  windowSeconds: number;
  /** Answers wrk completed in that window. */
  windowRequests: number;
  /** CPU ms of the gateway process (and its descendants) in the window; undefined for the direct target. */
  gatewayCpuMs?: number;
  /** CPU ms of the subgraph process (four subgraphs + JD sandbox) in the window. */
  subgraphCpuMs: number;
  /** Requests that reached the subgraphs in the window, per subgraph. */
  subgraphFetches: Record<string, number>;
}

export interface Aggregate {
  target: TargetId;
  rps: number;
  rpsMin: number;
  rpsMax: number;
  p50Ms: number;
  p99Ms: number;
  gatewayCpuPerReq?: number;
  subgraphCpuPerReq: number;
  fetchesPerReq: number;
  failed: number;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** Medians over the rounds of one (workload, connections, target). */
export function aggregate(samples: RunSample[]): Aggregate {
  const m = (f: (s: RunSample) => number) => median(samples.map(f).filter(Number.isFinite));
  // A window without a completed answer has no per-request figure (NaN, shown as —), not a huge one.
  const perReq = (n: number, s: RunSample) => (s.windowRequests > 0 ? n / s.windowRequests : NaN);
  const rps = samples.map((s) => s.wrk.requestsPerSecond);
  return {
    target: samples[0].target,
    rps: m((s) => s.wrk.requestsPerSecond),
    rpsMin: Math.min(...rps),
    rpsMax: Math.max(...rps),
    p50Ms: m((s) => s.wrk.p50Ms),
    p99Ms: m((s) => s.wrk.p99Ms),
    gatewayCpuPerReq: samples[0].gatewayCpuMs === undefined ? undefined : m((s) => perReq(s.gatewayCpuMs ?? 0, s)),
    subgraphCpuPerReq: m((s) => perReq(s.subgraphCpuMs, s)),
    fetchesPerReq: m((s) => perReq(total(s.subgraphFetches), s)),
    failed: samples.reduce((n, s) => n + s.wrk.badAnswers + s.wrk.socketErrors + s.wrk.timeouts, 0),
  };
}

/** `x.xx×` of value against the reference, or — when either is missing. */
export function ratio(value: number | undefined, reference: number | undefined): string {
  if (value === undefined || reference === undefined || !Number.isFinite(value) || !Number.isFinite(reference) || reference === 0)
    return '—';
  return `${(value / reference).toFixed(2)}×`;
}

const fmt = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : round(n));

export const RESULT_COLUMNS = [
  'wrk -c',
  'target',
  'requests/s (median)',
  'requests/s min–max',
  'req/s × ours',
  'p50 ms',
  'p99 ms',
  'gateway CPU ms/req',
  'gateway CPU × ours',
  'subgraph-process CPU ms/req',
  'subgraph CPU × ours',
  'subgraph fetches/req',
  'failed answers',
];

/** One results table for a workload: a row per connections × target, ratios against ours at the same -c. */
export function workloadTable(title: string, samples: RunSample[], labels: Record<TargetId, string>): BenchTable {
  const rows: (string | number)[][] = [];
  const connections = [...new Set(samples.map((s) => s.connections))];
  const targets = [...new Set(samples.map((s) => s.target))];
  for (const c of connections) {
    const byTarget = new Map(targets.map((t) => [t, aggregate(samples.filter((s) => s.connections === c && s.target === t))]));
    const ours = byTarget.get('ours');
    for (const a of byTarget.values()) {
      rows.push([
        c,
        labels[a.target],
        fmt(a.rps),
        `${fmt(a.rpsMin)}–${fmt(a.rpsMax)}`,
        ratio(a.rps, ours?.rps),
        fmt(a.p50Ms),
        fmt(a.p99Ms),
        fmt(a.gatewayCpuPerReq),
        ratio(a.gatewayCpuPerReq, ours?.gatewayCpuPerReq),
        fmt(a.subgraphCpuPerReq),
        ratio(a.subgraphCpuPerReq, ours?.subgraphCpuPerReq),
        fmt(a.fetchesPerReq),
        a.failed,
      ]);
    }
  }
  return { title, columns: RESULT_COLUMNS, rows };
}
