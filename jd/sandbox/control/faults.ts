/** Fault injection: latency, jitter, error rate, hangs, per-app calls-per-second limits. Seeded rolls. */
import { createRng, type Rng } from '../rng';
import { faultConfigSchema, type FaultConfig, type FaultSpec } from './fault-spec';

export interface FaultPlan {
  /** Wait this long before doing anything. */
  delayMs: number;
  /** Fail with this code (and HTTP status) instead of running the method. */
  error?: { code: string; httpStatus: number };
  /** Run the method, then hold the answer this long. */
  hangMs?: number;
}

const WINDOW_MS = 1000;

/** The live fault settings of one sandbox; `set` replaces them, `clear` removes them. */
export class FaultController {
  private config: FaultConfig = {};
  private remaining = new Map<string, number>();
  private windows = new Map<string, number[]>();
  private rng: Rng;

  constructor(
    private readonly seed: string,
    initial: FaultConfig = {},
  ) {
    this.rng = createRng(seed, 'faults');
    this.set(initial);
  }

  /** Replaces the whole fault configuration; throws (zod) on an invalid one. */
  set(config: FaultConfig): void {
    this.config = faultConfigSchema.parse(config);
    this.remaining = new Map(Object.entries(this.config).flatMap(([k, s]) => (s?.times ? [[k, s.times]] : [])));
    this.windows.clear();
  }

  get(): FaultConfig {
    return structuredClone(this.config);
  }

  /** No faults, fresh rate windows, and the fault RNG back at its seed. */
  clear(): void {
    this.set({});
    this.rng = createRng(this.seed, 'faults');
  }

  private effective(method: string): FaultSpec & { scope: string } {
    const own = this.config[method];
    return { ...this.config['*'], ...own, scope: own ? method : '*' };
  }

  /** True when this call fits the calls-per-second limit (and then counts it). */
  admit(appKey: string, method: string, nowMs: number): boolean {
    const own = this.config[method]?.callsPerSecond;
    const limit = own ?? this.config['*']?.callsPerSecond;
    if (!limit) return true;
    const key = `${appKey}|${own ? method : '*'}`;
    const recent = (this.windows.get(key) ?? []).filter((t) => nowMs - t < WINDOW_MS);
    if (recent.length >= limit) {
      this.windows.set(key, recent);
      return false;
    }
    recent.push(nowMs);
    this.windows.set(key, recent);
    return true;
  }

  /** Rolls this call's faults. */
  plan(method: string): FaultPlan {
    const spec = this.effective(method);
    const delayMs = (spec.latencyMs ?? 0) + (spec.jitterMs ? Math.floor(this.rng.next() * (spec.jitterMs + 1)) : 0);
    const plan: FaultPlan = { delayMs };
    const wantsError = spec.errorRate !== undefined && spec.errorRate > 0 && this.rng.next() < spec.errorRate;
    // Rolled only when hangRate is set, so configurations without it keep their seeded sequence.
    const wantsHang = (spec.hangMs ?? 0) > 0 && !wantsError && (spec.hangRate === undefined || this.rng.next() < spec.hangRate);
    if (!wantsError && !wantsHang) return plan;
    const scopeKey = this.config[method]?.times !== undefined ? method : '*';
    const left = this.remaining.get(scopeKey);
    if (left !== undefined) {
      if (left <= 0) return plan;
      this.remaining.set(scopeKey, left - 1);
    }
    if (wantsError) plan.error = { code: spec.errorCode ?? '66', httpStatus: spec.httpStatus ?? 200 };
    else plan.hangMs = spec.hangMs;
    return plan;
  }
}
