/** Call statistics per method: calls, batch sizes (keys per batch call) and error codes answered. */
export interface MethodStats {
  calls: number;
  batchSizes: number[];
  /** JD code (system or after-sales resultCode) -> times answered. */
  errors: Record<string, number>;
}
export interface SandboxStats {
  methods: Record<string, MethodStats>;
  total: number;
}

export class StatsRecorder {
  private stats: SandboxStats = { methods: {}, total: 0 };

  private of(method: string): MethodStats {
    return (this.stats.methods[method] ??= { calls: 0, batchSizes: [], errors: {} });
  }

  /** Counts a call that passed the system checks (method, credentials, timestamp, sign). */
  call(method: string): void {
    this.of(method).calls++;
    this.stats.total++;
  }

  batch(method: string, size: number): void {
    this.of(method).batchSizes.push(size);
  }

  error(method: string, code: string): void {
    const errors = this.of(method).errors;
    errors[code] = (errors[code] ?? 0) + 1;
  }

  /** A deep copy, safe to hand out. */
  snapshot(): SandboxStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = { methods: {}, total: 0 };
  }
}
