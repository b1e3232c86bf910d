import { circuitOpenError } from '../errors';

export interface CircuitBreakerOptions {
  /** Consecutive counted failures that open the circuit. */
  threshold: number;
  /** How long the circuit stays open before one trial call is let through (half-open). */
  halfOpenAfterMs: number;
  /** Which errors count as the upstream being unhealthy; other errors count as answers. */
  isFailure(error: unknown): boolean;
  now(): number;
}

export type CircuitState = 'closed' | 'open' | 'half-open';

/**
 * A consecutive-failure breaker for one method: after `threshold` failures in a row it refuses
 * calls for `halfOpenAfterMs`, then lets a single trial through; its success closes the circuit.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trialInFlight = false;

  constructor(private readonly method: string, private readonly options: CircuitBreakerOptions) {}

  get state(): CircuitState {
    if (this.openedAt === undefined) return 'closed';
    return this.options.now() - this.openedAt >= this.options.halfOpenAfterMs ? 'half-open' : 'open';
  }

  /** Runs `fn` unless the circuit refuses it (JdApiError kind 'circuit-open'). */
  async execute<T>(fn: () => Promise<T>): Promise<T> {
    const state = this.state;
    const isTrial = state === 'half-open';
    if (state === 'open' || (isTrial && this.trialInFlight)) {
      const wait = Math.max(0, (this.openedAt ?? 0) + this.options.halfOpenAfterMs - this.options.now());
      throw circuitOpenError(this.method, wait);
    }
    if (isTrial) this.trialInFlight = true;
    try {
      const result = await fn();
      this.close();
      return result;
    } catch (error) {
      if (this.options.isFailure(error)) this.recordFailure(isTrial);
      else this.close();
      throw error;
    } finally {
      if (isTrial) this.trialInFlight = false;
    }
  }

  private close(): void {
    this.failures = 0;
    this.openedAt = undefined;
  }

  private recordFailure(wasTrial: boolean): void {
    this.failures++;
    // A failed trial re-opens at once; otherwise open on reaching the threshold.
    if (wasTrial || this.failures >= this.options.threshold) this.openedAt = this.options.now();
  }
}
